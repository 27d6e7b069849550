import { elementsByTag } from '../dom';
import { collapseSpace } from '../text';

/** A paragraph shorter than this is a label or a caption, not prose. */
const MIN_PARAGRAPH = 40;
/** A paragraph that is mostly link text is a teaser or a menu, not prose. */
const MAX_LINK_SHARE = 0.3;

/** Readers' comments are prose, but not the article's: a comment thread must not set the bar. */
const COMMENT_SECTION = /(?:^|[\s_-])(?:comments?|commentlist|comment-list|disqus(?:_thread)?|replies)(?:$|[\s_-])/i;

function inComments(el: Element): boolean {
  for (let node = el.parentElement; node; node = node.parentElement) {
    if (COMMENT_SECTION.test(`${node.getAttribute('class') ?? ''} ${node.getAttribute('id') ?? ''}`)) return true;
  }
  return false;
}

/**
 * How many characters of prose the page holds in its paragraphs: the yardstick for whether
 * Readability's pick is the article or a piece of it (a product guide's intro without its
 * products, a piece of a long article split into boxes). Comment threads do not count.
 */
export function proseLength(doc: Document): number {
  let total = 0;
  for (const p of elementsByTag(doc.body ?? doc.documentElement, 'p')) {
    const length = paragraphProse(p);
    if (length && !inComments(p)) total += length;
  }
  return total;
}

/** A paragraph's characters when it is prose (long enough, not mostly links), else 0. */
export function paragraphProse(p: Element): number {
  const length = collapseSpace(p.textContent ?? '').length;
  if (length < MIN_PARAGRAPH) return 0;
  let links = 0;
  for (const a of elementsByTag(p, 'a')) links += collapseSpace(a.textContent ?? '').length;
  return links <= length * MAX_LINK_SHARE ? length : 0;
}
