import {
  articleBody,
  articleDocId,
  ARTICLE_PREFIX,
  highlightBody,
  highlightDocId,
  HIGHLIGHT_PREFIX,
  tombstone,
  type ArticleBody,
  type DocBody,
  type HighlightBody,
  type LiveArticle,
} from '../core/sync/documents';
import { baseOfBody, lastEdit, mergeBodies, type MergeBase } from '../core/sync/merge';
import { stableJson } from '../core/sync/revisions';
import { deleteImagesOf } from './images';
import type { ArticleRecord, KlipingDb } from './schema';
import { markRemote, type SyncCheckpoint, type SyncDocState, type SyncLogEntry } from './sync-log';

/*
 * What the replicator reads from and writes to the library. Reading builds each changed thing's
 * document from the current rows; applying writes remote documents in ONE marked transaction per
 * batch (not logged, so nothing echoes back), merging with a local change still waiting to go out.
 */

/** A local change ready to go out: its document body and what the server last had of it. */
export interface PendingDoc {
  entry: SyncLogEntry;
  docId: string;
  localKey: string;
  /** null: gone before the server ever had it; nothing to send, the log row just goes. */
  body: DocBody | null;
  state: SyncDocState | undefined;
}

/** A remote document to apply: its winning revision, and the other live leaves of a conflict. */
export interface RemoteDoc {
  docId: string;
  rev: string;
  /** The winning leaf's body: what the server shows. */
  winner: DocBody;
  /** Other live leaves (a conflict): merged in here, closed by this device's next push. */
  others: ConflictLeaf[];
}

/** A losing live leaf of a conflict, with the common ancestor it shares with the winner. */
export interface ConflictLeaf {
  rev: string;
  body: DocBody;
  /** The latest revision the leaf and the winner both descend from (null: none). */
  baseRev: string | null;
  /** That revision's fingerprint as the server still had it; undefined: compacted away (or none). */
  base?: MergeBase | null;
}

const SYNC_TABLES = (db: KlipingDb) => [db.articles, db.contents, db.notes, db.highlights, db.articleImages, db.images, db.syncLog, db.syncDocs];

export function waitingCount(db: KlipingDb): Promise<number> {
  return db.syncLog.count();
}

/** Sync turned on (again): forget what any earlier server had, and queue the whole library. */
export async function startFresh(db: KlipingDb, now = Date.now()): Promise<number> {
  return db.transaction('rw', [db.articles, db.highlights, db.syncLog, db.syncDocs, db.syncCheckpoints], async () => {
    await Promise.all([db.syncLog.clear(), db.syncDocs.clear(), db.syncCheckpoints.clear()]);
    const [articleIds, highlightIds] = await Promise.all([db.articles.toCollection().primaryKeys(), db.highlights.toCollection().primaryKeys()]);
    const entries = [...articleIds.map((id) => `a:${id}`), ...highlightIds.map((id) => `h:${id}`)].map((key) => ({ key, at: now, mark: Math.random() }));
    await db.syncLog.bulkPut(entries);
    return entries.length;
  });
}

/** Sync turned off: the library stays, what sync knew of the server goes. */
export async function forgetSync(db: KlipingDb): Promise<void> {
  await db.transaction('rw', [db.syncLog, db.syncDocs, db.syncCheckpoints], () => Promise.all([db.syncLog.clear(), db.syncDocs.clear(), db.syncCheckpoints.clear()]));
}

/** The remote database's checkpoint; a new session (a random name) when there is none yet. */
export async function getCheckpoint(db: KlipingDb, remote: string): Promise<SyncCheckpoint> {
  return (await db.syncCheckpoints.get(remote)) ?? { remote, since: '0', session: crypto.randomUUID() };
}

export async function setCheckpoint(db: KlipingDb, checkpoint: SyncCheckpoint): Promise<void> {
  await db.syncCheckpoints.put(checkpoint);
}

async function localArticle(db: KlipingDb, article: ArticleRecord): Promise<LiveArticle> {
  const [content, note] = await Promise.all([db.contents.get(article.id), db.notes.get(article.id)]);
  return articleBody(article, content, note);
}

