// @vitest-environment node
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveArticle } from '@/utils/data/library-writes';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { KlipingDb } from '@/utils/data/schema';
import { waitingCount } from '@/utils/data/sync-store';
import { syncAccountItem, syncStatusItem } from '@/utils/browser/settings-storage';
import { SYNC_ALARM, SyncService } from '@/utils/browser/sync/service';
import { sampleArticle } from './helpers';
import { COUCH_ADMIN, CouchServer } from '../../support/couch-server';

/* The background's sync service: idle without an account, then syncing, then stopped. */

let server: CouchServer;
let db: KlipingDb;
let n = 0;
beforeAll(async () => {
  server = await CouchServer.launch();
}, 90_000);
afterAll(async () => {
  await server?.close();
});
beforeEach(async () => {
  fakeBrowser.reset();
  db = new KlipingDb(`sync-service-${++n}`);
  await db.open();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('the background sync service', () => {
  it('makes no request at all and sets no alarm while sync is off', async () => {
    const fetches = vi.spyOn(globalThis, 'fetch');
    const service = new SyncService(db);
    await service.resume();
    await saveArticle(db, { kind: 'article', article: sampleArticle() }, 1000);
    service.now();
    await new Promise((done) => setTimeout(done, 800));
    expect(fetches).not.toHaveBeenCalled();
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('a wrong password stores nothing; the right one starts syncing; stop forgets the account and goes quiet', async () => {
    await saveArticle(db, { kind: 'article', article: sampleArticle() }, 1000);
    const service = new SyncService(db);
    const account = { server: `${server.origin}/`, database: 'service', user: COUCH_ADMIN.user, password: 'salah' };
    expect(await service.start(account)).toEqual({ ok: false, error: 'wrong-password' });
    expect(await syncAccountItem.getValue()).toBeNull();

    expect(await service.start({ ...account, password: COUCH_ADMIN.password })).toEqual({ ok: true });
    expect((await syncAccountItem.getValue())?.server).toBe(server.origin);
    expect((await fakeBrowser.alarms.getAll()).map((alarm) => alarm.name)).toEqual([SYNC_ALARM]);
    await expect.poll(() => waitingCount(db), { timeout: 10_000 }).toBe(0);
    await expect.poll(async () => (await syncStatusItem.getValue()).lastSyncedAt, { timeout: 10_000 }).not.toBeNull();
    const docs = (await server.admin('GET', '/service/_all_docs')) as { rows: { id: string }[] };
    expect(docs.rows.map((row) => row.id)).toEqual([`article:${sampleArticle().canonicalUrl}`]);

    await service.stop();
    expect(await syncAccountItem.getValue()).toBeNull();
    expect(await syncStatusItem.getValue()).toMatchObject({ on: false, lastSyncedAt: null });
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    const fetches = vi.spyOn(globalThis, 'fetch');
    await saveArticle(db, { kind: 'article', article: sampleArticle({ title: 'Lagi' }) }, 2000);
    await new Promise((done) => setTimeout(done, 800));
    expect(fetches).not.toHaveBeenCalled();
    // The library stays.
    expect(await db.articles.count()).toBe(1);
  }, 60_000);
});
