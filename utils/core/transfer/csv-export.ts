import { writeCsv } from './csv';
import type { TransferArticle } from './model';

/**
 * The first five columns are Pocket's, so this file imports back into Kliping (and into tools
 * that read Pocket exports); the rest are for spreadsheets.
 */
const CSV_COLUMNS = [
  'title',
  'url',
  'time_added',
  'tags',
  'status',
  'canonical_url',
  'site',
  'author',
  'published',
  'updated',
  'read',
  'favorite',
  'progress',
  'excerpt',
  'notes',
  'highlights',
] as const;

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());

export function serializeCsv(articles: readonly TransferArticle[]): string {
  const rows = articles.map((a) => [
    a.title,
    a.url,
    String(Math.floor(a.savedAt / 1000)),
    a.tags.join('|'),
    a.archived ? 'archive' : 'unread',
    a.canonicalUrl,
    a.siteName ?? '',
    a.byline ?? '',
    a.publishedTime ?? '',
    iso(a.updatedAt),
    a.readState === 'read' ? 'yes' : 'no',
    a.favorite ? 'yes' : 'no',
    String(Math.round(a.readingProgress * 100)),
    a.excerpt ?? '',
    a.notes?.text ?? '',
    a.highlights.map((h) => h.quote.exact).join('\n\n'),
  ]);
  return writeCsv(CSV_COLUMNS, rows);
}
