import { linkMetadata, metadataOf, type Article, type SavePayload } from '../core/article';
import { normalizeUrl } from '../core/url';
import { articleDefaults } from './defaults';
import { findSaved, type SavedState } from './articles';
import { deleteImagesOf, restoreImages, type DeletedImages } from './images';
import type { ImportBatch, ProgressCallback, TransferPicture } from '../core/transfer/model';
import { highlightKey, IMPORT_CHUNK, mergedRecord, mergeNotes, newRecord, pixelSize, sameRecord, toHighlightRecord, type ImportSummary } from './transfer-store';
import type {
  ArticleImageRecord,
  ArticleRecord,
  ContentRecord,
  HighlightColor,
  HighlightRecord,
  ImageRecord,
  KlipingDb,
  NoteRecord,
  TextPositionSelector,
  TextQuoteSelector,
} from './schema';

/*
 * Every write to the library, and the one rule for `updatedAt`: it is the time of the last change
 * to an article's row, its content, its note or its highlights (utils/core/records.ts). Reading
 * progress is a position, not an edit, and leaves it alone.
 *
 * Each function is ONE transaction over every table it touches, so a change happens whole or not
 * at all (a full disk included), and a later sync can record the change in that same transaction.
 * Extension pages never call these: they ask the background (utils/browser/messaging.ts, or the
 * page session's port), which does; the background outlives a closing popup or tab.
 */

function canonicalOf(payload: SavePayload): string {
  return normalizeUrl(payload.kind === 'article' ? payload.article.canonicalUrl : payload.link.canonicalUrl);
}

/** Marks articles as changed now. Inside the caller's transaction (which includes `articles`). */
async function touch(db: KlipingDb, articleIds: readonly number[], now: number): Promise<void> {
  await db.articles.where('id').anyOf([...articleIds]).modify({ updatedAt: now });
}

// ---- saving a page ----

/**
 * Saves a page, or updates its saved copy: one record per canonical URL, never a duplicate.
 * A link-only save never overwrites content saved earlier.
 */
export async function saveArticle(db: KlipingDb, payload: SavePayload, now = Date.now()): Promise<ArticleRecord> {
  const canonicalUrl = canonicalOf(payload);
  return db.transaction('rw', db.articles, db.contents, async () => {
    const existing = await db.articles.where('canonicalUrl').equals(canonicalUrl).first();
    if (payload.kind === 'link') {
      if (existing) return existing;
      const record = {
        ...linkMetadata(payload.link.url, canonicalUrl, payload.link.title),
        tags: [],
        savedAt: now,
        updatedAt: now,
        ...articleDefaults(false),
      };
      const id = await db.articles.add(record);
      return { ...record, id };
    }
    const a = payload.article;
    const fields = { ...metadataOf(a), canonicalUrl, contentStatus: 'saved' as const, updatedAt: now };
    let record: ArticleRecord;
    if (existing) {
      record = { ...existing, ...fields };
      await db.articles.put(record);
    } else {
      const fresh = { ...articleDefaults(true), ...fields, tags: [] as string[], savedAt: now };
      const id = await db.articles.add(fresh);
      record = { ...fresh, id };
    }
    await db.contents.put({ articleId: record.id, html: a.contentHtml, text: a.textContent });
    return record;
  });
}

/**
 * Stores a fetched copy for an imported link. The record keeps its canonical URL (the key the
 * user's notes and tags hang on, even when the site redirected); the rest comes from the page.
 */
export async function saveFetchedArticle(db: KlipingDb, articleId: number, article: Article, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.articles, db.contents, async () => {
    const record = await db.articles.get(articleId);
    if (!record) return;
    await db.articles.put({
      ...record,
      title: article.title || record.title,
      byline: article.byline ?? record.byline,
      siteName: article.siteName ?? record.siteName,
      publishedTime: article.publishedTime ?? record.publishedTime,
      lang: article.lang ?? record.lang,
      dir: article.dir ?? record.dir,
      excerpt: record.excerpt ?? article.excerpt,
      leadImageUrl: article.leadImageUrl ?? record.leadImageUrl,
      wordCount: article.wordCount,
      readingMinutes: article.readingMinutes,
      contentStatus: 'saved',
      updatedAt: now,
    });
    await db.contents.put({ articleId, html: article.contentHtml, text: article.textContent });
  });
}

/** The page holds no article: keep the link, and stop offering to fetch it. */
export async function markLinkOnly(db: KlipingDb, articleId: number, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.articles, async () => {
    await db.articles.update(articleId, { contentStatus: 'link-only', updatedAt: now });
  });
}

