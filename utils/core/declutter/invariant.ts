import { collapseSpace } from '../text';
import { findClutter } from '../extract/clutter';
import { CLUTTER_RULES } from '../extract/rules';
import { INVISIBLE_TAGS, NEVER_HIDDEN_TAGS } from './rules';

/**
 * "Declutter never hides the article": the text the extraction pipeline would give the reader,
 * tied to the live elements that hold it, and the checks that keep it visible. The planner's
 * heuristics decide what looks like clutter; these functions only ever take elements off that
 * list, so a failed check hides less, never more.
 */

/** One run of article text and the live element it sits in. */
export interface ArticlePiece {
  el: Element;
  /** Its text as compared (see `comparableVisibleText`). */
  text: string;
}

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** Case, whitespace, soft hyphens and zero-width marks folded: how text is compared to `innerText`. */
export function comparableVisibleText(text: string): string {
  return collapseSpace(text.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')).toLowerCase();
}

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
 * An element that holds article text cannot be hidden whole: in its place, its children that
 * hold none are (a `<br>` never: hiding it glues two lines of the article together).
 */
export function hideAround(el: Element, held: ReadonlySet<Element>, out: Element[]): void {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (INVISIBLE_TAGS.has(child.tagName) || NEVER_HIDDEN_TAGS.has(child.tagName)) continue;
    if (held.has(child)) hideAround(child, held, out);
    else out.push(child);
  }
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

/**
 * After hiding: the pieces of article text that are not in the visible text, and for each, the
 * hidden element that took it (null when the page itself hides that text, which declutter did
 * not cause and cannot undo).
 */
export function missingPieces(pieces: readonly ArticlePiece[], visibleText: string, hiddenSelector: string): { piece: ArticlePiece; culprit: Element | null }[] {
  const visible = comparableVisibleText(visibleText);
  const missing: { piece: ArticlePiece; culprit: Element | null }[] = [];
  for (const piece of pieces) {
    if (visible.includes(piece.text)) continue;
    missing.push({ piece, culprit: piece.el.closest(hiddenSelector) ?? hiddenPartOf(piece, hiddenSelector) });
  }
  return missing;
}

/** A hidden element inside the piece's holder that holds some of the piece's text. */
function hiddenPartOf(piece: ArticlePiece, hiddenSelector: string): Element | null {
  for (const el of piece.el.querySelectorAll(hiddenSelector)) {
    const text = comparableVisibleText(el.textContent ?? '');
    if (text && (piece.text.includes(text) || text.includes(piece.text))) return el;
  }
  return null;
}

/**
 * Visible text without layout (tests, the CLI): the text outside hidden subtrees. In a browser
 * `innerText` is the real answer, and the controller passes it in.
 */
export function visibleTextWithout(root: Element, hiddenAttr: string): string {
  const parts: string[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (el.hasAttribute(hiddenAttr) || SKIP_TAGS.has(el.tagName)) continue;
    parts.push(' ');
    for (let child = el.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  return parts.join('');
}
