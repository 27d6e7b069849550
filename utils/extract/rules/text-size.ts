import type { ClutterRule } from './types';

/** Font-size and print toolbars: reader view has its own. */
export const textSize: ClutterRule = {
  name: 'text-size',
  classWords: ['font-size', 'fontsize', 'text-size', 'textsize', 'font-resize', 'resize-text', 'font-tools', 'article-tools', 'ukuran-huruf'],
  labels: /^(?:(?:ukuran (?:teks|huruf)|text size|font size)\s*:?\s*)?(?:a\s*[-+−]?\s*){2,4}$|^(?:ukuran (?:teks|huruf)|text size|font size)$/i,
};
