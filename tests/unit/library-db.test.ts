import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sampleArticle } from './helpers';
import { saveArticle } from '@/utils/data/library-writes';
import { highlightsOf } from '@/utils/data/highlights';
import {
  addHighlight,
  addTags,
  deleteArticles,
  deleteHighlight,
  restoreArticles,
  setArticleNotes,
  setArticleTags,
  setFlags,
  setHighlightNote,
  setReadingProgress,
} from '@/utils/data/library-writes';
import { tryWrite } from '@/utils/data/write-failure';
import { KlipingDb } from '@/utils/data/schema';

let db: KlipingDb;
let n = 0;
beforeEach(async () => {
  db = new KlipingDb(`library-${++n}`);
  await db.open();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

const save = (path: string, now = 1000) => saveArticle(db, { kind: 'article', article: sampleArticle({ canonicalUrl: `https://news.example/${path}`, url: `https://news.example/${path}` }) }, now);
const selector = (exact: string, start: number) => ({
  quote: { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector' as const, start, end: start + exact.length },
});

describe('library actions', () => {
  it('flips flags on many articles at once', async () => {
    const [a, b, c] = [await save('a'), await save('b'), await save('c')];
    await setFlags(db, [a.id, b.id], { readState: 'read', favorite: true }, 5000);
    expect(await db.articles.get(a.id)).toMatchObject({ readState: 'read', favorite: true, archived: false, updatedAt: 5000 });
    expect(await db.articles.get(b.id)).toMatchObject({ readState: 'read', favorite: true });
    expect(await db.articles.get(c.id)).toMatchObject({ readState: 'unread', favorite: false, updatedAt: 1000 });
    await setFlags(db, [c.id], { archived: true });
    expect((await db.articles.get(c.id))?.archived).toBe(true);
  });

  it('clamps reading progress and keeps notes exactly as typed', async () => {
    const a = await save('a');
    await setReadingProgress(db, a.id, 1.7);
    expect((await db.articles.get(a.id))?.readingProgress).toBe(1);
    await setArticleNotes(db, a.id, '  dua\nbaris  ');
    expect((await db.notes.get(a.id))?.text).toBe('  dua\nbaris  ');
    await setArticleTags(db, a.id, ['x']);
    await addTags(db, [a.id], ['X', 'y']);
    expect((await db.articles.get(a.id))?.tags).toEqual(['x', 'y']);
  });

  it('deletes an article with everything it owns, and undo brings all of it back', async () => {
    const a = await save('a');
    const b = await save('b');
    await setArticleNotes(db, a.id, 'catatan');
    await addHighlight(db, { articleId: a.id, selector: selector('Harga', 0), note: 'n' }, 2000, 'h1');
    const before = { article: await db.articles.get(a.id), content: await db.contents.get(a.id) };

    const deleted = await deleteArticles(db, [a.id]);
    expect(await db.articles.get(a.id)).toBeUndefined();
    expect(await db.contents.get(a.id)).toBeUndefined();
    expect(await db.notes.get(a.id)).toBeUndefined();
    expect(await highlightsOf(db, a.id)).toEqual([]);
    expect(await db.articles.get(b.id)).toBeDefined();

    expect(await restoreArticles(db, deleted)).toEqual([a.id]);
    expect(await db.articles.get(a.id)).toEqual(before.article);
    expect(await db.contents.get(a.id)).toEqual(before.content);
    expect((await db.notes.get(a.id))?.text).toBe('catatan');
    expect((await highlightsOf(db, a.id)).map((h) => [h.id, h.note])).toEqual([['h1', 'n']]);
  });

  it('does not undo a delete over a newer save of the same page', async () => {
    const a = await save('a');
    const deleted = await deleteArticles(db, [a.id]);
    const again = await save('a', 3000);
    expect(await restoreArticles(db, deleted)).toEqual([]);
    expect(await db.articles.toArray()).toEqual([again]);
  });

  it('keeps highlights in reading order and edits their notes', async () => {
    const a = await save('a');
    await addHighlight(db, { articleId: a.id, selector: selector('naik', 6) }, 1, 'late');
    await addHighlight(db, { articleId: a.id, selector: selector('Harga', 0) }, 2, 'early');
    await setHighlightNote(db, 'late', 'kenapa?');
    expect((await highlightsOf(db, a.id)).map((h) => [h.id, h.quote, h.note])).toEqual([
      ['early', 'Harga', undefined],
      ['late', 'naik', 'kenapa?'],
    ]);
    await deleteHighlight(db, 'early');
    expect(await highlightsOf(db, a.id)).toHaveLength(1);
  });
});

describe('a full disk', () => {
  function fillTheDisk() {
    const quota = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(quota);
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(quota);
  }

  it('is reported as such, and what was stored before is untouched', async () => {
    const a = await save('a');
    await setArticleNotes(db, a.id, 'first words', 1000);
    fillTheDisk();

    const failure = await tryWrite(() => setArticleNotes(db, a.id, 'first words and more', 2000));
    expect(failure).toEqual({ kind: 'quota' });
    // A transaction of two writes is all or nothing: the article's time did not move either.
    expect(await tryWrite(() => addHighlight(db, { articleId: a.id, selector: selector('Harga', 0) }, 3000))).toEqual({ kind: 'quota' });

    vi.restoreAllMocks();
    expect(await db.notes.get(a.id)).toEqual({ articleId: a.id, text: 'first words', updatedAt: 1000 });
    expect(await db.highlights.count()).toBe(0);
    expect((await db.articles.get(a.id))?.updatedAt).toBe(1000);
    // Once space is back, the same write goes through.
    expect(await tryWrite(() => setArticleNotes(db, a.id, 'first words and more', 4000))).toBeNull();
    expect((await db.notes.get(a.id))?.text).toBe('first words and more');
  });

  it('is recognised when a transaction aborts with it as the inner cause', async () => {
    expect(await tryWrite(() => Promise.reject({ name: 'AbortError', inner: { name: 'QuotaExceededError' } }))).toEqual({ kind: 'quota' });
    expect(await tryWrite(() => Promise.reject(new Error('ConstraintError')))).toEqual({ kind: 'other', message: 'ConstraintError' });
  });

  it('other failures keep their message', async () => {
    expect(await tryWrite(() => Promise.reject(new Error('boom')))).toEqual({ kind: 'other', message: 'boom' });
  });
});