/**
 * Up to `limit` waiting changes, oldest first, each as the document it makes. Gone things with no
 * server copy come back with no body (their log row just goes). Rows are read in bulk: at 10,000
 * articles one read per row and table was most of the first push's time.
 */
export async function readPending(db: KlipingDb, limit: number): Promise<PendingDoc[]> {
  return db.transaction('r', [db.articles, db.contents, db.notes, db.highlights, db.syncLog, db.syncDocs], async () => {
    const entries = await db.syncLog.limit(limit).toArray();
    const articleIds = entries.filter((e) => e.key.startsWith('a:')).map((e) => Number(e.key.slice(2)));
    const highlightIds = entries.filter((e) => e.key.startsWith('h:')).map((e) => e.key.slice(2));
    const highlights = await db.highlights.bulkGet(highlightIds);
    const ownerIds = highlights.flatMap((h) => (h ? [h.articleId] : []));
    const [articles, contents, notes, owners] = await Promise.all([db.articles.bulkGet(articleIds), db.contents.bulkGet(articleIds), db.notes.bulkGet(articleIds), db.articles.bulkGet(ownerIds)]);
    const article = new Map(articleIds.map((id, i) => [id, { row: articles[i], content: contents[i], note: notes[i] }]));
    const highlight = new Map(highlightIds.map((id, i) => [id, highlights[i]]));
    const owner = new Map(ownerIds.map((id, i) => [id, owners[i]]));

    const bodies = entries.map((entry): { docId: string; body: DocBody } | null => {
      const id = entry.key.slice(2);
      if (entry.key.startsWith('a:')) {
        const found = article.get(Number(id));
        return found?.row ? { docId: articleDocId(found.row.canonicalUrl), body: articleBody(found.row, found.content, found.note) } : null;
      }
      const row = highlight.get(id);
      const of = row && owner.get(row.articleId);
      return row && of ? { docId: highlightDocId(row.id), body: highlightBody(row, of.canonicalUrl) } : null;
    });
    const states = await db.syncDocs.bulkGet(bodies.map((made) => made?.docId ?? ''));
    const pending: PendingDoc[] = [];
    for (const [i, entry] of entries.entries()) {
      const made = bodies[i];
      if (made) {
        pending.push({ entry, docId: made.docId, localKey: entry.key, body: made.body, state: states[i] });
        continue;
      }
      // Deleted here: a tombstone, if the server ever had it.
      const state = await db.syncDocs.where('localKey').equals(entry.key).first();
      const kind = entry.key.startsWith('a:') ? 'article' : 'highlight';
      if (state?.rev) pending.push({ entry, docId: state.docId, localKey: entry.key, body: tombstone(kind, entry.at, kind === 'highlight' && entry.withArticle === true), state });
      else pending.push({ entry, docId: '', localKey: entry.key, body: null, state: undefined });
    }
    return pending;
  });
}

export interface Pushed {
  pending: PendingDoc;
  /** The revision the server now has of it; null when there was nothing to send (dropped). */
  rev: string | null;
}

const baseOf = baseOfBody;

/** How many revisions' fingerprints a document keeps: enough to find a recent common ancestor. */
const SEEN_KEPT = 8;

/** The fingerprints of revisions this device has held, the newest added (a compacted server no longer has their bodies). */
function seenWith(state: SyncDocState | undefined, add: [string, MergeBase | null][]): Record<string, MergeBase | null> {
  const seen = { ...(state?.seen ?? {}) };
  for (const [rev, base] of add) {
    delete seen[rev];
    seen[rev] = base;
  }
  const revs = Object.keys(seen);
  for (const rev of revs.slice(0, Math.max(0, revs.length - SEEN_KEPT))) delete seen[rev];
  return seen;
}

