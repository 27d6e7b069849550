import { metadataOf } from '../core/article';
import { imageSize } from '../core/images/sniff';
import { articleDefaults } from './defaults';
import type { ArticleImageRecord, ArticleRecord, ContentRecord, HighlightRecord, ImageRecord, KlipingDb, NoteRecord } from './schema';
import { cleanTags } from '../core/tags';
import type { ProgressCallback, TransferArticle, TransferHighlight, TransferImage, TransferPicture } from '../core/transfer/model';

/*
 * The only module that knows both the transfer model and the Dexie records: the mapping and
 * merging both ways, and the reads an export makes (one read transaction). The import's write is
 * library-writes.ts `applyImport`, ONE read-write transaction, so a failure (a full disk) leaves
 * the library exactly as it was.
 */

/** Rows per bulk write: small enough for the progress bar to move, big enough to be fast. */
export const IMPORT_CHUNK = 1000;

function toTransfer(
  record: ArticleRecord,
  content: ContentRecord | undefined,
  note: NoteRecord | undefined,
  highlights: readonly HighlightRecord[],
  images: readonly ArticleImageRecord[] = [],
): TransferArticle {
  return {
    url: record.url,
    canonicalUrl: record.canonicalUrl,
    title: record.title,
    byline: record.byline,
    siteName: record.siteName,
    publishedTime: record.publishedTime,
    lang: record.lang,
    dir: record.dir,
    excerpt: record.excerpt,
    leadImageUrl: record.leadImageUrl,
    wordCount: record.wordCount,
    readingMinutes: record.readingMinutes,
    tags: [...record.tags],
    savedAt: record.savedAt,
    updatedAt: record.updatedAt,
    readState: record.readState,
    readingProgress: record.readingProgress,
    favorite: record.favorite,
    archived: record.archived,
    contentStatus: record.contentStatus,
    content: content ? { html: content.html, text: content.text } : null,
    notes: note ? { text: note.text, updatedAt: note.updatedAt } : null,
    highlights: highlights.map(toTransferHighlight),
    ...(images.length > 0 ? { images: images.map(toTransferImage) } : {}),
  };
}

function toTransferImage(link: ArticleImageRecord): TransferImage {
  return { url: link.url, status: link.status, hash: link.hash, reason: link.reason, ...(link.httpStatus ? { httpStatus: link.httpStatus } : {}) };
}

/** The bytes of these kept pictures, for an export (read after the library's transaction). */
export async function readPictures(db: KlipingDb, hashes: readonly string[]): Promise<TransferPicture[]> {
  const rows = (await db.images.bulkGet([...hashes])).filter((row): row is ImageRecord => row !== undefined);
  return Promise.all(rows.map(async (row) => ({ hash: row.hash, type: row.type, bytes: new Uint8Array(await row.blob.arrayBuffer()) })));
}

function toTransferHighlight(h: HighlightRecord): TransferHighlight {
  return {
    id: h.id,
    quote: { ...h.selector.quote },
    position: { ...h.selector.position },
    note: h.note ?? null,
    color: h.color ?? null,
    createdAt: h.createdAt,
    updatedAt: h.updatedAt,
  };
}

export function pixelSize(bytes: Uint8Array): { width: number | null; height: number | null } {
  const size = imageSize(bytes);
  return { width: size?.width ?? null, height: size?.height ?? null };
}

export function toHighlightRecord(h: TransferHighlight, articleId: number): HighlightRecord {
  return {
    id: h.id,
    articleId,
    quote: h.quote.exact,
    selector: { quote: { ...h.quote }, position: { ...h.position } },
    ...(h.note !== null ? { note: h.note } : {}),
    ...(h.color !== null ? { color: h.color } : {}),
    createdAt: h.createdAt,
    updatedAt: h.updatedAt,
  };
}

/** The whole library in the transfer model, oldest saved first (a stable order for files). */
export async function readLibrary(db: KlipingDb, onProgress?: ProgressCallback): Promise<TransferArticle[]> {
  return db.transaction('r', [db.articles, db.contents, db.notes, db.highlights, db.articleImages], async () => {
    const articles = await db.articles.orderBy('savedAt').toArray();
    onProgress?.(0, articles.length, 'reading');
    const [contents, notes, highlights, images] = await Promise.all([db.contents.toArray(), db.notes.toArray(), db.highlights.orderBy('createdAt').toArray(), db.articleImages.toArray()]);
    const imagesOf = new Map<number, ArticleImageRecord[]>();
    for (const link of images) {
      const list = imagesOf.get(link.articleId) ?? [];
      list.push(link);
      imagesOf.set(link.articleId, list);
    }
    const contentOf = new Map(contents.map((c) => [c.articleId, c]));
    const noteOf = new Map(notes.map((n) => [n.articleId, n]));
    const highlightsOf = new Map<number, HighlightRecord[]>();
    for (const h of highlights) {
      const list = highlightsOf.get(h.articleId) ?? [];
      list.push(h);
      highlightsOf.set(h.articleId, list);
    }
    const result = articles.map((a) => toTransfer(a, contentOf.get(a.id), noteOf.get(a.id), highlightsOf.get(a.id) ?? [], imagesOf.get(a.id) ?? []));
    onProgress?.(articles.length, articles.length, 'reading');
    return result;
  });
}

