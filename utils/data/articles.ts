import { linkMetadata, metadataOf, type SavePayload } from '../core/article';
import { normalizeUrl } from '../core/url';
import { articleDefaults } from './defaults';
import { storedImagesOf, type StoredImage } from './images';
import type { ArticleRecord, KlipingDb } from './schema';

export interface SavedState {
  articleId: number;
  savedAt: number;
  updatedAt: number;
  notes: string;
  tags: string[];
}

function canonicalOf(payload: SavePayload): string {
  return normalizeUrl(payload.kind === 'article' ? payload.article.canonicalUrl : payload.link.canonicalUrl);
}

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
        hasContent: false,
        tags: [],
        savedAt: now,
        updatedAt: now,
        ...articleDefaults(false),
      };
      const id = await db.articles.add(record);
      return { ...record, id };
    }
    const a = payload.article;
    const fields = {
      ...metadataOf(a),
      canonicalUrl,
      hasContent: true,
      contentStatus: 'saved' as const,
      updatedAt: now,
    };
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

export async function findSaved(db: KlipingDb, canonicalUrl: string): Promise<SavedState | null> {
  const record = await db.articles.where('canonicalUrl').equals(normalizeUrl(canonicalUrl)).first();
  if (!record) return null;
  const note = await db.notes.get(record.id);
  return stateOf(record, note?.text ?? '');
}

function stateOf(record: ArticleRecord, notes: string): SavedState {
  return { articleId: record.id, savedAt: record.savedAt, updatedAt: record.updatedAt, notes, tags: record.tags };
}

/** Notes belong to an article: writing one on an unsaved page saves the page first. */
export async function setNotes(db: KlipingDb, payload: SavePayload, text: string, now = Date.now()): Promise<SavedState> {
  return db.transaction('rw', db.articles, db.contents, db.notes, async () => {
    const record = (await db.articles.where('canonicalUrl').equals(canonicalOf(payload)).first()) ?? (await saveArticle(db, payload, now));
    await db.notes.put({ articleId: record.id, text, updatedAt: now });
    return stateOf(record, text);
  });
}

/** Tags are kept trimmed, de-duplicated, in the order the user typed them. */
export function parseTags(input: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of input.split(',')) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    const key = tag.toLocaleLowerCase();
    if (tag && !seen.has(key)) {
      seen.add(key);
      tags.push(tag);
    }
  }
  return tags;
}

export async function setTags(db: KlipingDb, payload: SavePayload, tags: string[], now = Date.now()): Promise<SavedState> {
  return db.transaction('rw', db.articles, db.contents, db.notes, async () => {
    const record = (await db.articles.where('canonicalUrl').equals(canonicalOf(payload)).first()) ?? (await saveArticle(db, payload, now));
    const updated = { ...record, tags, updatedAt: now };
    await db.articles.put(updated);
    const note = await db.notes.get(record.id);
    return stateOf(updated, note?.text ?? '');
  });
}

/** The library's list: newest saved first. */
export async function listArticles(db: KlipingDb): Promise<ArticleRecord[]> {
  return db.articles.orderBy('savedAt').reverse().toArray();
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
