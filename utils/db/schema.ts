import Dexie, { type EntityTable } from 'dexie';

export interface ArticleRecord {
  id: number;
  /** Unique key: the page's normalized canonical URL. */
  canonicalUrl: string;
  /** The URL as the user visited it when last saved. */
  url: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  excerpt: string | null;
  leadImageUrl: string | null;
  wordCount: number;
  readingMinutes: number;
  /** False for a link saved without its article (restricted or non-article pages). */
  hasContent: boolean;
  tags: string[];
  savedAt: number;
  updatedAt: number;
}

/** The article body, kept apart so that listing the library never loads every body. */
export interface ContentRecord {
  articleId: number;
  html: string;
  text: string;
}

export interface NoteRecord {
  articleId: number;
  text: string;
  updatedAt: number;
}

export const DB_NAME = 'kliping';

export class KlipingDb extends Dexie {
  articles!: EntityTable<ArticleRecord, 'id'>;
  contents!: EntityTable<ContentRecord, 'articleId'>;
  notes!: EntityTable<NoteRecord, 'articleId'>;

  constructor(name = DB_NAME) {
    super(name);
    // Every version states its full schema; upgrade functions only where data must change.
    this.version(1).stores({
      articles: '++id, &canonicalUrl, savedAt, updatedAt, *tags',
      contents: 'articleId',
      notes: 'articleId, updatedAt',
    });
  }
}

let shared: KlipingDb | undefined;

/** The extension origin's database. Content scripts never open it: their IndexedDB is the site's. */
export function getDb(): KlipingDb {
  shared ??= new KlipingDb();
  return shared;
}