/** After a push: each sent document's revision is what this device now matches; its log row goes unless rewritten meanwhile. */
export async function recordPushed(db: KlipingDb, pushed: Pushed[]): Promise<void> {
  await db.transaction('rw', [db.syncLog, db.syncDocs], async () => {
    await db.syncDocs.bulkPut(
      pushed.flatMap(({ pending, rev }) => {
        if (!rev || !pending.body) return [];
        const base = baseOf(pending.body);
        return [{ docId: pending.docId, localKey: pending.localKey, rev, base, seen: seenWith(pending.state, [[rev, base]]) }];
      }),
    );
    const now = await db.syncLog.bulkGet(pushed.map(({ pending }) => pending.entry.key));
    await db.syncLog.bulkDelete(pushed.filter(({ pending }, i) => now[i]?.mark === pending.entry.mark).map(({ pending }) => pending.entry.key));
  });
}

/** Queues a re-push of documents (a merge to send, or conflict branches to close). */
function requeue(db: KlipingDb, key: string): Promise<string> {
  return db.syncLog.put({ key, at: Date.now(), mark: Math.random() });
}

export interface Applied {
  /** Documents whose merge differs from the server's: they go back out on the next push. */
  merged: number;
  /** Highlights waiting for their article. */
  parked: number;
}

/** A conflict leaf's merge base: the server's copy of the common ancestor, else this device's fingerprint of it. */
function baseOfLeaf(leaf: ConflictLeaf, state: SyncDocState | undefined): MergeBase | null {
  if (leaf.base !== undefined) return leaf.base;
  if (!leaf.baseRev) return null;
  if (state?.rev === leaf.baseRev) return state.base;
  return state?.seen?.[leaf.baseRev] ?? null;
}

/** The server's version of a document: its winner with any conflicting leaves merged in, each against its common ancestor. */
function serverBody<B extends DocBody>(doc: RemoteDoc, state: SyncDocState | undefined): B {
  return doc.others.reduce<B>((merged, other) => mergeBodies(merged, other.body as B, baseOfLeaf(other, state)), doc.winner as B);
}

/** Applies a batch of remote documents to the library, in one transaction the change log ignores. */
export async function applyRemote(db: KlipingDb, docs: RemoteDoc[]): Promise<Applied> {
  const result: Applied = { merged: 0, parked: 0 };
  await db.transaction('rw', SYNC_TABLES(db), async (tx) => {
    markRemote(tx.idbtrans);
    const arrivedUrls: string[] = [];
    // Each document's reads and writes are independent of the others' (one _changes row per id):
    // they run side by side in the one transaction, IndexedDB pipelining the requests.
    // Articles first: a highlight in the same batch then finds its article.
    const articles = docs.filter((doc) => doc.docId.startsWith(ARTICLE_PREFIX));
    const highlights = docs.filter((doc) => doc.docId.startsWith(HIGHLIGHT_PREFIX));
    for (const [doc, outcome] of await Promise.all(articles.map(async (doc) => [doc, await applyArticle(db, doc)] as const))) {
      if (outcome.merged) result.merged++;
      if (outcome.live) arrivedUrls.push(doc.docId.slice(ARTICLE_PREFIX.length));
    }
    for (const outcome of await Promise.all(highlights.map((doc) => applyHighlight(db, doc)))) {
      if (outcome === 'merged') result.merged++;
      if (outcome === 'parked') result.parked++;
    }
    // Highlights that came before their article, in this batch or an earlier one.
    if (arrivedUrls.length > 0) {
      for (const state of await db.syncDocs.where('parkedFor').anyOf(arrivedUrls).toArray()) {
        if (!state.parked) continue;
        const parked = state.parked.doc;
        await db.syncDocs.update(state.docId, { parked: undefined, parkedFor: undefined });
        await applyHighlight(db, parked);
      }
    }
  });
  return result;
}

const same = (a: DocBody, b: DocBody) => stableJson(a) === stableJson(b);

/** Ends with: what this device now holds equals the server's winner (done), or it must push (merged). */
async function settle(db: KlipingDb, doc: RemoteDoc, state: SyncDocState | undefined, localKey: string | null, held: DocBody, pendingKey: string | null): Promise<boolean> {
  const closeRevs = doc.others.map((other) => other.rev);
  const mustPush = closeRevs.length > 0 || !same(held, doc.winner);
  const base = baseOf(doc.winner);
  const seen = seenWith(state, [...doc.others.map((other): [string, MergeBase | null] => [other.rev, baseOf(other.body)]), [doc.rev, base]]);
  await db.syncDocs.put({ docId: doc.docId, localKey, rev: doc.rev, base, seen, ...(closeRevs.length ? { closeRevs } : {}) });
  if (mustPush && localKey) await requeue(db, localKey);
  else if (pendingKey) await db.syncLog.delete(pendingKey);
  return mustPush;
}