// ---- notes and tags ----

/** An article's note, as typed. */
export async function setArticleNotes(db: KlipingDb, articleId: number, text: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.articles, db.notes, async () => {
    await db.notes.put({ articleId, text, updatedAt: now });
    await touch(db, [articleId], now);
  });
}

/** An article's tags, replaced by what the user typed (already parsed, utils/core/tags.ts). */
export async function setArticleTags(db: KlipingDb, articleId: number, tags: string[], now = Date.now()): Promise<void> {
  await db.transaction('rw', db.articles, async () => {
    await db.articles.update(articleId, { tags, updatedAt: now });
  });
}

/**
 * Notes on an open page (popup, reader view): an unsaved page is saved first, since notes belong
 * to an article. Returns the page's state after the write.
 */
export async function setPageNotes(db: KlipingDb, payload: SavePayload, text: string, now = Date.now()): Promise<SavedState> {
  return db.transaction('rw', db.articles, db.contents, db.notes, async () => {
    const record = await savedOrSave(db, payload, now);
    await setArticleNotes(db, record.id, text, now);
    return (await findSaved(db, record.canonicalUrl))!;
  });
}

/** Tags on an open page; an unsaved page is saved first. */
export async function setPageTags(db: KlipingDb, payload: SavePayload, tags: string[], now = Date.now()): Promise<SavedState> {
  return db.transaction('rw', db.articles, db.contents, db.notes, async () => {
    const record = await savedOrSave(db, payload, now);
    await setArticleTags(db, record.id, tags, now);
    return (await findSaved(db, record.canonicalUrl))!;
  });
}

async function savedOrSave(db: KlipingDb, payload: SavePayload, now: number): Promise<ArticleRecord> {
  return (await db.articles.where('canonicalUrl').equals(canonicalOf(payload)).first()) ?? (await saveArticle(db, payload, now));
}

/** Adds tags to many articles, keeping each one's own tags and their order. */
export async function addTags(db: KlipingDb, ids: number[], tags: string[], now = Date.now()): Promise<void> {
  await db.transaction('rw', db.articles, async () => {
    await db.articles
      .where('id')
      .anyOf(ids)
      .modify((article) => {
        const have = new Set(article.tags.map((tag) => tag.toLocaleLowerCase()));
        article.tags = [...article.tags, ...tags.filter((tag) => !have.has(tag.toLocaleLowerCase()))];
        article.updatedAt = now;
      });
  });
}

// ---- states ----

/** The fields a user flips from the library. */
export type ArticleFlags = Partial<Pick<ArticleRecord, 'readState' | 'favorite' | 'archived'>>;

export async function setFlags(db: KlipingDb, ids: number[], flags: ArticleFlags, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.articles, async () => {
    await db.articles.where('id').anyOf(ids).modify({ ...flags, updatedAt: now });
  });
}

/** Reading progress is not a user edit: it does not change `updatedAt`. */
export async function setReadingProgress(db: KlipingDb, id: number, progress: number): Promise<void> {
  await db.transaction('rw', db.articles, async () => {
    await db.articles.update(id, { readingProgress: Math.min(1, Math.max(0, progress)) });
  });
}

// ---- highlights ----

export interface NewHighlight {
  articleId: number;
  selector: { quote: TextQuoteSelector; position: TextPositionSelector };
  note?: string;
  color?: HighlightColor;
}

export async function addHighlight(db: KlipingDb, input: NewHighlight, now = Date.now(), id: string = crypto.randomUUID()): Promise<HighlightRecord> {
  const record: HighlightRecord = { id, quote: input.selector.quote.exact, createdAt: now, updatedAt: now, ...input };
  await db.transaction('rw', db.highlights, db.articles, async () => {
    await db.highlights.add(record);
    await touch(db, [input.articleId], now);
  });
  return record;
}

/** Changes one highlight, and marks its article changed with it. */
async function changeHighlight(db: KlipingDb, id: string, change: Partial<Pick<HighlightRecord, 'note' | 'color'>>, now: number): Promise<void> {
  await db.transaction('rw', db.highlights, db.articles, async () => {
    const highlight = await db.highlights.get(id);
    if (!highlight) return;
    await db.highlights.update(id, { ...change, updatedAt: now });
    await touch(db, [highlight.articleId], now);
  });
}

