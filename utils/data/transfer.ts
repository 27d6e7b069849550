import type { KlipingDb } from './schema';
import { encodeText } from '../core/transfer/common';
import { serializeCsv } from '../core/transfer/csv-export';
import { parseImport } from '../core/transfer/detect';
import { zipSync, type Zippable } from 'fflate';
import { sha256Hex } from './keep-images';
import { pictureFile, serializeKlipingJson } from '../core/transfer/kliping-json';
import { exportMarkdownZip } from '../core/transfer/markdown';
import { ImportFormatError, type ImportBatch, type InputFile, type ProgressCallback, type TransferArticle, type TransferPicture } from '../core/transfer/model';
import { serializeNetscape } from '../core/transfer/netscape';
import { readLibrary, readPictures } from './transfer-store';

export type { ImportSummary } from './transfer-store';
export { ImportFormatError, describeLocation, type InputFile, type ProgressCallback, type ProgressPhase } from '../core/transfer/model';

export const EXPORT_FORMATS = ['kliping-json', 'markdown-zip', 'bookmarks-html', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

/** `kliping-2026-11-29` */
function stem(now: number): string {
  return `kliping-${new Date(now).toISOString().slice(0, 10)}`;
}

/** The whole library in one file of the chosen format. */
export async function exportLibrary(db: KlipingDb, format: ExportFormat, options: { now?: number; onProgress?: ProgressCallback } = {}): Promise<ExportFile> {
  const now = options.now ?? Date.now();
  const articles = await readLibrary(db, options.onProgress);
  switch (format) {
    case 'kliping-json': {
      const pictures = await readPictures(db, keptHashes(articles));
      if (pictures.length === 0) return { name: `${stem(now)}.json`, mime: 'application/json', bytes: encodeText(serializeKlipingJson(articles, now)) };
      // With pictures: one zip of the JSON and each picture once, named by its hash.
      const entries = pictures.map((p) => ({ hash: p.hash, type: p.type, size: p.bytes.length, file: pictureFile(p.hash, p.type) }));
      const files: Zippable = { 'kliping.json': encodeText(serializeKlipingJson(articles, now, entries)) };
      // Pictures are compressed already: stored, not deflated again.
      pictures.forEach((p, i) => (files[entries[i]!.file] = [p.bytes, { level: 0 }]));
      return { name: `${stem(now)}.zip`, mime: 'application/zip', bytes: zipSync(files, { level: 6 }) };
    }
    case 'markdown-zip': {
      const pictures = new Map((await readPictures(db, keptHashes(articles))).map((p) => [p.hash, p]));
      return { name: `${stem(now)}-markdown.zip`, mime: 'application/zip', bytes: await exportMarkdownZip(articles, options.onProgress, pictures) };
    }
    case 'bookmarks-html':
      return { name: `${stem(now)}-bookmarks.html`, mime: 'text/html', bytes: encodeText(serializeNetscape(articles)) };
    case 'csv':
      return { name: `${stem(now)}.csv`, mime: 'text/csv', bytes: encodeText(serializeCsv(articles)) };
  }
}

function keptHashes(articles: readonly TransferArticle[]): string[] {
  const hashes = new Set<string>();
  for (const a of articles) for (const image of a.images ?? []) if (image.status === 'kept' && image.hash) hashes.add(image.hash);
  return [...hashes];
}

/** A picture is named by its SHA-256: one whose bytes do not match is damaged, and refused. */
async function checkPictures(pictures: ReadonlyMap<string, TransferPicture> | undefined): Promise<void> {
  for (const picture of pictures?.values() ?? []) {
    if ((await sha256Hex(picture.bytes)) !== picture.hash) throw new ImportFormatError({ file: pictureFile(picture.hash, picture.type) }, 'imageDamaged', picture.hash.slice(0, 12));
  }
}

export interface ImportOptions {
  now?: number;
  /** The window whose DOMParser and DOMPurify read HTML (the library page's own by default). */
  win?: Window & typeof globalThis;
  onProgress?: ProgressCallback;
}

/**
 * Reads any supported export (Kliping JSON, Pocket zip/CSV, Instapaper CSV, Omnivore zip,
 * bookmark HTML) into one checked batch, writing nothing: the page parses (it has the DOM the
 * formats need) and the background writes the batch (utils/browser/import-port.ts). Throws
 * ImportFormatError (naming the file and line or entry) when any part of it is wrong.
 */
export async function readImport(files: readonly InputFile[], options: ImportOptions = {}): Promise<ImportBatch> {
  const total = files.length;
  options.onProgress?.(0, total, 'checking');
  // Marks let benchmarks split the time between checking and writing (User Timing, no cost to speak of).
  performance.mark('kliping:import:start');
  const batch = parseImport(files, { now: options.now ?? Date.now(), win: options.win });
  await checkPictures(batch.pictures);
  performance.mark('kliping:import:checked');
  options.onProgress?.(total, total, 'checking');
  return batch;
}
