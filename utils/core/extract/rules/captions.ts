/**
 * Captions and photo credits: kept in the article's HTML (readers want them under the picture),
 * left out of its plain text, which measures and indexes the prose itself; the benchmark's
 * article bodies leave them out the same way.
 */
export const captions = {
  selectors: [
    'figcaption',
    '[class*="caption" i]',
    '[class*="credit" i]',
    '[itemprop~="caption"]',
    '[itemprop~="copyrightHolder"]',
  ],
  /** Longer than this, a "caption" is a wrapper around prose (bad markup): its text stays. */
  maxLength: 600,
} as const;
