import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleArticle } from './helpers';
import { findSaved } from '@/utils/data/articles';
import {
  addHighlight,
  deleteHighlight,
  markLinkOnly,
  saveArticle,
  saveFetchedArticle,
  setArticleNotes,
  setHighlightColor,
  setHighlightNote,
  setPageNotes,
  setReadingProgress,
} from '@/utils/data/library-writes';
import { KlipingDb } from '@/utils/data/schema';

let db: KlipingDb;
let n = 0;
beforeEach(async () => {
  db = new KlipingDb(`writes-${++n}`);
  await db.open();
});
afterEach(() => db.delete());

const payload = { kind: 'article' as const, article: sampleArticle() };
const selector = (exact: string, start: number) => ({
  quote: { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector' as const, start, end: start + exact.length },
});
const updatedAt = async (id: number) => (await db.articles.get(id))!.updatedAt;

describe('the updatedAt rule: the last change to an article, its content, note or highlights', () => {
  it('moves with a note written from the library', async () => {
    const a = await saveArticle(db, payload, 1000);
    await setArticleNotes(db, a.id, 'catatan', 2000);
    expect(await updatedAt(a.id)).toBe(2000);
    expect(await db.notes.get(a.id)).toEqual({ articleId: a.id, text: 'catatan', updatedAt: 2000 });
  });

  it('moves with a note typed in the popup, and the reply says so', async () => {
    await saveArticle(db, payload, 1000);
    const state = await setPageNotes(db, payload, 'dari popup', 3000);
    expect(state).toMatchObject({ notes: 'dari popup', savedAt: 1000, updatedAt: 3000 });
    expect((await findSaved(db, payload.article.canonicalUrl))?.updatedAt).toBe(3000);
  });

  it('moves with each highlight added, annotated, recoloured and deleted', async () => {
    const a = await saveArticle(db, payload, 1000);
    const h = await addHighlight(db, { articleId: a.id, selector: selector('Harga', 0) }, 2000);
    expect(await updatedAt(a.id)).toBe(2000);
    await setHighlightNote(db, h.id, 'penting', 3000);
    expect(await updatedAt(a.id)).toBe(3000);
    expect(await db.highlights.get(h.id)).toMatchObject({ note: 'penting', updatedAt: 3000 });
    await setHighlightColor(db, h.id, 'blue', 4000);
    expect(await updatedAt(a.id)).toBe(4000);
    await deleteHighlight(db, h.id, 5000);
    expect(await updatedAt(a.id)).toBe(5000);
    expect(await db.highlights.count()).toBe(0);
  });

  it('does not move with reading progress (a position, not an edit)', async () => {
    const a = await saveArticle(db, payload, 1000);
    await setReadingProgress(db, a.id, 0.5);
    expect(await db.articles.get(a.id)).toMatchObject({ readingProgress: 0.5, updatedAt: 1000 });
  });

  it('leaves other articles alone when a highlight changes', async () => {
    const a = await saveArticle(db, payload, 1000);
    const b = await saveArticle(db, { kind: 'article', article: sampleArticle({ canonicalUrl: 'https://news.example/b', url: 'https://news.example/b' }) }, 1000);
    const h = await addHighlight(db, { articleId: a.id, selector: selector('Harga', 0) }, 2000);
    await setHighlightNote(db, h.id, 'x', 3000);
    expect(await updatedAt(b.id)).toBe(1000);
  });
});

describe('each write is one transaction', () => {
  it('writes nothing of a note when its article cannot be marked changed', async () => {
    const a = await saveArticle(db, payload, 1000);
    const failing = () => {
      throw new Error('disk full');
    };
    db.articles.hook('updating', failing);
    await expect(setArticleNotes(db, a.id, 'lost?', 2000)).rejects.toThrow();
    db.articles.hook('updating').unsubscribe(failing);
    expect(await db.notes.get(a.id)).toBeUndefined();
  });

  it('stores a fetched copy for an imported link, or marks it link-only', async () => {
    const link = await saveArticle(db, { kind: 'link', link: { url: 'https://news.example/l', canonicalUrl: 'https://news.example/l', title: 'l' } }, 1000);
    await saveFetchedArticle(db, link.id, sampleArticle({ canonicalUrl: 'https://elsewhere.example/l' }), 2000);
    expect(await db.articles.get(link.id)).toMatchObject({ canonicalUrl: 'https://news.example/l', contentStatus: 'saved', updatedAt: 2000 });
    expect((await db.contents.get(link.id))?.text).toBe(sampleArticle().textContent);
    await markLinkOnly(db, link.id, 3000);
    expect(await db.articles.get(link.id)).toMatchObject({ contentStatus: 'link-only', updatedAt: 3000 });
  });
});
