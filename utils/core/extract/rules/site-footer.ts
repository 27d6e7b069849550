import type { ClutterRule } from './types';

/** The site's footer and copyright block, when Readability lets it into the article. */
export const siteFooter: ClutterRule = {
  name: 'site-footer',
  classWords: ['copyright', 'site-footer', 'page-footer', 'colophon', 'hak-cipta'],
  // "COPYRIGHT ©" or "© 2024" alone on a line: the footer's first word, left behind.
  labels: /^(?:(?:copyright|hak cipta)\s*(?:©|\(c\))?|©(?:\s*copyright)?)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\.?$/i,
  shortTexts: { pattern: /^(?:©|\(c\)|copyright\b|hak cipta\b).{0,200}(?:all rights reserved|hak cipta dilindungi)/i, maxLength: 240 },
};
