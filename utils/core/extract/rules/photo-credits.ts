import type { ClutterRule } from './types';

/**
 * Photo credits printed as their own line. A caption (`figcaption`) is never matched as a whole:
 * readers want captions; only a credit element inside or beside one goes.
 */
export const photoCredits: ClutterRule = {
  name: 'photo-credits',
  classWords: ['credit', 'credits', 'photo-credit', 'image-credit', 'img-credit', 'media-credit', 'caption-credit', 'wp-caption-credit'],
  shortTexts: {
    pattern: /^[([]?(?:photo|foto|image|gambar|ilustrasi|illustration|credit|kredit|source|sumber)\s*(?:by|oleh)?\s*:\s*[^!?]{1,80}[)\]]?$|^[([]?(?:photo|foto) by [^!?]{1,80}[)\]]?$|^[([]?(?:©|\(c\)|copyright)\s*[^!?]{1,80}[)\]]?$/i,
    maxLength: 100,
  },
};
