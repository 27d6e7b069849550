import { storage } from 'wxt/utils/storage';

/**
 * "Keep images offline" and its caps. Off until the user turns it on in Settings, which asks
 * then for the host access fetching pictures from other sites needs.
 */
export interface ImagePrefs {
  keep: boolean;
  /** A bigger picture is not kept (its saved copy says so). */
  perImageBytes: number;
  /** Pictures past this, in reading order, are not kept for that article. */
  perArticleBytes: number;
  /** No new picture is kept once all kept pictures take this much. */
  totalBytes: number;
}

// Decimal megabytes, as the UI shows sizes (utils/format.ts formatBytes).
const MB = 1_000_000;

export const DEFAULT_IMAGE_PREFS: ImagePrefs = { keep: false, perImageBytes: 5 * MB, perArticleBytes: 25 * MB, totalBytes: 2000 * MB };

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

/** Tracking pixels (a side of 1–2 px) and icons under this many pixels are not kept. */
export const TINY_IMAGE_PIXELS = 48 * 48;
