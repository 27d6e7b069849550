import { browser } from 'wxt/browser';
import type { KlipingDb } from '../../data/schema';
import { observe, type Subscription } from '../../data/observe';
import { forgetSync, startFresh, waitingCount } from '../../data/sync-store';
import { syncAccountItem, syncStatusItem } from '../settings-storage';
import { CouchClient, SyncError, serverOrigin, type SyncAccount, type SyncErrorCode } from './couch';
import { syncCycle, waitForRemoteChange } from './replicator';
import { backoffMs, SYNC_STATUS_OFF, type SyncStatus } from './status';

/*
 * Sync in the background (Chromium's service worker, Firefox's background page; never a content
 * script). Nothing is sent anywhere until the user turns sync on: with no account stored, this
 * makes no request at all.
 *
 * While on: a cycle runs at once on a local change (the change log's count, watched across the
 * extension's pages), and a long poll on the server's `_changes` brings other devices' changes
 * within a second or so. A failure waits with backoff; an alarm wakes a service worker that the
 * browser stopped, so waiting changes go out whenever it is back (they are in IndexedDB).
 */

export const SYNC_ALARM = 'kliping-sync';
/** Long poll length: under the 30 s after which an idle service worker may be stopped. */
const LONG_POLL_MS = 20_000;
/** Local writes come in bursts (keystrokes): one push for a burst, soon enough that the other device shows it within 2 s. */
const LOCAL_DEBOUNCE_MS = 150;

export class SyncService {
  private running = false;
  /** Bumped by halt(): a loop of an earlier generation ends at its next step. */
  private generation = 0;
  private wanted = false;
  private interrupt: (() => void) | null = null;
  private poll: AbortController | null = null;
  private watching: Subscription | null = null;
  private debounce: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly db: KlipingDb) {}

  /** On background start and on the alarm: resume if an account is stored. */
  async resume(): Promise<void> {
    if (!(await syncAccountItem.getValue())) return;
    await browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
    this.watchLocal();
    this.request();
  }

  /** Checks the server and the credentials; on success stores the account and starts. */
  async start(input: SyncAccount): Promise<{ ok: true } | { ok: false; error: SyncErrorCode }> {
    let account: SyncAccount;
    try {
      account = { ...input, server: serverOrigin(input.server), database: input.database.trim(), user: input.user.trim() };
      await new CouchClient(account).check();
    } catch (error) {
      return { ok: false, error: error instanceof SyncError ? error.code : 'unreachable' };
    }
    await this.halt();
    await startFresh(this.db);
    await syncAccountItem.setValue(account);
    await syncStatusItem.setValue({ ...SYNC_STATUS_OFF, on: true });
    await this.resume();
    return { ok: true };
  }

  /** Sync now (Settings): a cycle at once, backoff or not. */
  now(): void {
    this.request();
  }

  /** Stop syncing: credentials and what sync knew of the server go; the library stays. */
  async stop(): Promise<void> {
    await syncAccountItem.setValue(null);
    await this.halt();
    await browser.alarms.clear(SYNC_ALARM);
    await forgetSync(this.db);
    await syncStatusItem.setValue(SYNC_STATUS_OFF);
  }

  private async halt(): Promise<void> {
    this.watching?.unsubscribe();
    this.watching = null;
    this.generation++;
    this.wanted = false;
    this.poll?.abort();
    this.interrupt?.();
    while (this.running) await new Promise((done) => setTimeout(done, 20));
  }

  private watchLocal(): void {
    if (this.watching) return;
    this.watching = observe(
      () => waitingCount(this.db),
      {
        next: (waiting) => {
          if (waiting === 0) return;
          if (this.debounce) clearTimeout(this.debounce);
          this.debounce = setTimeout(() => this.request(), LOCAL_DEBOUNCE_MS);
        },
      },
    );
  }

  /** Asks for a cycle: starts the loop, or cuts its wait short. */
  private request(): void {
    this.wanted = true;
    this.poll?.abort();
    this.interrupt?.();
    if (!this.running) void this.loop();
  }

  private async setStatus(patch: Partial<SyncStatus>): Promise<void> {
    await syncStatusItem.setValue({ ...(await syncStatusItem.getValue()), on: true, ...patch });
  }

  private async loop(): Promise<void> {
    this.running = true;
    const generation = this.generation;
    let failures = 0;
    try {
      for (;;) {
        const account = await syncAccountItem.getValue();
        if (!account || generation !== this.generation) return;
        const client = new CouchClient(account);
        this.wanted = false;
        try {
          const { since } = await syncCycle(this.db, client);
          failures = 0;
          await this.setStatus({ lastSyncedAt: Date.now(), lastError: null, retryAt: null });
          if (this.wanted) continue;
          // Halted while the status was written: its abort found no poll to cut, so none may start.
          if (generation !== this.generation) return;
          this.poll = new AbortController();
          await waitForRemoteChange(client, since, LONG_POLL_MS, this.poll.signal).catch((error: unknown) => {
            if (!this.poll?.signal.aborted) throw error;
          });
        } catch (error) {
          if (!(await syncAccountItem.getValue()) || generation !== this.generation) return;
          failures++;
          const code: SyncErrorCode = error instanceof SyncError ? error.code : 'server-error';
          const wait = backoffMs(failures);
          await this.setStatus({ lastError: code, lastErrorAt: Date.now(), retryAt: Date.now() + wait });
          if (!(error instanceof SyncError)) console.error('Kliping sync:', error);
          if (this.wanted) continue;
          if (generation !== this.generation) return;
          await new Promise<void>((done) => {
            const timer = setTimeout(done, wait);
            this.interrupt = () => {
              clearTimeout(timer);
              done();
            };
          });
          this.interrupt = null;
        } finally {
          this.poll = null;
        }
      }
    } finally {
      this.running = false;
    }
  }
}
