import Dexie, { type EntityTable, type Table } from 'dexie';
import type { ArticleRecord, ContentRecord, NoteRecord, HighlightRecord, ImageRecord, ArticleImageRecord } from '../core/records';
import { articleDefaults } from './defaults';
import { syncLogMiddleware, type SyncCheckpoint, type SyncDocState, type SyncLogEntry } from './sync-log';

/*
 * Kliping's database, in the extension's origin.
 *
 * Schema history (every version states its full schema; see tests/unit/db-upgrade.test.ts, which
 * opens a database of EACH earlier version filled with data and checks all of it survives):
 *   1  articles, contents, notes.
 *   2  articles gain readState, readingProgress, favorite, archived, contentStatus
 *      (filled for v1 rows by the upgrade); new table `highlights`.
 *   3  new tables `images` (one blob per distinct picture, keyed by its SHA-256) and
 *      `articleImages` (which picture an article's image URL is, or why it could not be kept).
 *      No upgrade: older articles simply have no kept images.
 *   4  sync (utils/data/sync-log.ts): `syncLog` (what changed since the last push, written in the
 *      write's own transaction by a middleware), `syncDocs` (per server document: the revision
 *      this device matches and a merge fingerprint), `syncCheckpoints` (one per remote database).
 *      No upgrade: turning sync on pushes everything once.
 *
 * To add version N: declare `this.version(N).stores({...full schema...})` below the last one,
 * with `.upgrade()` only if existing rows need new data; then add a `V<N-1>` fixture to
 * tests/unit/db-versions/ (the schema as it shipped + rows + what they must become).
 */

export * from '../core/records';

export { articleDefaults } from './defaults';

const DB_NAME = 'kliping';

export class KlipingDb extends Dexie {
  articles!: EntityTable<ArticleRecord, 'id'>;
  contents!: EntityTable<ContentRecord, 'articleId'>;
  notes!: EntityTable<NoteRecord, 'articleId'>;
  highlights!: EntityTable<HighlightRecord, 'id'>;
  images!: EntityTable<ImageRecord, 'hash'>;
  articleImages!: Table<ArticleImageRecord, [number, string]>;
  syncLog!: EntityTable<SyncLogEntry, 'key'>;
  syncDocs!: EntityTable<SyncDocState, 'docId'>;
  syncCheckpoints!: EntityTable<SyncCheckpoint, 'remote'>;

  constructor(name = DB_NAME) {
    super(name);
    // Every version states its full schema; upgrade functions only where data must change.
    this.version(1).stores({
      articles: '++id, &canonicalUrl, savedAt, updatedAt, *tags',
      contents: 'articleId',
      notes: 'articleId, updatedAt',
    });
    // Booleans cannot be IndexedDB keys; the library filters them in memory.
    this.version(2)
      .stores({
        articles: '++id, &canonicalUrl, savedAt, updatedAt, *tags, readState, contentStatus',
        contents: 'articleId',
        notes: 'articleId, updatedAt',
        highlights: 'id, articleId, createdAt',
      })
      .upgrade((tx) =>
        tx
          .table('articles')
          .toCollection()
          .modify((article: V1Article) => {
            Object.assign(article, { ...articleDefaults(article.hasContent), ...definedOnly(article) });
          }),
      );
    this.version(3).stores({
      articles: '++id, &canonicalUrl, savedAt, updatedAt, *tags, readState, contentStatus',
      contents: 'articleId',
      notes: 'articleId, updatedAt',
      highlights: 'id, articleId, createdAt',
      images: 'hash',
      articleImages: '[articleId+url], articleId, hash',
    });
    // Dexie carries the tables a version leaves out over from the one before: v4 only adds sync's.
    this.version(4).stores({
      syncLog: 'key',
      syncDocs: 'docId, localKey, parkedFor',
      syncCheckpoints: 'remote',
    });
    this.use(syncLogMiddleware);
  }
}

/**
 * A row as version 1 stored it. Its `hasContent` (whether a `contents` row exists) is read only
 * here, to fill `contentStatus`; rows keep it, and nothing writes it any more.
 */
type V1Article = Partial<ArticleRecord> & { hasContent: boolean };

/** Keeps values a row already has (never overwrite data on upgrade). */
function definedOnly(article: Partial<ArticleRecord>): Partial<ArticleRecord> {
  return Object.fromEntries(Object.entries(article).filter(([, value]) => value !== undefined));
}

let shared: KlipingDb | undefined;

/** The extension origin's database. Content scripts never open it: their IndexedDB is the site's. */
export function getDb(): KlipingDb {
  shared ??= new KlipingDb();
  return shared;
}
