// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addHighlight, addTags, deleteArticles, saveArticle, setArticleNotes, setArticleTags, setFlags, setHighlightNote, setPageNotes, setReadingProgress } from '@/utils/data/library-writes';
import type { Article } from '@/utils/core/article';
import { NOTE_CONFLICT_MARKER } from '@/utils/core/sync/merge';
import { highlightsOf } from '@/utils/data/highlights';
import { KlipingDb } from '@/utils/data/schema';
import { startFresh, waitingCount } from '@/utils/data/sync-store';
import { CouchClient, SyncError, type SyncAccount } from '@/utils/browser/sync/couch';
import { push, syncCycle } from '@/utils/browser/sync/replicator';
import { COUCH_ADMIN, CouchServer } from '../../support/couch-server';

/*
 * Two devices (two Kliping databases) replicating through a real PouchDB Server on 127.0.0.1:
 * the whole replicator, the change log and the merge rules together, without a browser.
 */

let server: CouchServer;
let n = 0;
const dbs: KlipingDb[] = [];

beforeAll(async () => {
  server = await CouchServer.launch();
}, 90_000);
afterAll(async () => {
  await server?.close();
});
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function account(database: string, password = COUCH_ADMIN.password): SyncAccount {
  return { server: server.origin, database, user: COUCH_ADMIN.user, password };
}

function article(slug: string, text = `Isi artikel ${slug}.`): Article {
  return {
    url: `https://warta.example/${slug}?utm_source=x`,
    canonicalUrl: `https://warta.example/${slug}`,
    title: `Judul ${slug}`,
    byline: 'Sari',
    siteName: 'Warta',
    publishedTime: null,
    lang: 'id',
    dir: 'ltr',
    excerpt: null,
    leadImageUrl: null,
    wordCount: 3,
    readingMinutes: 1,
    contentHtml: `<p>${text}</p>`,
    textContent: text,
  };
}

interface Device {
  db: KlipingDb;
  client: CouchClient;
  sync(): ReturnType<typeof syncCycle>;
}

async function device(database: string): Promise<Device> {
  const db = new KlipingDb(`sync-device-${++n}`);
  dbs.push(db);
  await db.open();
  const client = new CouchClient(account(database));
  return { db, client, sync: () => syncCycle(db, client) };
}

/** Both devices turned sync on, then synced until quiet. */
async function pair(database: string, fill?: (a: Device, b: Device) => Promise<void>): Promise<[Device, Device]> {
  const a = await device(database);
  const b = await device(database);
  await fill?.(a, b);
  await a.client.check();
  await startFresh(a.db);
  await startFresh(b.db);
  await settle(a, b);
  return [a, b];
}

/** Syncs both until neither has anything left to send: convergence, not a fixed number of rounds. */
async function settle(a: Device, b: Device): Promise<void> {
  for (let round = 0; round < 6; round++) {
    const one = await a.sync();
    const two = await b.sync();
    if (one.pushed === 0 && two.pushed === 0 && (await waitingCount(a.db)) === 0 && (await waitingCount(b.db)) === 0 && round > 0) return;
  }
  throw new Error('the devices did not converge in 6 rounds');
}

const byUrl = async (db: KlipingDb, slug: string) => db.articles.where('canonicalUrl').equals(`https://warta.example/${slug}`).first();

