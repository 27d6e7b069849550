import type Dexie from 'dexie';
import { expect } from 'vitest';
import type { KlipingDb } from '@/utils/data/schema';
import type { HistoricalVersion } from './types';

const article = (id: number, overrides: Record<string, unknown> = {}) => ({
  id,
  canonicalUrl: `https://berita.example/r/${id}`,
  url: `https://berita.example/r/${id}?fbclid=1`,
  title: `Berita ${id}`,
  byline: 'Agus Wijaya',
  siteName: 'Berita Example',
  publishedTime: '2025-02-03T10:00:00+07:00',
  lang: 'id',
  dir: 'ltr',
  excerpt: 'Ringkas.',
  leadImageUrl: `https://cdn.berita.example/${id}.jpg`,
  wordCount: 610,
  readingMinutes: 3,
  hasContent: true,
  tags: ['banjir'],
  savedAt: 1_730_000_000_000 + id,
  updatedAt: 1_730_000_500_000 + id,
  readState: 'unread',
  readingProgress: 0,
  favorite: false,
  archived: false,
  contentStatus: 'saved',
  ...overrides,
});

const ROWS = {
  articles: [
    article(1, { readState: 'read', readingProgress: 0.42, favorite: true }),
    article(2, { archived: true, tags: [], title: 'مرحبا — RTL', dir: 'rtl', lang: 'ar' }),
    article(3, { hasContent: false, contentStatus: 'pending-fetch', wordCount: 0, readingMinutes: 0, leadImageUrl: null }),
  ],
  contents: [
    { articleId: 1, html: '<p>Banjir <img src="https://cdn.berita.example/a.jpg" alt="Banjir"> melanda.</p>', text: 'Banjir melanda.' },
    { articleId: 2, html: '<p>نص</p>', text: 'نص' },
  ],
  notes: [{ articleId: 1, text: 'Cek data BPBD', updatedAt: 1_730_000_600_000 }],
  highlights: [
    {
      id: '6f1c1b8e-2d0b-4a55-9d55-3d8c1d3c0a01',
      articleId: 1,
      quote: 'melanda',
      selector: {
        quote: { type: 'TextQuoteSelector', exact: 'melanda', prefix: 'Banjir ', suffix: '.' },
        position: { type: 'TextPositionSelector', start: 7, end: 14 },
      },
      note: 'Di mana?',
      color: 'green',
      createdAt: 1_730_000_700_000,
      updatedAt: 1_730_000_700_000,
    },
  ],
};

export const v2: HistoricalVersion = {
  version: 2,
  stores: {
    articles: '++id, &canonicalUrl, savedAt, updatedAt, *tags, readState, contentStatus',
    contents: 'articleId',
    notes: 'articleId, updatedAt',
    highlights: 'id, articleId, createdAt',
  },
  async fill(db: Dexie) {
    await db.table('articles').bulkAdd(ROWS.articles);
    await db.table('contents').bulkAdd(ROWS.contents);
    await db.table('notes').bulkAdd(ROWS.notes);
    await db.table('highlights').bulkAdd(ROWS.highlights);
  },
  async check(db: KlipingDb) {
    expect(await db.articles.orderBy('id').toArray()).toEqual(ROWS.articles);
    expect(await db.contents.orderBy('articleId').toArray()).toEqual(ROWS.contents);
    expect(await db.notes.orderBy('articleId').toArray()).toEqual(ROWS.notes);
    expect(await db.highlights.toArray()).toEqual(ROWS.highlights);
    // Indexes still answer.
    expect(await db.articles.where('readState').equals('read').primaryKeys()).toEqual([1]);
    expect(await db.articles.where('contentStatus').equals('pending-fetch').primaryKeys()).toEqual([3]);
    expect(await db.highlights.where('articleId').equals(1).count()).toBe(1);
    // What later versions added starts empty: older articles have no kept images.
    expect(await db.images.count()).toBe(0);
    expect(await db.articleImages.count()).toBe(0);
  },
};
