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

/** Tracking pixels (a side of 1–2 px) and icons under this many pixels are not kept. */
export const TINY_IMAGE_PIXELS = 48 * 48;