async function applyArticle(db: KlipingDb, doc: RemoteDoc): Promise<{ merged: boolean; live: boolean }> {
  const state = await db.syncDocs.get(doc.docId);
  if (state?.rev === doc.rev && doc.others.length === 0) return { merged: false, live: !doc.winner.deleted }; // our own push coming back
  const canonicalUrl = doc.docId.slice(ARTICLE_PREFIX.length);
  const existing = await db.articles.where('canonicalUrl').equals(canonicalUrl).first();
  const localKey = existing ? `a:${existing.id}` : (state?.localKey ?? null);
  const pending = localKey ? await db.syncLog.get(localKey) : undefined;
  let held = serverBody<ArticleBody>(doc, state);
  if (pending) {
    const local: ArticleBody = existing ? await localArticle(db, existing) : tombstone('article', pending.at);
    held = mergeBodies(local, held, state?.base ?? null);
  }
  let articleId = existing?.id ?? null;
  if (held.deleted) {
    if (existing) {
      const highlights = await db.highlights.where('articleId').equals(existing.id).primaryKeys();
      await Promise.all([db.articles.delete(existing.id), db.contents.delete(existing.id), db.notes.delete(existing.id), db.highlights.bulkDelete(highlights)]);
      await deleteImagesOf(db, [existing.id]);
    }
  } else {
    const row = { ...held.article, canonicalUrl };
    if (existing) await db.articles.put({ ...row, id: existing.id });
    else articleId = await db.articles.add(row as ArticleRecord);
    const id = articleId!;
    await (held.content ? db.contents.put({ articleId: id, ...held.content }) : db.contents.delete(id));
    await (held.note ? db.notes.put({ articleId: id, ...held.note }) : db.notes.delete(id));
  }
  const key = articleId !== null ? `a:${articleId}` : localKey;
  const merged = await settle(db, doc, state, key, held, pending ? pending.key : null);
  return { merged, live: !held.deleted };
}

async function applyHighlight(db: KlipingDb, doc: RemoteDoc): Promise<'done' | 'merged' | 'parked'> {
  const state = await db.syncDocs.get(doc.docId);
  if (state?.rev === doc.rev && doc.others.length === 0 && !state.parked) return 'done';
  const id = doc.docId.slice(HIGHLIGHT_PREFIX.length);
  const localKey = `h:${id}`;
  const existing = await db.highlights.get(id);
  const pending = await db.syncLog.get(localKey);
  let held = serverBody<HighlightBody>(doc, state);
  const owner = existing && (await db.articles.get(existing.articleId));
  if (pending) {
    const local: HighlightBody = existing && owner ? highlightBody(existing, owner.canonicalUrl) : tombstone('highlight', pending.at);
    held = mergeBodies(local, held, state?.base ?? null);
  }
  // Deleted with its article on another device, but here the article was edited after that (so it
  // comes back everywhere): the highlight stays, and goes back out.
  if (held.deleted && held.withArticle && existing && owner && lastEdit(await localArticle(db, owner)) > held.deletedAt) {
    held = highlightBody(existing, owner.canonicalUrl);
  }
  if (held.deleted) {
    if (existing) await db.highlights.delete(id);
  } else {
    const { articleUrl, ...fields } = held.highlight;
    const article = await db.articles.where('canonicalUrl').equals(articleUrl).first();
    if (!article) {
      await db.syncDocs.put({ docId: doc.docId, localKey: null, rev: state?.rev ?? null, base: state?.base ?? null, ...(state?.seen ? { seen: state.seen } : {}), parked: { doc }, parkedFor: articleUrl });
      return 'parked';
    }
    await db.highlights.put({ ...fields, articleId: article.id });
  }
  return (await settle(db, doc, state, localKey, held, pending ? pending.key : null)) ? 'merged' : 'done';
}
