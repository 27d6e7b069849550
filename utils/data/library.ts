import { deleteImagesOf, restoreImages, type DeletedImages } from './images';
import type { ArticleRecord, ContentRecord, HighlightRecord, KlipingDb, NoteRecord, ReadState } from './schema';

/*
 * What the library page does to saved articles. Each call is one transaction: it all happens or,
 * on any failure (a full disk included), none of it does.
 */

/** The fields a user flips from the library. */
export type ArticleFlags = Partial<Pick<ArticleRecord, 'readState' | 'favorite' | 'archived'>>;

export async function setFlags(db: KlipingDb, ids: number[], flags: ArticleFlags, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.articles, async () => {
    await db.articles.where('id').anyOf(ids).modify({ ...flags, updatedAt: now });
  });
}

export function setReadState(db: KlipingDb, ids: number[], readState: ReadState, now = Date.now()): Promise<void> {
  return setFlags(db, ids, { readState }, now);
}

/** Reading progress is not a user edit: it does not change `updatedAt`. */
export async function setReadingProgress(db: KlipingDb, id: number, progress: number): Promise<void> {
  await db.articles.update(id, { readingProgress: Math.min(1, Math.max(0, progress)) });
}

export async function setArticleNotes(db: KlipingDb, id: number, text: string, now = Date.now()): Promise<void> {
  await db.notes.put({ articleId: id, text, updatedAt: now });
}

export async function setArticleTags(db: KlipingDb, id: number, tags: string[], now = Date.now()): Promise<void> {
  await db.articles.update(id, { tags, updatedAt: now });
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
