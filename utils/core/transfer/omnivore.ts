import { blockText, countWords } from '../extract/text';
import { readingMinutes } from '../extract/reading-time';
import { sanitizeHtml } from '../sanitize';
import { cleanTags } from '../tags';
import { clip, decodeText, mergeDuplicates, parseTime, requireWebAddress } from './common';
import { jsonErrorLine } from './kliping-json';
import { quoteSelectorIn } from '../highlight/anchor';
import { ImportFormatError, linkArticle, type ImportBatch, type InputFile, type TransferArticle, type TransferHighlight } from './model';

/**
 * Omnivore's export zip (2024): `metadata_<from>_to_<to>.json` (a list of records),
 * `content/<slug>.html` (the readable copy) and `highlights/<slug>.md` (quotes and notes).
 */
export function isOmnivoreExport(names: readonly string[]): boolean {
  return names.some((name) => /(^|\/)metadata_\d+_to_\d+\.json$/i.test(name));
}

interface Files {
  byName: Map<string, InputFile>;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `content/<slug>.html` wherever the zip's root folder is. */
function find(files: Files, folder: string, slug: string, ext: string): InputFile | undefined {
  for (const [name, file] of files.byName) {
    if (name.endsWith(`${folder}/${slug}.${ext}`)) return file;
  }
  return undefined;
}

export function parseOmnivoreExport(inputs: readonly InputFile[], now: number, win: Window & typeof globalThis = globalThis.window): ImportBatch {
  const files: Files = { byName: new Map(inputs.map((f) => [f.name, f])) };
  const metadata = inputs
    .filter((f) => /(^|\/)metadata_\d+_to_\d+\.json$/i.test(f.name))
    .sort((a, b) => firstIndex(a.name) - firstIndex(b.name));
  if (metadata.length === 0) throw new ImportFormatError({ file: 'zip' }, 'notOmnivore');
  const articles: TransferArticle[] = [];
  for (const meta of metadata) {
    const file = baseName(meta.name);
    const json = decodeText(meta.bytes, file);
    let records: unknown;
    try {
      records = JSON.parse(json);
    } catch {
      throw new ImportFormatError({ file, line: jsonErrorLine(json) }, 'notJson');
    }
    if (!Array.isArray(records)) throw new ImportFormatError({ file }, 'notAList', file);
    records.forEach((record, i) => articles.push(omnivoreArticle(record, { file, entry: i + 1 }, files, now, win)));
  }
  return { source: 'omnivore', articles: mergeDuplicates(articles), skipped: 0 };
}

function firstIndex(name: string): number {
  return Number(/metadata_(\d+)_to_/i.exec(name)?.[1] ?? 0);
}

function omnivoreArticle(raw: unknown, at: { file: string; entry: number }, files: Files, now: number, win: Window & typeof globalThis): TransferArticle {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ImportFormatError(at, 'badField', 'entry', 'an object');
  const r = raw as Record<string, unknown>;
  const text = (key: string): string | null => {
    const value = r[key];
    if (value === null || value === undefined) return null;
    if (typeof value !== 'string') throw new ImportFormatError(at, 'badField', key, 'text');
    return value;
  };
  const { url, canonicalUrl } = requireWebAddress(text('url') ?? '', at);
  const savedAt = parseTime(text('savedAt'), at, 'savedAt') ?? now;
  const article = linkArticle(url, canonicalUrl, savedAt);
  article.updatedAt = parseTime(text('updatedAt'), at, 'updatedAt') ?? savedAt;
  article.title = text('title')?.trim() || url;
  article.byline = text('author')?.trim() || null;
  article.excerpt = text('description')?.trim() || null;
  article.leadImageUrl = text('thumbnail') || null;
  article.publishedTime = text('publishedAt') || null;
  const state = text('state');
  if (state !== null && !['Active', 'Archived', 'Succeeded', 'Processing', 'Failed', 'Deleted'].includes(state)) {
    throw new ImportFormatError(at, 'omnivoreState', clip(state));
  }
  article.archived = state === 'Archived';
  const labels = r.labels ?? [];
  if (!Array.isArray(labels)) throw new ImportFormatError(at, 'badField', 'labels', 'a list');
  article.tags = cleanTags(
    labels.map((label) => {
      if (typeof label === 'string') return label;
      if (typeof label === 'object' && label !== null && typeof (label as { name?: unknown }).name === 'string') return (label as { name: string }).name;
      throw new ImportFormatError(at, 'badField', 'labels', 'a list of names');
    }),
  );
  const progress = r.readingProgress ?? 0;
  if (typeof progress !== 'number' || !Number.isFinite(progress)) throw new ImportFormatError(at, 'badField', 'readingProgress', 'a number');
  // Omnivore counts progress in percent.
  article.readingProgress = Math.min(1, Math.max(0, progress / 100));
  if (article.readingProgress >= 1) article.readState = 'read';

  let renderedText: string | null = null;
  const slug = text('slug');
  if (slug) {
    const content = find(files, 'content', slug, 'html');
    if (content) {
      // A file from elsewhere is as hostile as a page: sanitize before it is stored.
      const html = sanitizeHtml(decodeText(content.bytes, content.name), win);
      // An inert document to read the text from: nothing in it runs or loads.
      const holder = new win.DOMParser().parseFromString(html, 'text/html').body;
      const body = blockText(holder);
      article.content = { html, text: body };
      // Highlight positions count characters of the rendered copy's text nodes (schema.ts).
      renderedText = holder.textContent ?? '';
      article.contentStatus = 'saved';
      article.wordCount = countWords(body);
      article.readingMinutes = readingMinutes(article.wordCount, null);
    }
    const highlights = find(files, 'highlights', slug, 'md');
    if (highlights) article.highlights = parseOmnivoreHighlights(decodeText(highlights.bytes, highlights.name), renderedText, article.updatedAt);
  }
  return article;
}

/**
 * `highlights/<slug>.md`: each highlight a `> quote [⤴️](link)` blockquote, its note (if any)
 * the paragraphs after it. Selectors are computed against the saved copy's text when the quote is
 * found there; otherwise the empty position at 0 matches nothing, so the library lists the
 * highlight as one that cannot re-attach instead of dropping it.
 */
export function parseOmnivoreHighlights(markdown: string, savedText: string | null, time: number): TransferHighlight[] {
  const highlights: TransferHighlight[] = [];
  let quote: string[] = [];
  let note: string[] = [];
  const flush = () => {
    const exact = quote
      .join('\n')
      .replace(/\s*\[⤴️?\]\([^)]*\)\s*$/u, '')
      .trim();
    if (exact) {
      const found = savedText === null ? null : quoteSelectorIn(savedText, exact);
      highlights.push({
        quote: found?.quote ?? { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
        id: crypto.randomUUID(),
        position: found?.position ?? { type: 'TextPositionSelector', start: 0, end: 0 },
        note: note.join('\n').trim() || null,
        color: null,
        createdAt: time,
        updatedAt: time,
      });
    }
    quote = [];
    note = [];
  };
  for (const line of markdown.split(/\r?\n/)) {
    if (/^>/.test(line)) {
      if (note.length > 0) flush();
      quote.push(line.replace(/^>\s?/, ''));
    } else if (quote.length > 0) {
      note.push(line);
    }
  }
  flush();
  return highlights;
}
