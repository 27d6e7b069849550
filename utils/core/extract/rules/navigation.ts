import type { ClutterRule } from './types';

/** Site menus, breadcrumbs and "skip to content" links that Readability lets through. */
export const navigation: ClutterRule = {
  name: 'navigation',
  selectors: ['nav', '[role="navigation"]', '[role="menu"]', '[role="menubar"]'],
  classWords: ['breadcrumb', 'breadcrumbs', 'navbar', 'nav', 'navigation', 'menu', 'skip-link', 'skip-links', 'pagination'],
  labels: /^(?:home|beranda|privacy policy|kebijakan privasi|terms of (?:use|service)|cookie policy|skip to (?:main )?content|skip navigation|lewati ke konten|back to top|kembali ke atas)$/i,
  linkLists: { minItems: 3, maxItemLength: 30 },
};
