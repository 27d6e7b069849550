import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { MergeBase } from '../core/sync/merge';
import type { DocBody } from '../core/sync/documents';

/*
 * The change log sync pushes from. A Dexie DBCore middleware on KlipingDb writes it IN THE SAME
 * TRANSACTION as every write to a synced table, whoever makes the write (popup session, library,
 * reader, import, undo...): a change is either stored and logged, or neither.
 *
 * The log holds one row per changed thing (`a:<articleId>`, `h:<highlightId>`), not one per write:
 * a thousand keystrokes in a note are one row, and the log never outgrows the library. The push
 * reads the thing's current state when it runs. It is written whether sync is on or not (one
 * small put); turning sync on starts with a full push anyway.
 *
 * Writes the replicator makes from remote documents are marked (`markRemote`) and not logged, so
 * they do not echo back to the server.
 */

export const SYNC_LOG = 'syncLog';
/** Which tables' writes are synced, and how a row's primary key names the thing that changed. */
const SYNCED_TABLES: Record<string, (key: unknown) => string> = {
  articles: (key) => `a:${String(key)}`,
  contents: (key) => `a:${String(key)}`,
  notes: (key) => `a:${String(key)}`,
  highlights: (key) => `h:${String(key)}`,
};

export interface SyncLogEntry {
  /** `a:<article id>` or `h:<highlight id>` */
  key: string;
  /** When it last changed (a deletion's time, for its tombstone). */
  at: number;
  /** Random per write: a push removes the row only if no newer write replaced it meanwhile. */
  mark: number;
  /**
   * A highlight deleted in the same write as articles (deleting an article takes its highlights):
   * its tombstone says so, and loses wherever an edit after it brings the article back.
   */
  withArticle?: true;
}

/** Per server document: the revision this device's copy matches, and the base for merges. */
export interface SyncDocState {
  docId: string;
  /** `a:<id>` / `h:<id>`: the local row it maps to (null while parked, see below). */
  localKey: string | null;
  /** The server revision this device's data corresponds to (null: never on the server). */
  rev: string | null;
  /** Fingerprint of that revision, for three-way merges (core/sync/merge.ts). */
  base: MergeBase | null;
  /**
   * Fingerprints of the last revisions this device held or met (oldest first, a few kept): the
   * base of a conflict's merge when the server has compacted the common ancestor away.
   */
  seen?: Record<string, MergeBase | null>;
  /** Other leaf revisions of a conflict resolved here, closed by the next push. */
  closeRevs?: string[];
  /** A remote highlight whose article has not arrived yet, applied once it does. */
  parked?: { doc: { docId: string; rev: string; winner: DocBody; others: { rev: string; body: DocBody; baseRev: string | null; base?: MergeBase | null }[] } };
  /** The canonical URL a parked highlight waits for (indexed). */
  parkedFor?: string;
}

/** One per remote database (server + database name): where its `_changes` were last read up to. */
export interface SyncCheckpoint {
  remote: string;
  since: string;
  /** Names this device's checkpoint document on the server (`_local/kliping-<session>`). */
  session: string;
}

const REMOTE_MARK = Symbol('kliping.remote');
/** Set on a transaction once it deletes articles. */
const DELETES_ARTICLES = Symbol('kliping.deletesArticles');

/** Marks a Dexie transaction (its `idbtrans`) as applying remote changes: its writes are not logged. */
export function markRemote(idbtrans: unknown): void {
  (idbtrans as Record<symbol, boolean>)[REMOTE_MARK] = true;
}

function isRemote(trans: DBCoreTransaction): boolean {
  return (trans as unknown as Record<symbol, boolean>)[REMOTE_MARK] === true;
}

/** Upgrades run before the log table exists; their writes are not user changes anyway. */
function isUpgrade(trans: DBCoreTransaction): boolean {
  return (trans as unknown as IDBTransaction).mode === 'versionchange';
}

function keysOf(req: DBCoreMutateRequest, res: DBCoreMutateResponse, table: DBCoreTable): unknown[] {
  const failed = (index: number) => res.failures[index] !== undefined;
  if (req.type === 'delete') return req.keys.filter((_, index) => !failed(index));
  if (req.type === 'deleteRange') return [];
  const keys = res.results ?? req.keys ?? req.values.map((value) => table.schema.primaryKey.extractKey?.(value));
  return keys.filter((key, index) => key !== undefined && !failed(index));
}

function logged(down: DBCore, name: string, toEntry: (key: unknown) => string): DBCoreTable {
  const table = down.table(name);
  const log = (trans: DBCoreTransaction, keys: unknown[], withArticle: boolean): Promise<void> => {
    if (keys.length === 0) return Promise.resolve();
    const at = Date.now();
    const entries = new Map<string, SyncLogEntry>();
    for (const key of keys) {
      const entry = toEntry(key);
      entries.set(entry, { key: entry, at, mark: Math.random(), ...(withArticle ? { withArticle: true as const } : {}) });
    }
    return down
      .table(SYNC_LOG)
      .mutate({ type: 'put', trans, values: [...entries.values()] })
      .then(() => undefined);
  };
  return {
    ...table,
    // Promise chains, not `await`: a native await inside DBCore loses Dexie's transaction zone.
    mutate(req) {
      if (isRemote(req.trans) || isUpgrade(req.trans)) return table.mutate(req);
      const marks = req.trans as unknown as Record<symbol, boolean>;
      const deleting = req.type === 'delete' || req.type === 'deleteRange';
      // Known when the call is made: an article delete's highlights are deleted beside it, in the same transaction.
      if (name === 'articles' && deleting) marks[DELETES_ARTICLES] = true;
      const withArticle = name === 'highlights' && deleting && marks[DELETES_ARTICLES] === true;
      if (req.type === 'deleteRange') {
        // A range (clear()) names no keys: read them first, in the same transaction.
        return table
          .query({ trans: req.trans, values: false, query: { index: table.schema.primaryKey, range: req.range } })
          .then(({ result }) => table.mutate(req).then((res) => log(req.trans, result, withArticle).then(() => res)));
      }
      return table.mutate(req).then((res) => log(req.trans, keysOf(req, res, table), withArticle).then(() => res));
    },
  };
}

/** The middleware: widens read-write transactions on synced tables to the log, and logs their writes. */
export const syncLogMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'KlipingSyncLog',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const widen = mode === 'readwrite' && stores.some((store) => store in SYNCED_TABLES) && !stores.includes(SYNC_LOG);
        return down.transaction(widen ? [...stores, SYNC_LOG] : stores, mode, options);
      },
      table(name) {
        const toEntry = SYNCED_TABLES[name];
        return toEntry ? logged(down, name, toEntry) : down.table(name);
      },
    };
  },
};