export interface ImportSummary {
  /** New articles. */
  added: number;
  /** Articles already in the library that the import changed (tags, content, notes...). */
  updated: number;
  /** Articles already in the library, and nothing new about them. */
  unchanged: number;
  /** Entries the file had that are not web pages (bookmarklets...). */
  skipped: number;
}

type NewArticle = Omit<ArticleRecord, 'id'>;

export function newRecord(a: TransferArticle): NewArticle {
  const hasContent = a.content !== null;
  return {
    ...articleDefaults(hasContent),
    ...metadataOf(a),
    tags: cleanTags(a.tags),
    savedAt: a.savedAt,
    updatedAt: a.updatedAt,
    readState: a.readState,
    readingProgress: a.readingProgress,
    favorite: a.favorite,
    archived: a.archived,
    // Content is what decides: a "saved" entry without it would promise an offline copy that is not there.
    contentStatus: hasContent ? 'saved' : a.contentStatus === 'saved' ? 'pending-fetch' : a.contentStatus,
  };
}

/**
 * Two notes on the same article: neither may be lost. The newer one leads; the other follows
 * unless it is already part of it (so importing the same file twice changes nothing).
 */
export function mergeNotes(local: NoteRecord | undefined, incoming: TransferArticle['notes']): { text: string; updatedAt: number } | undefined {
  if (!incoming || !incoming.text.trim()) return local;
  if (!local || !local.text.trim()) return incoming;
  if (local.text.includes(incoming.text)) return local;
  if (incoming.text.includes(local.text)) return { text: incoming.text, updatedAt: Math.max(local.updatedAt, incoming.updatedAt) };
  const [first, second] = incoming.updatedAt > local.updatedAt ? [incoming, local] : [local, incoming];
  return { text: `${first.text}\n\n${second.text}`, updatedAt: Math.max(local.updatedAt, incoming.updatedAt) };
}

/** Same highlight: same id, or (from formats without ids) the same passage at the same place. */
export function highlightKey(h: { quote: { exact: string }; position: { start: number; end: number } }): string {
  return `${h.position.start}:${h.position.end}:${h.quote.exact}`;
}

/**
 * Merges an existing article with an imported one. Kliping's own exports carry the user's states,
 * so the newer side wins them; other services' exports only add (tags, content, missing fields)
 * and never undo what the user did here.
 */
export function mergedRecord(existing: ArticleRecord, a: TransferArticle, fromKliping: boolean): ArticleRecord {
  const incoming = newRecord(a);
  const incomingWins = fromKliping && a.updatedAt > existing.updatedAt;
  const base: ArticleRecord = incomingWins ? { ...incoming, id: existing.id } : { ...existing };
  if (!incomingWins) {
    // Fill what this library does not know yet.
    for (const key of ['byline', 'siteName', 'publishedTime', 'lang', 'dir', 'excerpt', 'leadImageUrl'] as const) {
      if (base[key] === null && incoming[key] !== null) Object.assign(base, { [key]: incoming[key] });
    }
    if (base.title === base.url && incoming.title !== incoming.url) base.title = incoming.title;
  }
  const takeContent = a.content !== null && (existing.contentStatus !== 'saved' || incomingWins);
  const keepContent = !takeContent && existing.contentStatus === 'saved';
  Object.assign(base, {
    tags: cleanTags([...existing.tags, ...incoming.tags]),
    savedAt: Math.min(existing.savedAt, incoming.savedAt),
    updatedAt: Math.max(existing.updatedAt, incoming.updatedAt),
    contentStatus: takeContent ? 'saved' : keepContent ? 'saved' : existing.contentStatus,
    wordCount: takeContent ? incoming.wordCount : existing.wordCount,
    readingMinutes: takeContent ? incoming.readingMinutes : existing.readingMinutes,
  });
  return base;
}

export function sameRecord(a: ArticleRecord, b: ArticleRecord): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
