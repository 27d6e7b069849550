import { collapseSpace } from '../text';
import { INVISIBLE_TAGS, NEVER_HIDDEN_TAGS } from './rules';

/**
 * The page's half of "declutter never hides the article" (see invariant.ts): the checks that run
 * on the live page after hiding. Kept apart from the planner's half so the content script
 * carries none of the extraction's rules.
 */

/** One run of article text and the live element it sits in. */
export interface ArticlePiece {
  el: Element;
  /** Its text as compared (see `comparableVisibleText`). */
  text: string;
}

export const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** Case, whitespace, soft hyphens and zero-width marks folded: how text is compared to `innerText`. */
export function comparableVisibleText(text: string): string {
  return collapseSpace(text.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')).toLowerCase();
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