describe('sync between two devices through a real CouchDB-compatible server', () => {
  it('first sync both ways: each library gets the other, the same page meets as one article with both tag sets', async () => {
    const [a, b] = await pair('first-sync', async (a, b) => {
      const one = await saveArticle(a.db, { kind: 'article', article: article('satu') }, 1000);
      await setArticleNotes(a.db, one.id, 'catatan dari A', 1100);
      await addHighlight(a.db, { articleId: one.id, selector: { quote: { type: 'TextQuoteSelector', exact: 'artikel', prefix: 'Isi ', suffix: ' satu' }, position: { type: 'TextPositionSelector', start: 4, end: 11 } } }, 1200);
      const shared = await saveArticle(a.db, { kind: 'article', article: article('bersama') }, 1000);
      await setArticleTags(a.db, shared.id, ['kopi'], 1300);
      const there = await saveArticle(b.db, { kind: 'article', article: article('bersama') }, 2000);
      await setArticleTags(b.db, there.id, ['teh'], 2100);
      await saveArticle(b.db, { kind: 'article', article: article('dua') }, 2000);
    });
    for (const d of [a, b]) {
      expect(await d.db.articles.count()).toBe(3);
      const shared = await byUrl(d.db, 'bersama');
      expect(new Set(shared!.tags)).toEqual(new Set(['kopi', 'teh']));
      expect(shared!.savedAt).toBe(1000);
      const one = await byUrl(d.db, 'satu');
      expect((await d.db.notes.get(one!.id))?.text).toBe('catatan dari A');
      expect((await d.db.contents.get(one!.id))?.text).toBe('Isi artikel satu.');
      expect((await highlightsOf(d.db, one!.id)).map((h) => h.quote)).toEqual(['artikel']);
    }
    // The server holds one document per page and per highlight, no conflicts left.
    const all = (await server.admin('GET', '/first-sync/_all_docs?conflicts=true&include_docs=true')) as { rows: { id: string; doc: { _conflicts?: string[] } }[] };
    expect(all.rows.map((row) => row.id.replace(/^highlight:.*/, 'highlight:…')).sort()).toEqual(['article:https://warta.example/bersama', 'article:https://warta.example/dua', 'article:https://warta.example/satu', 'highlight:…']);
    expect(all.rows.filter((row) => row.doc._conflicts?.length)).toEqual([]);
  }, 60_000);

  it('applying pulled changes sends nothing back (no echo)', async () => {
    const [a, b] = await pair('echo', async (a) => {
      await saveArticle(a.db, { kind: 'article', article: article('gema') }, 1000);
    });
    const local = await byUrl(a.db, 'gema');
    await setFlags(a.db, [local!.id], { favorite: true }, 5000);
    expect((await a.sync()).pushed).toBe(1);
    const pulled = await b.sync();
    expect(pulled).toMatchObject({ pulled: 1, pushed: 0 });
    expect(await waitingCount(b.db)).toBe(0);
    expect((await byUrl(b.db, 'gema'))!.favorite).toBe(true);
  }, 60_000);

  it('a note edited on both devices keeps both texts, marked, and then stays put', async () => {
    const [a, b] = await pair('notes-both', async (a) => {
      await saveArticle(a.db, { kind: 'article', article: article('catatan') }, 1000);
    });
    const idA = (await byUrl(a.db, 'catatan'))!.id;
    const idB = (await byUrl(b.db, 'catatan'))!.id;
    await setArticleNotes(a.db, idA, 'Pendapat perangkat A', 5000);
    await setArticleNotes(b.db, idB, 'Pendapat perangkat B', 6000);
    await settle(a, b);
    const expected = `Pendapat perangkat A\n\n${NOTE_CONFLICT_MARKER}\nPendapat perangkat B`;
    expect((await a.db.notes.get(idA))?.text).toBe(expected);
    expect((await b.db.notes.get(idB))?.text).toBe(expected);
    // One device then edits the merged note: that edit wins, nothing is doubled.
    await setArticleNotes(b.db, idB, 'Disatukan', 7000);
    await settle(a, b);
    expect((await a.db.notes.get(idA))?.text).toBe('Disatukan');
  }, 60_000);

  it('concurrent pushes make a CouchDB conflict; the next device to pull merges and closes it', async () => {
    const [a, b] = await pair('conflict', async (a) => {
      await saveArticle(a.db, { kind: 'article', article: article('cabang') }, 1000);
    });
    await addTags(a.db, [(await byUrl(a.db, 'cabang'))!.id], ['a-tag'], 5000);
    await addTags(b.db, [(await byUrl(b.db, 'cabang'))!.id], ['b-tag'], 5000);
    await setReadingProgress(a.db, (await byUrl(a.db, 'cabang'))!.id, 0.8);
    // Both push without pulling first: the server keeps both branches.
    await push(a.db, a.client);
    await push(b.db, b.client);
    const before = (await server.admin('GET', `/conflict/${encodeURIComponent('article:https://warta.example/cabang')}?conflicts=true`)) as { _conflicts?: string[] };
    expect(before._conflicts).toHaveLength(1);
    await settle(a, b);
    const after = (await server.admin('GET', `/conflict/${encodeURIComponent('article:https://warta.example/cabang')}?conflicts=true`)) as { _conflicts?: string[]; article: { tags: string[]; readingProgress: number } };
    expect(after._conflicts ?? []).toEqual([]);
    expect(new Set(after.article.tags)).toEqual(new Set(['a-tag', 'b-tag']));
    expect(after.article.readingProgress).toBe(0.8);
    for (const d of [a, b]) expect((await byUrl(d.db, 'cabang'))!.readingProgress).toBe(0.8);
  }, 60_000);

  it('tags: added on both are united; one removed on one device stays removed', async () => {
    const [a, b] = await pair('tags', async (a) => {
      const row = await saveArticle(a.db, { kind: 'article', article: article('label') }, 1000);
      await setArticleTags(a.db, row.id, ['lama', 'hapus'], 1100);
    });
    const idA = (await byUrl(a.db, 'label'))!.id;
    const idB = (await byUrl(b.db, 'label'))!.id;
    await setArticleTags(a.db, idA, ['lama', 'hapus', 'dari-a'], 5000);
    await setArticleTags(b.db, idB, ['lama', 'dari-b'], 5000);
    await settle(a, b);
    for (const [d, id] of [[a, idA], [b, idB]] as const) expect(new Set((await d.db.articles.get(id))!.tags)).toEqual(new Set(['lama', 'dari-a', 'dari-b']));
  }, 60_000);

  // Compacted: the server no longer has the ancestor's body; each device's own fingerprint of it serves.
  it.each([
    ['the server keeps the ancestor', false],
    ['the server compacted it away', true],
  ])('a half-typed tag pushed mid-typing goes once the word is whole, though its branch lost a conflict first (the g/gayo run): %s', async (_, compact) => {
    const database = compact ? 'half-typed-tag-compacted' : 'half-typed-tag';
    const [a, b] = await pair(database, async (a) => {
      const row = await saveArticle(a.db, { kind: 'article', article: article('gayo') }, 1000);
      await setArticleTags(a.db, row.id, ['kopi'], 1100);
    });
    const idA = (await byUrl(a.db, 'gayo'))!.id;
    const idB = (await byUrl(b.db, 'gayo'))!.id;
    const docPath = `/${database}/${encodeURIComponent('article:https://warta.example/gayo')}`;
    // B is caught by a push one key into "gayo"; A adds "ekspor"; both push before pulling: a conflict.
    await setArticleTags(b.db, idB, ['kopi', 'g'], 5000);
    await setArticleTags(a.db, idA, ['kopi', 'ekspor'], 5002);
    await push(b.db, b.client);
    await push(a.db, a.client);
    const conflict = (await server.admin('GET', `${docPath}?conflicts=true`)) as { _conflicts?: string[]; article: { tags: string[] } };
    // The case the old merge got wrong: A's branch wins, B's ("g") is the one A closes.
    expect(conflict._conflicts).toHaveLength(1);
    expect(conflict.article.tags).toEqual(['kopi', 'ekspor']);
    // A pulls and merges the two branches (g is B's tag as far as anyone knows), closing B's.
    await a.sync();
    expect(new Set((await a.db.articles.get(idA))!.tags)).toEqual(new Set(['kopi', 'ekspor', 'g']));
    // B finishes the word and pushes on its own branch before it pulls: a second conflict, whose
    // common ancestor is B's "g" revision (A's merge took it in), not the first sync's.
    await setArticleTags(b.db, idB, ['kopi', 'gayo'], 6000);
    await push(b.db, b.client);
    if (compact) {
      await server.admin('POST', `/${database}/_compact`, '{}');
      const [g] = conflict._conflicts!;
      // Compaction runs on its own time: done once the ancestor's body is gone.
      await expect.poll(() => server.admin('GET', `${docPath}?rev=${g}`).then(() => 'kept', (error: Error) => error.message), { timeout: 20_000 }).toMatch(/404/);
    }
    await settle(a, b);
    for (const [d, id] of [[a, idA], [b, idB]] as const) expect(new Set((await d.db.articles.get(id))!.tags)).toEqual(new Set(['kopi', 'ekspor', 'gayo']));
    const after = (await server.admin('GET', `${docPath}?conflicts=true`)) as { _conflicts?: string[]; article: { tags: string[] } };
    expect(after._conflicts ?? []).toEqual([]);
    expect(new Set(after.article.tags)).toEqual(new Set(['kopi', 'ekspor', 'gayo']));
  }, 60_000);

  it('highlights made on both devices are all on both; a highlight note edited on one arrives', async () => {
    const [a, b] = await pair('highlights', async (a) => {
      await saveArticle(a.db, { kind: 'article', article: article('sorot', 'Satu dua tiga empat lima.') }, 1000);
    });
    const idA = (await byUrl(a.db, 'sorot'))!.id;
    const idB = (await byUrl(b.db, 'sorot'))!.id;
    const at = (exact: string, start: number) => ({ quote: { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' }, position: { type: 'TextPositionSelector' as const, start, end: start + exact.length } });
    const ha = await addHighlight(a.db, { articleId: idA, selector: at('Satu', 0), note: 'dari A' }, 5000);
    await addHighlight(b.db, { articleId: idB, selector: at('tiga', 9), color: 'green' }, 5000);
    await settle(a, b);
    await setHighlightNote(a.db, ha.id, 'dari A, diubah', 6000);
    await settle(a, b);
    for (const [d, id] of [[a, idA], [b, idB]] as const) {
      const rows = await highlightsOf(d.db, id);
      expect(rows.map((h) => [h.quote, h.note ?? null, h.color ?? null])).toEqual([
        ['Satu', 'dari A, diubah', null],
        ['tiga', null, 'green'],
      ]);
    }
  }, 60_000);

  it('a delete travels as a tombstone; an edit made after it on the other device brings the article back', async () => {
    const [a, b] = await pair('delete-edit', async (a) => {
      await saveArticle(a.db, { kind: 'article', article: article('hapus') }, 1000);
      await saveArticle(a.db, { kind: 'article', article: article('hidup') }, 1000);
    });
    // Plain delete: gone on both, its highlight too.
    await addHighlight(a.db, { articleId: (await byUrl(a.db, 'hapus'))!.id, selector: { quote: { type: 'TextQuoteSelector', exact: 'Isi', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 3 } } }, 1100);
    await settle(a, b);
    expect(await b.db.highlights.count()).toBe(1);
    await deleteArticles(a.db, [(await byUrl(a.db, 'hapus'))!.id]);
    // Delete against a later edit: A deletes, B (not yet knowing) writes a note afterwards.
    await deleteArticles(a.db, [(await byUrl(a.db, 'hidup'))!.id]);
    await new Promise((done) => setTimeout(done, 5));
    await setArticleNotes(b.db, (await byUrl(b.db, 'hidup'))!.id, 'masih perlu', Date.now() + 1000);
    await settle(a, b);
    for (const d of [a, b]) {
      expect(await byUrl(d.db, 'hapus')).toBeUndefined();
      expect(await d.db.highlights.count()).toBe(0);
      const back = await byUrl(d.db, 'hidup');
      expect(back).toBeDefined();
      expect((await d.db.notes.get(back!.id))?.text).toBe('masih perlu');
      expect((await d.db.contents.get(back!.id))?.text).toBe('Isi artikel hidup.');
    }
  }, 60_000);

  it.each(['the delete', 'the edit'])('an article brought back by an edit after its delete comes back with its highlights, on both devices (%s reaching the server first)', async (first) => {
    const at = (exact: string, start: number) => ({ quote: { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' }, position: { type: 'TextPositionSelector' as const, start, end: start + exact.length } });
    const [a, b] = await pair(`delete-edit-highlights-${first.slice(4)}`, async (a) => {
      await saveArticle(a.db, { kind: 'article', article: article('sorot-balik', 'Satu dua tiga empat lima.') }, 1000);
      await addHighlight(a.db, { articleId: (await byUrl(a.db, 'sorot-balik'))!.id, selector: at('Satu', 0), note: 'penting' }, 1100);
    });
    await deleteArticles(a.db, [(await byUrl(a.db, 'sorot-balik'))!.id]);
    await new Promise((done) => setTimeout(done, 5));
    await setArticleNotes(b.db, (await byUrl(b.db, 'sorot-balik'))!.id, 'masih perlu', Date.now() + 1000);
    if (first === 'the edit') await b.sync();
    await settle(a, b);
    for (const d of [a, b]) {
      const back = await byUrl(d.db, 'sorot-balik');
      expect(back).toBeDefined();
      expect((await d.db.notes.get(back!.id))?.text).toBe('masih perlu');
      expect((await highlightsOf(d.db, back!.id)).map((h) => [h.quote, h.note ?? null])).toEqual([['Satu', 'penting']]);
    }
  }, 60_000);

  it('changes made while the server is down wait, nothing is lost, and go out when it is back', async () => {
    const [a, b] = await pair('offline', async (a) => {
      await saveArticle(a.db, { kind: 'article', article: article('luring') }, 1000);
    });
    await server.stop();
    try {
      await setPageNotes(a.db, { kind: 'article', article: article('luring') }, 'ditulis saat luring', 5000);
      await saveArticle(a.db, { kind: 'article', article: article('baru') }, 5000);
      const failure = await a.sync().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(SyncError);
      expect((failure as SyncError).code).toBe('unreachable');
      expect(await waitingCount(a.db)).toBe(2);
    } finally {
      await server.start();
    }
    await settle(a, b);
    expect((await b.db.notes.get((await byUrl(b.db, 'luring'))!.id))?.text).toBe('ditulis saat luring');
    expect(await byUrl(b.db, 'baru')).toBeDefined();
  }, 90_000);

  it('says in plain codes what is wrong: wrong password, not a CouchDB server, unreachable', async () => {
    await expect(new CouchClient(account('salah', 'bukan-ini')).check()).rejects.toMatchObject({ code: 'wrong-password' });
    const notCouch = await import('node:http').then(({ createServer }) => {
      const site = createServer((_, response) => response.end('<html>hello</html>'));
      return new Promise<import('node:http').Server>((done) => site.listen(0, '127.0.0.1', () => done(site)));
    });
    const port = (notCouch.address() as { port: number }).port;
    await expect(new CouchClient({ ...account('x'), server: `http://127.0.0.1:${port}` }).check()).rejects.toMatchObject({ code: 'not-couchdb' });
    notCouch.close();
    await expect(new CouchClient({ ...account('x'), server: 'http://127.0.0.1:9' }).check()).rejects.toMatchObject({ code: 'unreachable' });
  }, 30_000);

  it('says a user who logged in well but is no member of the database has no rights on it (not a wrong password)', async () => {
    await server.addUser('tamu', 'tamu-123');
    await server.restrict('terkunci', [COUCH_ADMIN.user]);
    const guest = { server: server.origin, database: 'terkunci', user: 'tamu', password: 'tamu-123' };
    await expect(new CouchClient(guest).check()).rejects.toMatchObject({ code: 'no-rights' });
    await expect(new CouchClient({ ...guest, password: 'bukan-ini' }).check()).rejects.toMatchObject({ code: 'wrong-password' });
    // The member still may: the refusal is the database's rule, not the server's.
    await new CouchClient(account('terkunci')).check();
  }, 30_000);

  it('creates the database when it is missing and the user may', async () => {
    await new CouchClient(account('dibuat-baru')).check();
    expect(await server.admin('GET', '/dibuat-baru')).toMatchObject({ db_name: 'dibuat-baru' });
  }, 30_000);
});
