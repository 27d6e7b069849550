import { ancestryOf, bodyOf, docKind, isKlipingBody, MERGED_FROM, tombstone, type DocBody, type SyncDoc } from '../../core/sync/documents';
import { baseOfBody } from '../../core/sync/merge';
import { childRev, commonAncestor, revisionsOf } from '../../core/sync/revisions';
import type { KlipingDb } from '../../data/schema';
import { applyRemote, getCheckpoint, readPending, recordPushed, setCheckpoint, type Pushed, type RemoteDoc } from '../../data/sync-store';
import { SyncError, type ChangeRow, type CouchClient, type RemoteRevision } from './couch';

/*
 * One replication cycle between this device's library (Dexie) and one CouchDB database: pull
 * what changed there since the checkpoint, then push what changed here since the last push.
 * Conflicts are CouchDB's own: branches are stored as they come (`new_edits: false`), and the
 * device that meets one merges the leaves (core/sync/merge.ts) and closes the losing branches.
 */

/** Documents per `_changes` page and per `_bulk_docs` request: a few MB with article texts. */
export const PULL_BATCH = 500;
export const PUSH_BATCH = 200;
/**
 * Pulled documents written per Dexie transaction. Dexie tells every open page of the extension
 * which keys a transaction wrote (one message, every key of every table and index in it); each
 * page reads that message in one task, so a transaction of 500 articles made a task of 20+ ms
 * on the library page, for Dexie alone.
 */
export const APPLY_BATCH = 100;

export interface CycleResult {
  pulled: number;
  pushed: number;
  /** The remote sequence the pull reached (where a live wait starts). */
  since: string;
}

const CHECKPOINT_PREFIX = 'kliping-';

function liveBody(doc: RemoteRevision | null | undefined): DocBody | null {
  if (!doc || doc._deleted) return null;
  const body = bodyOf(doc as unknown as SyncDoc);
  return isKlipingBody(body) ? body : null;
}

/**
 * A conflict: every live leaf, each with the base of its merge with the winner, the latest
 * revision both descend from (their revision paths, and the branches a merge took in). Its body
 * comes from the server while it still has it; else the device may know it (sync-store.ts).
 */
async function conflictOthers(client: CouchClient, docId: string, winnerRev: string): Promise<RemoteDoc['others']> {
  const leaves = await client.leaves(docId);
  const winner = leaves.find((leaf) => leaf._rev === winnerRev);
  const others: RemoteDoc['others'] = [];
  for (const leaf of leaves) {
    const body = liveBody(leaf);
    if (!body || leaf._rev === winnerRev) continue;
    const baseRev = winner ? commonAncestor(ancestryOf(winner), ancestryOf(leaf)) : null;
    const ancestor = baseRev ? liveBody(await client.revision(docId, baseRev)) : null;
    others.push({ rev: leaf._rev, body, baseRev, base: ancestor ? baseOfBody(ancestor) : undefined });
  }
  return others;
}

async function remoteDocOf(client: CouchClient, row: ChangeRow): Promise<RemoteDoc | null> {
  if (!docKind(row.id)) return null; // design documents, another app's documents
  if (!row.doc) return null;
  // Deleted the CouchDB way (by another client: Kliping keeps tombstone bodies), a deletion any edit outlives.
  const winner = liveBody(row.doc) ?? (row.deleted ? tombstone(docKind(row.id)!, 0) : null);
  if (!winner) return null;
  const others = row.changes.length > 1 ? await conflictOthers(client, row.id, row.doc._rev) : [];
  return { docId: row.id, rev: row.doc._rev, winner, others };
}

