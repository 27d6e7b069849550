import type { SyncErrorCode } from './couch';

/** What Settings shows of sync (the waiting count it reads from the library itself). */
export interface SyncStatus {
  /** The replicator is running for an account. */
  on: boolean;
  /** Epoch ms of the last cycle that completed both ways; null: never. */
  lastSyncedAt: number | null;
  /** The last cycle's failure, in a code Settings says in plain words; null once a cycle succeeds. */
  lastError: SyncErrorCode | null;
  lastErrorAt: number | null;
  /** When the next try after a failure is due (backoff). */
  retryAt: number | null;
}

export const SYNC_STATUS_OFF: SyncStatus = { on: false, lastSyncedAt: null, lastError: null, lastErrorAt: null, retryAt: null };

/** Waits after the n-th failure in a row: 2 s, 4 s, 8 s… up to 5 minutes. */
export function backoffMs(failures: number): number {
  return Math.min(300_000, 2_000 * 2 ** Math.max(0, failures - 1));
}
