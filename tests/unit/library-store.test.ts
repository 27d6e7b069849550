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
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)!.version).toBeGreaterThan(seen[0]!.version);
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
