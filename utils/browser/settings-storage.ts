import { storage } from 'wxt/utils/storage';
import { DEFAULT_IMAGE_PREFS, type ImagePrefs } from '../core/images/prefs';
import { DEFAULT_READER_PREFS, normalizePrefs, type ReaderPrefs } from '../core/reader/prefs';
import type { SitePref } from '../core/site-prefs';
import type { SyncAccount } from './sync/couch';
import { SYNC_STATUS_OFF, type SyncStatus } from './sync/status';

/*
 * Every setting Kliping keeps in extension storage, in one place: what each is, where it lives
 * (`local:` stays on this machine, `sync:` follows the browser profile) and how a read is guarded.
 * The shapes and their pure rules live beside the code that uses them, in utils/core/.
 */

/** Synced across the user's browsers; `normalizePrefs` guards every read. */
export const readerPrefsItem = storage.defineItem<ReaderPrefs>('sync:readerPrefs', {
  version: 1,
  fallback: DEFAULT_READER_PREFS,
});

export async function loadReaderPrefs(): Promise<ReaderPrefs> {
  return normalizePrefs(await readerPrefsItem.getValue());
}

export async function saveReaderPrefs(prefs: ReaderPrefs): Promise<void> {
  await readerPrefsItem.setValue(normalizePrefs(prefs));
}

export const imagePrefs = storage.defineItem<ImagePrefs>('local:imagePrefs', { fallback: DEFAULT_IMAGE_PREFS, version: 1 });

/** The stored prefs with any field a later version added filled from the defaults. */
export async function loadImagePrefs(): Promise<ImagePrefs> {
  return { ...DEFAULT_IMAGE_PREFS, ...(await imagePrefs.getValue()) };
}

/**
 * The host access "Keep images offline" asks for: pictures live on any site and its CDNs. The
 * e2e build asks only for the 127.0.0.1 access it already holds, so tests meet no prompt.
 */
export const KEEP_IMAGES_ORIGINS: string[] = import.meta.env.MODE === 'e2e' ? ['http://127.0.0.1/*'] : ['*://*/*'];

/** The user's per-site choices. The background keeps registered content scripts in line with it. */
export const sitePrefs = storage.defineItem<SitePref[]>('local:sitePrefs', { fallback: [], version: 1 });

/**
 * A choice being granted: written before the permission prompt, because a popup may close while
 * the prompt is open and never learn the answer; the background finishes the job on
 * `permissions.onAdded`.
 */
export const pendingSitePref = storage.defineItem<SitePref | null>('local:pendingSitePref', { fallback: null, version: 1 });

/**
 * The CouchDB server the library syncs through, with the user's password: in `local:` storage
 * only (never `sync:`, never in synced documents or logs). Null until the user turns sync on.
 */
export const syncAccountItem = storage.defineItem<SyncAccount | null>('local:syncAccount', { fallback: null, version: 1 });

/** What Settings shows of sync: written by the background's replicator. */
export const syncStatusItem = storage.defineItem<SyncStatus>('local:syncStatus', { fallback: SYNC_STATUS_OFF, version: 1 });
