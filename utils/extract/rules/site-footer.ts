import type { ClutterRule } from './types';

/** The site's footer and copyright block, when Readability lets it into the article. */
export const siteFooter: ClutterRule = {
  name: 'site-footer',
  classWords: ['copyright', 'site-footer', 'page-footer', 'colophon', 'hak-cipta'],
  shortTexts: { pattern: /^(?:©|\(c\)|copyright\b|hak cipta\b).{0,200}(?:all rights reserved|hak cipta dilindungi)/i, maxLength: 240 },
};
