import { findClutter } from '../extract/clutter';
import { CLUTTER_RULES } from '../extract/rules';
import { comparableVisibleText, hideAround, SKIP_TAGS, type ArticlePiece } from './visible';

/**
 * "Declutter never hides the article": the text the extraction pipeline would give the reader,
 * tied to the live elements that hold it, and the checks that keep it visible. The planner's
 * heuristics decide what looks like clutter; these functions only ever take elements off that
 * list, so a failed check hides less, never more.
 */

/**
 * The article's text pieces: every text node of Readability's content that the extraction's
 * clutter rules leave in (so in-article "Baca juga:" boxes may still be hidden), each tied to the
 * live element holding it: the parent of its live twin (Readability moves text nodes into
 * elements it creates, a `<br><br>` run becomes `<p>`s, but keeps the nodes), or for text it
 * wrote anew, the nearest element that came from the page.
 */
export function articlePieces(
  content: Element,
  liveOf: (cloneEl: Element) => Element | null,
  liveHolder: (cloneText: Node) => Element | null = () => null,
): ArticlePiece[] {
  const clutter = new Set(findClutter(content, CLUTTER_RULES).map(({ el }) => el));
  const pieces: ArticlePiece[] = [];
  const stack: { node: Node; live: Element | null }[] = [{ node: content, live: liveOf(content) }];
  while (stack.length) {
    const { node, live } = stack.pop()!;
    if (node.nodeType === 3) {
      const text = comparableVisibleText(node.nodeValue ?? '');
      // The live twin's parent when the text node is the page's own; else the nearest mapped element.
      const holder = text ? (liveHolder(node) ?? live) : null;
      if (!text || !holder) continue;
      const last = pieces[pieces.length - 1];
      if (last && last.el === holder) last.text += ` ${text}`;
      else pieces.push({ el: holder, text });
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (SKIP_TAGS.has(el.tagName) || clutter.has(el)) continue;
    const own = liveOf(el) ?? live;
    // Children go on the stack last-first, so they come off in document order.
    for (let child = el.lastChild; child; child = child.previousSibling) stack.push({ node: child, live: own });
  }
  return pieces;
}

/** The elements that hold article text, and every ancestor of them: what may never be hidden. */
export function heldSet(holders: Iterable<Element>): Set<Element> {
  const held = new Set<Element>();
  for (const el of holders) {
    for (let up: Element | null = el; up && !held.has(up); up = up.parentElement) held.add(up);
  }
  return held;
}

/**
 * The plan checked against the article before anything is hidden: each element to hide that
 * holds article text is replaced by its parts that hold none. `heldBack` counts the elements the
 * plan got wrong.
 */
export function guardPlan(hide: readonly Element[], held: ReadonlySet<Element>): { hide: Element[]; heldBack: number } {
  const safe: Element[] = [];
  let heldBack = 0;
  for (const el of hide) {
    if (!held.has(el)) {
      safe.push(el);
      continue;
    }
    heldBack += 1;
    hideAround(el, held, safe);
  }
  return { hide: safe, heldBack };
}

export { comparableVisibleText, hideAround, missingPieces, visibleTextWithout, type ArticlePiece } from './visible';
