/**
 * In-article clutter: promos, ads, share bars and widgets that sit between the paragraphs.
 * Interim rules until utils/extract's `findClutter` lands (issue 3); same shape, so the swap is
 * one import.
 */

/** Containers that are clutter by their name. Matched on the element itself, case-insensitively. */
export const CLUTTER_SELECTORS = [
  // ads and ad slots
  'ins.adsbygoogle',
  '[id^="div-gpt-ad"]',
  '[id*="google_ads" i]',
  '[data-ad-slot]',
  '[data-ad]',
  '[class~="ad"]',
  '[class~="ads"]',
  '[class*="advert" i]',
  '[id*="advert" i]',
  '[class*="ad-slot" i]',
  '[class*="adslot" i]',
  '[class*="ad-container" i]',
  '[class*="ads-" i]',
  '[class*="iklan" i]',
  '[class*="sponsor" i]',
  'iframe[src*="doubleclick" i]',
  'iframe[src*="googlesyndication" i]',
  // share bars
  '[class*="share" i]',
  '[class*="social" i]',
  '[class*="sosmed" i]',
  // in-article promos of other articles
  '[class*="baca-juga" i]',
  '[class*="bacajuga" i]',
  '[class*="related" i]',
  '[class*="terkait" i]',
  '[class*="read-more" i]',
  '[class*="readmore" i]',
  '[class*="recommend" i]',
  '[class*="rekomendasi" i]',
  '[class*="popular" i]',
  '[class*="populer" i]',
  // newsletter / app promos and comments
  '[class*="newsletter" i]',
  '[class*="subscribe" i]',
  '[class*="download-app" i]',
  '[class*="open-app" i]',
  '#comments',
  '[class*="comment" i]',
].join(',');

/** Blocks that announce another article ("Baca juga: …"). Tested against the block's text start. */
export const PROMO_LEAD = /^\s*(baca juga|baca pula|simak juga|lihat juga|cek juga|read more|read also|also read|related|see also|more on this)\s*:?/i;

/** Lone labels the site prints over ads. Tested against the whole text of a short block. */
export const AD_LABEL = /^\s*(advertisement|advertisements|iklan|ads|ad|sponsored|konten bersponsor|scroll to continue with content|lanjutkan membaca di bawah ini)\s*$/i;

/** Blocks the phrase rules look at: one line each. */
export const PHRASE_BLOCKS = 'p, div, li, section, aside, span, strong, h2, h3, h4, h5, h6';

/** A promo block is short; a real paragraph that happens to start with "Related" is not one. */
export const PROMO_MAX_CHARS = 300;

/**
 * A container whose own prose is longer than this is content, whatever its class says (sites
 * name article wrappers "share-enabled", "has-comments", ...).
 */
export const PROSE_GUARD_CHARS = 200;
