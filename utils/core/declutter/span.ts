/**
 * The article's stretch of the page and where an element sits against it: what the plan decides
 * with and what the page keeps for watching late additions (so the page needs none of the plan).
 */

export const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, without relying on a global Node
export const CONTAINED_BY = 16; // Node.DOCUMENT_POSITION_CONTAINED_BY

/** Where the article lies on the live page, in document order. */
export interface ArticleSpan {
  /** First element of the article: its title, or the first element Readability kept. */
  start: Element;
  /** Last element Readability kept; the article ends where this element ends. */
  end: Element;
  /** The title, byline and content elements plus every ancestor of them: never hidden. */
  spine: ReadonlySet<Element>;
  /** Live elements whose clone Readability kept in the article. */
  kept: ReadonlySet<Element>;
}

/** True when `a` comes before `b` and does not contain it. */
export function endsBefore(a: Element, b: Element): boolean {
  const position = a.compareDocumentPosition(b);
  return (position & FOLLOWING) !== 0 && (position & CONTAINED_BY) === 0;
}

/**
 * Where a non-spine element sits: outside the article, in its header (from the title to the
 * first kept element: byline, date, lead image) or in its body.
 */
export function placeOf(el: Element, span: ArticleSpan, firstKept?: Element): 'outside' | 'header' | 'body' {
  if (endsBefore(el, span.start) || endsBefore(span.end, el)) return 'outside';
  return endsBefore(el, firstKept ?? span.start) ? 'header' : 'body';
}

/** The smallest element holding the whole article: where in-article clutter is looked for. */
export function articleRoot(span: ArticleSpan): Element {
  let root: Element = span.start;
  while (!root.contains(span.end) && root.parentElement) root = root.parentElement;
  return root;
}
