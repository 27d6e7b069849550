import type Dexie from 'dexie';
import { expect } from 'vitest';
import type { KlipingDb } from '@/utils/data/schema';
import type { HistoricalVersion } from './types';

const article = (id: number, overrides: Record<string, unknown> = {}) => ({
  id,
  canonicalUrl: `https://news.example/a/${id}`,
  url: `https://news.example/a/${id}?utm_source=x`,
  title: `Artikel ${id}`,
  byline: 'Rina Ayu',
  siteName: 'News Example',
  publishedTime: '2024-05-01T08:00:00+07:00',
  lang: 'id',
  dir: 'ltr',
  excerpt: 'Ringkasan.',
  leadImageUrl: null,
  wordCount: 420,
  readingMinutes: 2,
  hasContent: true,
  tags: ['ekonomi', 'pangan'],
  savedAt: 1_700_000_000_000 + id,
  updatedAt: 1_700_000_100_000 + id,
  ...overrides,
});

const ROWS = {
  articles: [
    article(1),
    article(2, { title: 'Café crème — “quotes” & émoji 🌶️', tags: [], lang: 'fr' }),
    article(3, { hasContent: false, wordCount: 0, readingMinutes: 0, byline: null, siteName: null, excerpt: null, publishedTime: null, lang: null, dir: null }),
  ],
  contents: [
    { articleId: 1, html: '<p>Harga cabai naik lagi.</p><p>Kedua.</p>', text: 'Harga cabai naik lagi.\nKedua.' },
    { articleId: 2, html: '<p>Un café.</p>', text: 'Un café.' },
  ],
  notes: [
    { articleId: 1, text: 'Catatan penting\n  dengan spasi  ', updatedAt: 1_700_000_200_000 },
    { articleId: 3, text: 'Baca nanti', updatedAt: 1_700_000_300_000 },
  ],
};

export const v1: HistoricalVersion = {
  version: 1,
  stores: {
    articles: '++id, &canonicalUrl, savedAt, updatedAt, *tags',
    contents: 'articleId',
    notes: 'articleId, updatedAt',
  },
  async fill(db: Dexie) {
    await db.table('articles').bulkAdd(ROWS.articles);
    await db.table('contents').bulkAdd(ROWS.contents);
    await db.table('notes').bulkAdd(ROWS.notes);
  },
  async check(db: KlipingDb) {
    const articles = await db.articles.orderBy('id').toArray();
    expect(articles).toHaveLength(ROWS.articles.length);
    for (const [index, before] of ROWS.articles.entries()) {
      // Everything v1 stored is still there, unchanged...
      expect(articles[index]).toMatchObject(before);
      // ...and what later versions added has its default.
      expect(articles[index]).toMatchObject({ readState: 'unread', readingProgress: 0, favorite: false, archived: false });
      expect(articles[index]?.contentStatus).toBe(before.hasContent ? 'saved' : 'link-only');
    }
    expect(await db.contents.orderBy('articleId').toArray()).toEqual(ROWS.contents);
    expect(await db.notes.orderBy('articleId').toArray()).toEqual(ROWS.notes);
    // Indexes still answer.
    expect(await db.articles.where('canonicalUrl').equals('https://news.example/a/2').count()).toBe(1);
    expect(await db.articles.where('tags').equals('pangan').count()).toBe(2);
    expect(await db.articles.where('readState').equals('unread').count()).toBe(3);
    expect(await db.articles.where('contentStatus').equals('link-only').primaryKeys()).toEqual([3]);
  },
};