export function setHighlightNote(db: KlipingDb, id: string, note: string, now = Date.now()): Promise<void> {
  return changeHighlight(db, id, { note }, now);
}

export function setHighlightColor(db: KlipingDb, id: string, color: HighlightColor, now = Date.now()): Promise<void> {
  return changeHighlight(db, id, { color }, now);
}

export async function deleteHighlight(db: KlipingDb, id: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.highlights, db.articles, async () => {
    const highlight = await db.highlights.get(id);
    if (!highlight) return;
    await db.highlights.delete(id);
    await touch(db, [highlight.articleId], now);
  });
}

// ---- deleting, and undo ----

/** Everything a deletion took away, so that undo can put it all back exactly. */
export interface DeletedArticles {
  articles: ArticleRecord[];
  contents: ContentRecord[];
  notes: NoteRecord[];
  highlights: HighlightRecord[];
  /** Image links, and the blobs no other article showed (a shared picture stays stored). */
  images: DeletedImages;
}

export async function deleteArticles(db: KlipingDb, ids: number[]): Promise<DeletedArticles> {
  return db.transaction('rw', [db.articles, db.contents, db.notes, db.highlights, db.articleImages, db.images], async () => {
    const [articles, contents, notes, highlights] = await Promise.all([
      db.articles.bulkGet(ids),
      db.contents.bulkGet(ids),
      db.notes.bulkGet(ids),
      db.highlights.where('articleId').anyOf(ids).toArray(),
    ]);
    await Promise.all([
      db.articles.bulkDelete(ids),
      db.contents.bulkDelete(ids),
      db.notes.bulkDelete(ids),
      db.highlights.bulkDelete(highlights.map((highlight) => highlight.id)),
    ]);
    const images = await deleteImagesOf(db, ids);
    const present = <T>(rows: (T | undefined)[]) => rows.filter((row): row is T => row !== undefined);
    return { articles: present(articles), contents: present(contents), notes: present(notes), highlights, images };
  });
}

/**
 * Puts deleted articles back with their ids. If the same page was saved again meanwhile, that
 * newer save wins and the old copy stays deleted (never two records for one canonical URL).
 */
export async function restoreArticles(db: KlipingDb, deleted: DeletedArticles): Promise<number[]> {
  return db.transaction('rw', [db.articles, db.contents, db.notes, db.highlights, db.articleImages, db.images], async () => {
    const restored: number[] = [];
    for (const article of deleted.articles) {
      if ((await db.articles.where('canonicalUrl').equals(article.canonicalUrl).count()) > 0) continue;
      await db.articles.add(article);
      restored.push(article.id);
    }
    const keep = new Set(restored);
    await db.contents.bulkPut(deleted.contents.filter((row) => keep.has(row.articleId)));
    await db.notes.bulkPut(deleted.notes.filter((row) => keep.has(row.articleId)));
    await db.highlights.bulkPut(deleted.highlights.filter((row) => keep.has(row.articleId)));
    await restoreImages(db, deleted.images, keep);
    return restored;
  });
}

// Imports write in one transaction of their own, merging with what is there: applyImport
// (utils/data/transfer-store.ts), the one write that stays beside the transfer model it maps.
// Kept images are written by utils/data/keep-images.ts (recordImages in images.ts) in the background.

// ---- imports ----

/**
 * Writes a checked batch in one transaction: new pages added, known pages (same canonical URL)
 * merged, never duplicated. Progress is reported as rows are written.
 */