/** Pulls every change since the checkpoint; returns how many documents were applied. */
export async function pull(db: KlipingDb, client: CouchClient, onBatch?: (applied: number) => void): Promise<{ pulled: number; since: string }> {
  const checkpoint = await getCheckpoint(db, client.remoteKey);
  const localId = CHECKPOINT_PREFIX + checkpoint.session;
  const fetchPage = (from: string) => {
    const fetching = client.changes(from, { limit: PULL_BATCH, includeDocs: true });
    fetching.catch(() => undefined); // a page fetched ahead and then not awaited (this one failed) is no unhandled error
    return fetching;
  };
  const remote = await client.getLocal(localId);
  // Both sides must agree, or the server was reset or replaced: read it all again (merges are idempotent).
  let since = remote && String(remote.last_seq) === checkpoint.since ? checkpoint.since : '0';
  let pulled = 0;
  let next = fetchPage(since);
  for (;;) {
    const page = await next;
    const more = page.results.length >= PULL_BATCH;
    // The next page is on its way while this one is written: the server and IndexedDB work side by side.
    if (more) next = fetchPage(String(page.last_seq));
    const docs: RemoteDoc[] = [];
    for (const row of page.results) {
      const doc = await remoteDocOf(client, row);
      if (doc) docs.push(doc);
    }
    // Articles before highlights, so that a highlight finds its article (else it waits for it, parked).
    docs.sort((x, y) => Number(docKind(x.docId) !== 'article') - Number(docKind(y.docId) !== 'article'));
    for (let from = 0; from < docs.length; from += APPLY_BATCH) await applyRemote(db, docs.slice(from, from + APPLY_BATCH));
    pulled += docs.length;
    since = String(page.last_seq);
    await setCheckpoint(db, { ...checkpoint, since });
    onBatch?.(pulled);
    if (!more) break;
  }
  if (!remote || String(remote.last_seq) !== since) {
    await client.putLocal(localId, { ...(remote?._rev ? { _rev: remote._rev } : {}), last_seq: since, client: 'kliping' });
  }
  return { pulled, since };
}

/**
 * A few documents (a change typed) go at once: the server ignores a revision it already has, so
 * asking first would only cost a round trip. Many (a first push, a resumed one) are asked about
 * first, so that what the server took before an interruption is not sent again.
 */
const ASK_FIRST_FROM = 20;

async function unsent<D extends { _id: string; _rev: string }>(client: CouchClient, docs: D[]): Promise<D[]> {
  if (docs.length < ASK_FIRST_FROM) return docs;
  const asked: Record<string, string[]> = {};
  for (const doc of docs) (asked[doc._id] ??= []).push(doc._rev);
  const missing = await client.revsDiff(asked);
  return docs.filter((doc) => missing[doc._id]?.missing.includes(doc._rev));
}

/** Pushes every waiting change; returns how many documents the server took. */
export async function push(db: KlipingDb, client: CouchClient): Promise<number> {
  let pushedCount = 0;
  for (;;) {
    const pending = await readPending(db, PUSH_BATCH);
    if (pending.length === 0) return pushedCount;
    const docs: (Record<string, unknown> & { _id: string; _rev: string })[] = [];
    const pushed: Pushed[] = [];
    for (const item of pending) {
      if (!item.body) {
        pushed.push({ pending: item, rev: null });
        continue;
      }
      const parent = item.state?.rev ?? null;
      const closing = [...(item.state?.closeRevs ?? [])].sort();
      // A merge names the branches it took in: the ancestry the next conflict's base is found in.
      const stored = closing.length > 0 ? { ...item.body, [MERGED_FROM]: closing } : item.body;
      const rev = childRev(parent, stored);
      docs.push({ ...stored, _id: item.docId, _rev: rev, _revisions: revisionsOf(rev, parent) });
      for (const loser of closing) {
        const closed = childRev(loser, { _deleted: true });
        docs.push({ _id: item.docId, _rev: closed, _deleted: true, _revisions: revisionsOf(closed, loser) });
      }
      pushed.push({ pending: item, rev });
    }
    const toSend = await unsent(client, docs);
    const failed = toSend.length > 0 ? await client.bulkDocs(toSend) : new Map<string, string>();
    await recordPushed(
      db,
      pushed.filter((item) => !failed.has(item.pending.docId)),
    );
    pushedCount += toSend.length;
    if (failed.size > 0) throw new SyncError('server-error', `_bulk_docs refused ${failed.size}: ${[...failed.values()][0]}`);
  }
}

/** Pull then push: what the other devices did is merged in before this device's changes go out. */
export async function syncCycle(db: KlipingDb, client: CouchClient): Promise<CycleResult> {
  const { pulled, since } = await pull(db, client);
  const pushed = await push(db, client);
  return { pulled, pushed, since };
}

/** A server that holds a long poll past its timeout is let go this much later. */
const LONG_POLL_GRACE_MS = 10_000;

/** Waits (long poll) until the remote database changes after `since`, or `timeoutMs` passes. */
export async function waitForRemoteChange(client: CouchClient, since: string, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
  const overdue = AbortSignal.timeout(timeoutMs + LONG_POLL_GRACE_MS);
  try {
    const page = await client.changes(since, { limit: 1, longpoll: true, timeoutMs, signal: signal ? AbortSignal.any([signal, overdue]) : overdue });
    return page.results.length > 0;
  } catch (error) {
    if (overdue.aborted && !signal?.aborted) return false; // as if it had timed out itself
    throw error;
  }
}
