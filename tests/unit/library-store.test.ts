import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleArticle } from './helpers';
import { addHighlight, saveArticle, setArticleNotes } from '@/utils/data/library-writes';
import { LibraryStore, type LibrarySnapshot } from '@/utils/data/library-store';
import { KlipingDb } from '@/utils/data/schema';

let db: KlipingDb;
let store: LibraryStore;
let n = 0;
beforeEach(async () => {
  db = new KlipingDb(`store-${++n}`);
  await db.open();
  store = new LibraryStore(db);
});
afterEach(async () => {
  store.stop();
  await db.delete();
});

const save = (path: string, text = 'Harga cabai naik di pasar induk.') =>
  saveArticle(db, { kind: 'article', article: sampleArticle({ canonicalUrl: `https://news.example/${path}`, url: `https://news.example/${path}`, textContent: text }) });

async function until(check: (snapshot: LibrarySnapshot) => boolean): Promise<LibrarySnapshot> {
  for (let i = 0; i < 500; i++) {
    if (check(store.current)) return store.current;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the store never got there');
}

describe('LibraryStore', () => {
  it('lists every article, then finds words in their bodies, notes and highlights', { timeout: 20_000 }, async () => {
    const a = await save('a', 'Petani kopi di dataran tinggi Gayo.');
    await save('b');
    const seen: LibrarySnapshot[] = [];
    store.subscribe((snapshot) => seen.push(snapshot));
    store.start();
    await until((s) => s.complete);
    expect([...store.search.all()]).toHaveLength(2);
    await until(() => store.search.search('Gayo', { key: 'relevance', descending: true }).ids.length > 0);
    expect(store.search.search('Gayo', { key: 'relevance', descending: true }).ids).toEqual([a.id]);
    await setArticleNotes(db, a.id, 'kopi arabika');
    await until(() => store.search.search('arabika', { key: 'relevance', descending: true }).ids.length === 1);
    await addHighlight(db, { articleId: a.id, selector: { quote: { type: 'TextQuoteSelector', exact: 'Petani', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 6 } }, note: 'sorotan' });
    await until(() => store.search.search('sorotan', { key: 'relevance', descending: true }).ids.length === 1);
    // Listeners hear of it in a task of their own, soon after.
    await until(() => seen.at(-1)?.version === store.current.version);
    expect(seen.at(-1)!.version).toBeGreaterThan(seen[0]!.version);
  });

  it('a burst of changes is heard at most once per 150 ms, the last state included', { timeout: 20_000 }, async () => {
    const a = await save('a');
    store.start();
    await until((s) => s.complete);
    const heard: { at: number; snapshot: LibrarySnapshot }[] = [];
    store.subscribe((snapshot) => heard.push({ at: performance.now(), snapshot }));
    for (let i = 0; i < 30; i++) await setArticleNotes(db, a.id, `catatan ${i}`);
    await until(() => store.search.search('"catatan 29"', { key: 'relevance', descending: true }).ids.length === 1);
    await until(() => heard.at(-1)?.snapshot.version === store.current.version);
    expect(heard.length).toBeGreaterThan(0);
    // A timer may fire a millisecond early; never a whole gap early.
    for (let i = 1; i < heard.length; i++) expect(heard[i]!.at - heard[i - 1]!.at).toBeGreaterThanOrEqual(145);
  });

  it('drops a deleted article from the index', { timeout: 20_000 }, async () => {
    const a = await save('a');
    store.start();
    await until((s) => s.complete && [...store.search.all()].length === 1);
    await db.articles.delete(a.id);
    await until(() => [...store.search.all()].length === 0);
  });

  it('watches one saved copy and its highlights', async () => {
    const a = await save('a');
    const copies: (string | null)[] = [];
    const sub = store.watchCopy(a.id, (copy) => copies.push(copy?.notes ?? null));
    await setArticleNotes(db, a.id, 'baru');
    for (let i = 0; i < 200 && !copies.includes('baru'); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    sub.unsubscribe();
    expect(copies).toContain('baru');
  });
});
