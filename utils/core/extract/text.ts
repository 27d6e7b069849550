import { collapseSpace } from '../text';

/** Elements that start a new line when a page is read as text. */
export const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * A text filter, not a clutter rule: captions and photo credits stay in the article's HTML
 * (readers want them under the picture) but are left out of its plain text, which measures and
 * indexes the prose itself; glued to the paragraphs, their labels would read as article text. The
 * benchmark's article bodies leave them out the same way.
 */
export const CAPTION_TEXT_FILTER = {
  selectors: ['figcaption', '[class*="caption" i]', '[class*="credit" i]', '[itemprop~="caption"]', '[itemprop~="copyrightHolder"]'],
  /** Longer than this, a "caption" is a wrapper around prose (bad markup): its text stays. */
  maxLength: 600,
} as const;

/** The captions and credits in `root`: what `blockText` is told to skip for an article's plain text. */
export function captionsIn(root: ParentNode): Set<Element> {
  return new Set(
    Array.from(root.querySelectorAll(CAPTION_TEXT_FILTER.selectors.join(','))).filter((el) => (el.textContent ?? '').length <= CAPTION_TEXT_FILTER.maxLength),
  );
}

export interface BlockTextOptions {
  /** Elements whose text is left out (with everything inside them). */
  skip?: ReadonlySet<Element>;
}

/**
 * Plain text with a line break around every block, so words of neighbouring blocks never glue
 * together the way `textContent` glues them ("...NYJuly 2").
 */
export function blockText(root: Node, { skip }: BlockTextOptions = {}): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = (node as Element).tagName;
    if (tag && SKIP_TAGS.has(tag)) return;
    if (skip?.has(node as Element)) return;
    const block = tag ? BLOCK_TAGS.has(tag) : false;
    if (block) parts.push('\n');
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (block) parts.push('\n');
  };
  walk(root);
  return parts
    .join('')
    .split('\n')
    .map(collapseSpace)
    .filter(Boolean)
    .join('\n');
}

const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

let segmenter: Intl.Segmenter | null | undefined;
/** The runtime's word segmenter (dictionary-based for Chinese and Japanese), when it has one. */
function wordSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'word' }) : null;
  return segmenter;
}

/**
 * Words as a reader counts them: runs of letters or digits in any script. Chinese and Japanese
 * put no spaces between words, so their runs are split by the runtime's word segmenter, or, where
 * it has none, counted at about two characters a word.
 */
export function countWords(text: string): number {
  let cjkWords = 0;
  const rest = text.replace(CJK_RUN, (run) => {
    const seg = wordSegmenter();
    if (seg) {
      for (const part of seg.segment(run)) if (part.isWordLike) cjkWords += 1;
    } else cjkWords += Math.ceil(run.length / 2);
    return ' ';
  });
  return cjkWords + (rest.match(WORD)?.length ?? 0);
}
