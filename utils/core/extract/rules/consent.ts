import type { ClutterRule } from './types';

/** Cookie and consent notices that end up inside the article container. */
export const consent: ClutterRule = {
  name: 'consent',
  classWords: ['cookie', 'cookies', 'cookie-banner', 'cookie-notice', 'consent', 'gdpr'],
  shortTexts: {
    pattern: /^(?=.*\b(?:cookies?|kuki)\b)(?=.*\b(?:uses?|we use|accept|agree|menggunakan|setuju|experience|pengalaman)\b).*$/i,
    maxLength: 300,
  },
};
