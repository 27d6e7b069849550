import { browser } from 'wxt/browser';
import { backgroundMessenger } from '../messaging';
import { requestOrigins } from '../permissions';
import { loadImagePrefs, syncAccountItem, syncStatusItem } from '../settings-storage';
import { originPattern, serverOrigin, SyncError, type SyncAccount, type SyncErrorCode } from './couch';
import type { SyncStatus } from './status';

/*
 * What Settings calls to run sync; the work itself is the background's (service.ts). The one
 * server's host permission is asked here, first thing in the click (browsers grant permissions
 * to a user gesture only), and given back on stop.
 */

export type StartOutcome = { ok: true } | { ok: false; error: SyncErrorCode };

/** Call straight from the click. */
export function startSync(account: SyncAccount): Promise<StartOutcome> {
  let pattern: string;
  try {
    pattern = originPattern(serverOrigin(account.server));
  } catch (error) {
    return Promise.resolve({ ok: false, error: error instanceof SyncError ? error.code : 'not-couchdb' });
  }
  return requestOrigins([pattern]).then(
    (granted) => (granted ? backgroundMessenger.sendMessage('syncStart', account) : { ok: false as const, error: 'permission' as const }),
    () => ({ ok: false as const, error: 'permission' as const }),
  );
}

export function syncNow(): Promise<void> {
  return backgroundMessenger.sendMessage('syncNow', undefined);
}

export async function stopSync(): Promise<void> {
  const account = await syncAccountItem.getValue();
  await backgroundMessenger.sendMessage('syncStop', undefined);
  if (!account) return;
  // "Keep images offline" holds access to every site, this server's included: that stays.
  if ((await loadImagePrefs()).keep) return;
  // A permission the manifest itself holds (the e2e build's 127.0.0.1) cannot be given back.
  await browser.permissions.remove({ origins: [originPattern(account.server)] }).catch(() => false);
}

/** The account shown (its password never leaves storage.local for the page's form). */
export async function syncedAccount(): Promise<Omit<SyncAccount, 'password'> | null> {
  const account = await syncAccountItem.getValue();
  return account ? { server: account.server, database: account.database, user: account.user } : null;
}

export function watchSync(onChange: (status: SyncStatus, account: Omit<SyncAccount, 'password'> | null) => void): () => void {
  const emit = () => void Promise.all([syncStatusItem.getValue(), syncedAccount()]).then(([status, account]) => onChange(status, account));
  emit();
  const unwatchStatus = syncStatusItem.watch(emit);
  const unwatchAccount = syncAccountItem.watch(emit);
  return () => {
    unwatchStatus();
    unwatchAccount();
  };
}
