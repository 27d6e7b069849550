import { normalizeUrl } from '../core/url';
import { storedImagesOf, type StoredImage } from './images';
import type { ArticleRecord, KlipingDb } from './schema';

export interface SavedState {
  articleId: number;
  savedAt: number;
  updatedAt: number;
  notes: string;
  tags: string[];
}

export async function findSaved(db: KlipingDb, canonicalUrl: string): Promise<SavedState | null> {
  const record = await db.articles.where('canonicalUrl').equals(normalizeUrl(canonicalUrl)).first();
  if (!record) return null;
  const note = await db.notes.get(record.id);
  return stateOf(record, note?.text ?? '');
}

function stateOf(record: ArticleRecord, notes: string): SavedState {
  return { articleId: record.id, savedAt: record.savedAt, updatedAt: record.updatedAt, notes, tags: record.tags };
}

export interface SavedCopy {
  article: ArticleRecord;
  html: string | null;
  notes: string;
  /** Its image URLs, each kept one with its picture (utils/data/images.ts). */
  images: StoredImage[];
}

export async function getSavedCopy(db: KlipingDb, id: number): Promise<SavedCopy | null> {
  return db.transaction('r', [db.articles, db.contents, db.notes, db.articleImages, db.images], async () => {
    const article = await db.articles.get(id);
    if (!article) return null;
    const [content, note, images] = await Promise.all([db.contents.get(id), db.notes.get(id), storedImagesOf(db, id)]);
    return { article, html: content?.html ?? null, notes: note?.text ?? '', images };
  });
}
