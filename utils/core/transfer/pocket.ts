import { cleanTags } from '../tags';
import { clip, mergeDuplicates, parseTime, requireWebAddress } from './common';
import { cell, columns, readCsv } from './csv';
import { ImportFormatError, linkArticle, type ImportBatch, type TransferArticle } from './model';

/** Pocket's export (2025): `part_000000.csv`, … with these columns, found by header name. */
const REQUIRED = ['url'] as const;
const OPTIONAL = ['title', 'time_added', 'tags', 'status'] as const;

export function isPocketCsvName(name: string): boolean {
  return /(^|\/)part_\d+\.csv$/i.test(name);
}

/** One Pocket CSV part. Every row is checked; the first bad one is named by its line. */
export function parsePocketCsv(text: string, file: string, now: number): TransferArticle[] {
  const table = readCsv(text, file);
  const col = columns(table, file, REQUIRED, OPTIONAL);
  if (col.status < 0 && col.time_added < 0) {
    throw new ImportFormatError({ file, line: 1 }, 'notPocket');
  }
  return table.rows.map((row) => {
    const at = { file, line: row.line };
    const { url, canonicalUrl } = requireWebAddress(cell(row, col.url), at);
    const savedAt = parseTime(cell(row, col.time_added), at, 'time_added') ?? now;
    const status = cell(row, col.status).trim().toLowerCase();
    if (status !== '' && status !== 'unread' && status !== 'archive') {
      throw new ImportFormatError(at, 'pocketStatus', clip(status));
    }
    const article = linkArticle(url, canonicalUrl, savedAt);
    article.title = cell(row, col.title).trim() || url;
    article.tags = cleanTags(cell(row, col.tags).split('|'));
    article.archived = status === 'archive';
    return article;
  });
}

/** All parts of one export, in name order; a page in two parts is one article. */
export function parsePocketExport(parts: { name: string; text: string }[], now: number): ImportBatch {
  const sorted = [...parts].sort((a, b) => a.name.localeCompare(b.name));
  const articles = sorted.flatMap((part) => parsePocketCsv(part.text, part.name, now));
  return { source: 'pocket', articles: mergeDuplicates(articles), skipped: 0 };
}
