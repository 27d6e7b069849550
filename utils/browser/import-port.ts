import { base64ToBytes, bytesToBase64 } from '../core/reader/font';
import type { ImportBatch, ProgressCallback, TransferArticle, TransferPicture } from '../core/transfer/model';
import { applyImport } from '../data/library-writes';
import type { KlipingDb } from '../data/schema';
import type { ImportSummary } from '../data/transfer-store';
import { IMPORT_PORT, type ImportReply, type ImportRequest } from './messaging';
import { acceptTypedPorts, connectTypedPort } from './typed-port';

/** Articles per message: each stays far below the browsers' message size limits. */
const ARTICLES_PER_MESSAGE = 500;

/**
 * The library page's side: hands a checked batch to the background and resolves with what was
 * written. Rejects, with the background's error name kept (a full disk stays a quota error),
 * when the write fails, or when the background went away before writing.
 */
export function importInBackground(batch: ImportBatch, onProgress?: ProgressCallback): Promise<ImportSummary> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const port = connectTypedPort<ImportRequest, ImportReply>(
      IMPORT_PORT,
      (reply) => {
        if (reply.type === 'progress') onProgress?.(reply.done, reply.total, reply.phase);
        else {
          settled = true;
          port.close();
          if (reply.type === 'written') resolve(reply.summary);
          else reject(Object.assign(new Error(reply.message), { name: reply.name }));
        }
      },
      () => {
        if (!settled) reject(new Error('The background stopped before the import was written; nothing was imported.'));
      },
    );
    for (let from = 0; from < batch.articles.length; from += ARTICLES_PER_MESSAGE) {
      port.send({ type: 'articles', articles: batch.articles.slice(from, from + ARTICLES_PER_MESSAGE) });
    }
    for (const picture of batch.pictures?.values() ?? []) port.send({ type: 'picture', hash: picture.hash, mime: picture.type, base64: bytesToBase64(picture.bytes.slice().buffer) });
    port.send({ type: 'write', source: batch.source, skipped: batch.skipped });
  });
}

/** The background's side: gathers each page's batch and writes it once the page says `write`. */
export function acceptImports(db: () => KlipingDb): void {
  acceptTypedPorts<ImportRequest, ImportReply>(IMPORT_PORT, (peer) => {
    const articles: TransferArticle[] = [];
    const pictures = new Map<string, TransferPicture>();
    return (request) => {
      if (request.type === 'articles') articles.push(...request.articles);
      else if (request.type === 'picture') pictures.set(request.hash, { hash: request.hash, type: request.mime, bytes: new Uint8Array(base64ToBytes(request.base64)) });
      else {
        const batch: ImportBatch = { source: request.source, skipped: request.skipped, articles, ...(pictures.size ? { pictures } : {}) };
        applyImport(db(), batch, (done, total, phase) => peer.reply({ type: 'progress', done, total, phase })).then(
          (summary) => peer.reply({ type: 'written', summary }),
          (error: unknown) => peer.reply({ type: 'failed', name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) }),
        );
      }
    };
  });
}
