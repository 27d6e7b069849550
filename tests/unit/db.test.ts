import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article, SavePayload } from '@/utils/core/article';
import { sampleArticle } from './helpers';
import { findSaved, getSavedCopy } from '@/utils/data/articles';
import { LibraryStore } from '@/utils/data/library-store';
import { saveArticle, setPageNotes, setPageTags } from '@/utils/data/library-writes';
import { parseTags } from '@/utils/core/tags';
import { KlipingDb } from '@/utils/data/schema';

let db: KlipingDb;
let n = 0;
beforeEach(async () => {
  db = new KlipingDb(`test-${++n}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const articlePayload = (overrides: Partial<Article> = {}): SavePayload => ({ kind: 'article', article: sampleArticle(overrides) });

describe('saveArticle', () => {
  it('stores metadata, content and times', async () => {
    const record = await saveArticle(db, articlePayload(), 1000);
    expect(record).toMatchObject({ title: 'Harga Cabai Naik', contentStatus: 'saved', savedAt: 1000, updatedAt: 1000, tags: [] });
    const copy = await getSavedCopy(db, record.id);
    expect(copy?.html).toBe('<p>Harga cabai naik lagi.</p>');
  });

  it('updates the same canonical URL instead of duplicating it, keeping when it was first saved', async () => {
    await saveArticle(db, articlePayload(), 1000);
    await saveArticle(db, articlePayload({ canonicalUrl: 'https://news.example/a/1?fbclid=zz#x', title: 'Harga Cabai Naik Lagi' }), 2000);
    const all = await db.articles.toArray();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ title: 'Harga Cabai Naik Lagi', savedAt: 1000, updatedAt: 2000 });
  });

  it('never overwrites a saved article with a link-only save', async () => {
    await saveArticle(db, articlePayload(), 1000);
    const link = await saveArticle(db, { kind: 'link', link: { url: 'https://news.example/a/1', canonicalUrl: 'https://news.example/a/1', title: 'x' } }, 2000);
    expect(link.contentStatus).toBe('saved');
    expect(link.title).toBe('Harga Cabai Naik');
  });

  it('gives a new article the version 2 defaults, and marks content saved once it arrives', async () => {
    const link = await saveArticle(db, { kind: 'link', link: { url: 'https://news.example/l', canonicalUrl: 'https://news.example/l', title: 'l' } }, 1000);
    expect(link).toMatchObject({ readState: 'unread', readingProgress: 0, favorite: false, archived: false, contentStatus: 'link-only' });
    await db.articles.update(link.id, { contentStatus: 'pending-fetch' });
    const full = await saveArticle(db, articlePayload({ canonicalUrl: 'https://news.example/l' }), 2000);
    expect(full).toMatchObject({ id: link.id, contentStatus: 'saved', readState: 'unread' });
  });

  it('lists newest saved first', async () => {
    await saveArticle(db, articlePayload({ canonicalUrl: 'https://news.example/old' }), 1000);
    await saveArticle(db, articlePayload({ canonicalUrl: 'https://news.example/new' }), 2000);
    // As the library lists them (its store's index, sorted by time saved).
    const store = new LibraryStore(db);
    const listed = new Promise<number[]>((resolve) => store.subscribe((s) => s.complete && resolve(s.search.search('', { key: 'saved', descending: true }).ids)));
    store.start();
    const ids = await listed;
    store.stop();
    expect(await Promise.all(ids.map(async (id) => (await db.articles.get(id))!.canonicalUrl))).toEqual(['https://news.example/new', 'https://news.example/old']);
  });
});

describe('notes and tags', () => {
  it('saves the page when the first note is written on an unsaved page', async () => {
    expect(await findSaved(db, 'https://news.example/a/1')).toBeNull();
    const state = await setPageNotes(db, articlePayload(), 'Penting', 1500);
    expect(state.notes).toBe('Penting');
    expect(await findSaved(db, 'https://news.example/a/1')).toMatchObject({ notes: 'Penting', savedAt: 1500 });
  });

  it('keeps tags on the article', async () => {
    await setPageTags(db, articlePayload(), ['ekonomi', 'pangan']);
    expect((await findSaved(db, 'https://news.example/a/1'))?.tags).toEqual(['ekonomi', 'pangan']);
  });

  it('parses tags trimmed and without case-insensitive duplicates', () => {
    expect(parseTags(' Ekonomi , pangan,,ekonomi ,  harga   cabai ')).toEqual(['Ekonomi', 'pangan', 'harga cabai']);
  });
});
