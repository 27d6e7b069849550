import type { ClutterRule } from './types';

/** Share bars and social buttons. */
export const share: ClutterRule = {
  name: 'share',
  classWords: ['share', 'shares', 'sharing', 'sharebar', 'share-bar', 'sharethis', 'addthis', 'social-share', 'social-links', 'social-buttons', 'socialbar', 'bagikan'],
  classPatterns: [/^share/i, /share-?(?:bar|buttons?|tools?|links?|box)$/i, /^social/i],
  labels: /^(?:share(?: this(?: article| story| post)?)?|bagikan(?: artikel| berita)?|share on (?:facebook|twitter|x|whatsapp|linkedin)|copy link|salin tautan|tweet|email|print|cetak)(?:\s*[:|·]?\s*(?:facebook|twitter|x|whatsapp|linkedin|telegram|line|email|copy link|salin tautan))*$/i,
};
