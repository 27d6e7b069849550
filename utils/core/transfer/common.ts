import { normalizeUrl } from '../url';
import { cleanTags } from '../tags';
import { ImportFormatError, type ImportLocation, type Problem, type TransferArticle } from './model';

/** UTF-8 text of a file, BOM dropped; a binary or mis-encoded file is named, not garbled. */
export function decodeText(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ImportFormatError({ file }, 'notUtf8');
  }
}

export function encodeText(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/**
 * A web address worth saving, or why not. Only http(s): imports never bring back `javascript:`
 * or `file:` links.
 */
export function webAddress(raw: string): { url: string; canonicalUrl: string } | { error: Problem } {
  const trimmed = raw.trim();
  if (!trimmed) return { error: { code: 'addressEmpty', params: [] } };
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return { error: { code: 'notWebAddress', params: [clip(trimmed)] } };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { error: { code: 'notWebAddress', params: [clip(trimmed)] } };
  return { url: parsed.href, canonicalUrl: normalizeUrl(parsed.href) };
}

export function requireWebAddress(raw: string, at: ImportLocation): { url: string; canonicalUrl: string } {
  const result = webAddress(raw);
  if ('error' in result) throw new ImportFormatError(at, result.error.code, ...result.error.params);
  return result;
}

/** Short enough to quote in a message. */
export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Seconds or milliseconds since the epoch, or an ISO date, as milliseconds; null when absent. */
export function parseTime(raw: string | number | null | undefined, at: ImportLocation, field: string): number | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return toMillis(raw, at, field);
  const text = raw.trim();
  if (!text) return null;
  if (/^\d+(\.\d+)?$/.test(text)) return toMillis(Number(text), at, field);
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new ImportFormatError(at, 'notDate', field, clip(text));
  return ms;
}

function toMillis(value: number, at: ImportLocation, field: string): number {
  if (!Number.isFinite(value) || value < 0) throw new ImportFormatError(at, 'notDate', field, value);
  // Exports give seconds; anything past the year 33658 in seconds is surely milliseconds already.
  return value < 1e12 ? Math.round(value * 1000) : Math.round(value);
}

/**
 * Rows naming the same page twice (a CSV with repeats, two Pocket parts) become one article:
 * tags joined, earliest save kept, the most informative fields kept.
 */
export function mergeDuplicates(articles: TransferArticle[]): TransferArticle[] {
  const byKey = new Map<string, TransferArticle>();
  for (const article of articles) {
    const seen = byKey.get(article.canonicalUrl);
    if (!seen) {
      byKey.set(article.canonicalUrl, article);
      continue;
    }
    byKey.set(article.canonicalUrl, {
      ...seen,
      title: seen.title === seen.url && article.title !== article.url ? article.title : seen.title,
      excerpt: seen.excerpt ?? article.excerpt,
      tags: cleanTags([...seen.tags, ...article.tags]),
      savedAt: Math.min(seen.savedAt, article.savedAt),
      updatedAt: Math.max(seen.updatedAt, article.updatedAt),
      readState: seen.readState === 'read' || article.readState === 'read' ? 'read' : 'unread',
      readingProgress: Math.max(seen.readingProgress, article.readingProgress),
      favorite: seen.favorite || article.favorite,
      archived: seen.archived || article.archived,
      content: seen.content ?? article.content,
      contentStatus: seen.content ? seen.contentStatus : article.contentStatus,
      highlights: [...seen.highlights, ...article.highlights],
      notes: seen.notes ?? article.notes,
    });
  }
  return [...byKey.values()];
}

/** Lets a long loop hand the event loop back now and then, so a progress bar can paint. */
export function yieldToUi(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