export async function applyImport(db: KlipingDb, batch: ImportBatch, onProgress?: ProgressCallback): Promise<ImportSummary> {
  const fromKliping = batch.source === 'kliping';
  const total = batch.articles.length;
  const summary: ImportSummary = { added: 0, updated: 0, unchanged: 0, skipped: batch.skipped };
  const pictures = batch.pictures ?? new Map<string, TransferPicture>();
  await db.transaction('rw', [db.articles, db.contents, db.notes, db.highlights, db.articleImages, db.images], async () => {
    onProgress?.(0, total, 'writing');
    const keys = batch.articles.map((a) => a.canonicalUrl);
    const existing = new Map((await db.articles.where('canonicalUrl').anyOf(keys).toArray()).map((r) => [r.canonicalUrl, r]));
    const existingIds = [...existing.values()].map((r) => r.id);
    const [localNotes, localHighlights, localImages] = await Promise.all([
      db.notes.bulkGet(existingIds),
      db.highlights.where('articleId').anyOf(existingIds).toArray(),
      db.articleImages.where('articleId').anyOf(existingIds).toArray(),
    ]);
    const localImageOf = new Map(localImages.map((link) => [`${link.articleId}\n${link.url}`, link]));
    const noteOf = new Map(localNotes.filter((n): n is NoteRecord => n !== undefined).map((n) => [n.articleId, n]));
    const highlightKeysOf = new Map<number, Set<string>>();
    const localHighlightById = new Map(localHighlights.map((h) => [h.id, h]));
    for (const h of localHighlights) {
      const set = highlightKeysOf.get(h.articleId) ?? new Set<string>();
      set.add(highlightKey(h.selector));
      highlightKeysOf.set(h.articleId, set);
    }

    const linkedPictures = new Set<string>();
    let done = 0;
    for (let from = 0; from < total; from += IMPORT_CHUNK) {
      const slice = batch.articles.slice(from, from + IMPORT_CHUNK);
      const fresh = slice.filter((a) => !existing.has(a.canonicalUrl));
      const freshIds = fresh.length > 0 ? ((await db.articles.bulkAdd(fresh.map(newRecord), { allKeys: true })) as number[]) : [];
      const idOf = new Map(fresh.map((a, i) => [a.canonicalUrl, freshIds[i]!]));
      summary.added += fresh.length;

      const puts: ArticleRecord[] = [];
      const contents: ContentRecord[] = [];
      const notes: NoteRecord[] = [];
      const highlights: HighlightRecord[] = [];
      const imageLinks: ArticleImageRecord[] = [];
      for (const a of slice) {
        const local = existing.get(a.canonicalUrl);
        const id = local?.id ?? idOf.get(a.canonicalUrl)!;
        let changed = false;
        if (local) {
          const merged = mergedRecord(local, a, fromKliping);
          if (!sameRecord(merged, local)) {
            puts.push(merged);
            changed = true;
          }
          if (a.content && merged.contentStatus === 'saved' && (local.contentStatus !== 'saved' || (fromKliping && a.updatedAt > local.updatedAt))) {
            contents.push({ articleId: id, ...a.content });
            changed = true;
          }
        } else if (a.content) {
          contents.push({ articleId: id, ...a.content });
        }
        const note = mergeNotes(noteOf.get(id), a.notes);
        if (note && note !== noteOf.get(id)) {
          notes.push({ articleId: id, text: note.text, updatedAt: note.updatedAt });
          changed = true;
        }
        const keys = highlightKeysOf.get(id) ?? new Set<string>();
        for (const h of a.highlights) {
          const same = localHighlightById.get(h.id);
          if (same ? same.updatedAt >= h.updatedAt : keys.has(highlightKey(h))) continue;
          keys.add(highlightKey(h));
          highlights.push(toHighlightRecord(h, id));
          changed = true;
        }
        for (const image of a.images ?? []) {
          const mine = localImageOf.get(`${id}\n${image.url}`);
          // A picture kept here stays; one that failed here is taken from the file if it has it.
          if (mine && (mine.status === 'kept' || image.status !== 'kept')) continue;
          imageLinks.push({ articleId: id, ...image, updatedAt: a.updatedAt });
          if (image.hash) linkedPictures.add(image.hash);
          changed = true;
        }
        if (local) {
          if (changed) summary.updated++;
          else summary.unchanged++;
        }
      }
      await Promise.all([
        puts.length ? db.articles.bulkPut(puts) : undefined,
        contents.length ? db.contents.bulkPut(contents) : undefined,
        notes.length ? db.notes.bulkPut(notes) : undefined,
        highlights.length ? db.highlights.bulkPut(highlights) : undefined,
        imageLinks.length ? db.articleImages.bulkPut(imageLinks) : undefined,
      ]);
      done += slice.length;
      onProgress?.(done, total, 'writing');
    }
    // Each picture once, and only those a written link shows (no blob without an article).
    const wanted = [...linkedPictures].filter((hash) => pictures.has(hash));
    if (wanted.length > 0) {
      const have = new Set((await db.images.bulkGet(wanted)).filter((row): row is ImageRecord => row !== undefined).map((row) => row.hash));
      const now = Date.now();
      await db.images.bulkAdd(
        wanted
          .filter((hash) => !have.has(hash))
          .map((hash) => pictures.get(hash)!)
          .map((p) => ({ hash: p.hash, blob: new Blob([p.bytes as BlobPart], { type: p.type }), type: p.type, size: p.bytes.length, ...pixelSize(p.bytes), createdAt: now })),
      );
    }
  });
  return summary;
}
