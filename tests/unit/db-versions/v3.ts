import type Dexie from 'dexie';
import { expect } from 'vitest';
import type { KlipingDb } from '@/utils/data/schema';
import type { HistoricalVersion } from './types';

const article = (id: number, overrides: Record<string, unknown> = {}) => ({
  id,
  canonicalUrl: `https://kabar.example/k/${id}`,
  url: `https://kabar.example/k/${id}?utm_medium=feed`,
  title: `Kabar ${id}`,
  byline: 'Dewi Lestari',
  siteName: 'Kabar Example',
  publishedTime: '2026-03-04T09:00:00+07:00',
  lang: 'id',
  dir: 'ltr',
  excerpt: 'Singkat.',
  leadImageUrl: `https://img.kabar.example/${id}.png`,
  wordCount: 800,
  readingMinutes: 4,
  hasContent: true,
  tags: ['kota', 'air'],
  savedAt: 1_760_000_000_000 + id,
  updatedAt: 1_760_000_500_000 + id,
  readState: 'unread',
  readingProgress: 0.1,
  favorite: false,
  archived: false,
  contentStatus: 'saved',
  ...overrides,
});

const IMAGE_HASH = 'ab'.repeat(32);

const ROWS = {
  articles: [article(1, { favorite: true }), article(2, { hasContent: false, contentStatus: 'link-only', wordCount: 0, readingMinutes: 0 })],
  contents: [{ articleId: 1, html: '<p>Air bersih <img src="https://img.kabar.example/a.png" alt=""> kembali.</p>', text: 'Air bersih kembali.' }],
  notes: [{ articleId: 1, text: 'Tanya PDAM', updatedAt: 1_760_000_600_000 }],
  highlights: [
    {
      id: '0b7e4d2c-93a1-4f6e-8c1d-5a2b3c4d5e6f',
      articleId: 1,
      quote: 'Air bersih',
      selector: {
        quote: { type: 'TextQuoteSelector', exact: 'Air bersih', prefix: '', suffix: ' kembali' },
        position: { type: 'TextPositionSelector', start: 0, end: 10 },
      },
      color: 'yellow',
      createdAt: 1_760_000_700_000,
      updatedAt: 1_760_000_700_000,
    },
  ],
  images: [{ hash: IMAGE_HASH, blob: new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }), type: 'image/png', size: 4, width: 1, height: 1, createdAt: 1_760_000_800_000 }],
  articleImages: [
    { articleId: 1, url: 'https://img.kabar.example/a.png', status: 'kept', hash: IMAGE_HASH, reason: null, updatedAt: 1_760_000_800_000 },
    { articleId: 1, url: 'https://img.kabar.example/1.png', status: 'failed', hash: null, reason: 'http-error', httpStatus: 404, updatedAt: 1_760_000_800_000 },
  ],
};

export const v3: HistoricalVersion = {
  version: 3,
  stores: {
    articles: '++id, &canonicalUrl, savedAt, updatedAt, *tags, readState, contentStatus',
    contents: 'articleId',
    notes: 'articleId, updatedAt',
    highlights: 'id, articleId, createdAt',
    images: 'hash',
    articleImages: '[articleId+url], articleId, hash',
  },
  async fill(db: Dexie) {
    await db.table('articles').bulkAdd(ROWS.articles);
    await db.table('contents').bulkAdd(ROWS.contents);
    await db.table('notes').bulkAdd(ROWS.notes);
    await db.table('highlights').bulkAdd(ROWS.highlights);
    await db.table('images').bulkAdd(ROWS.images);
    await db.table('articleImages').bulkAdd(ROWS.articleImages);
  },
  async check(db: KlipingDb) {
    expect(await db.articles.orderBy('id').toArray()).toEqual(ROWS.articles);
    expect(await db.contents.orderBy('articleId').toArray()).toEqual(ROWS.contents);
    expect(await db.notes.orderBy('articleId').toArray()).toEqual(ROWS.notes);
    expect(await db.highlights.toArray()).toEqual(ROWS.highlights);
    const images = await db.images.toArray();
    expect(images.map(({ blob: _blob, ...rest }) => rest)).toEqual(ROWS.images.map(({ blob: _blob, ...rest }) => rest));
    expect(await db.articleImages.where('articleId').equals(1).count()).toBe(2);
    expect(await db.articleImages.where('hash').equals(IMAGE_HASH).count()).toBe(1);
    // Version 4's sync tables start empty: the rows above were never logged as changes (the
    // upgrade is no user edit), and turning sync on pushes the whole library once.
    expect(await db.syncLog.count()).toBe(0);
    expect(await db.syncDocs.count()).toBe(0);
    expect(await db.syncCheckpoints.count()).toBe(0);
    // ...and a write after the upgrade is logged.
    await db.notes.put({ articleId: 2, text: 'baru', updatedAt: 1_760_000_900_000 });
    expect(await db.syncLog.get('a:2')).toMatchObject({ key: 'a:2' });
  },
};
