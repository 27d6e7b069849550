import type { ClutterRule } from './types';

/** Font-size and print toolbars: reader view has its own. */
export const textSize: ClutterRule = {
  name: 'text-size',
  classWords: ['fontsize', 'text-size', 'textsize', 'font-resize', 'resize-text', 'font-tools', 'article-tools', 'ukuran-huruf'],
  // "font-size" only as the toolbar's own name: WordPress marks paragraphs `has-medium-font-size`.
  classPatterns: [/^font-?sizes?(?:-(?:tools?|controls?|toggle|switcher|buttons?|changer|picker|widget))?$/i, /-font-?size-(?:tools?|controls?|toggle|switcher|buttons?|changer|picker|widget)$/i],
  labels: /^(?:(?:ukuran (?:teks|huruf)|text size|font size)\s*:?\s*)?(?:a\s*[-+−]?\s*){2,4}$|^(?:ukuran (?:teks|huruf)|text size|font size)$/i,
};
