import type { TextPositionSelector, TextQuoteSelector } from '../records';
import { collapseSpace } from '../text';

/*
 * W3C-style anchoring on a saved copy's body. Offsets count UTF-16 code units of the body's
 * text nodes in document order (what `root.textContent` yields), so they do not depend on marks
 * wrapped around highlights later.
 */

/** How much context a TextQuoteSelector carries either side (the W3C spec suggests ~32). */
const CONTEXT_CHARS = 32;

export interface Selectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** Offset of a boundary point (container, offset) in the text of `root`. */
function textOffset(root: Node, container: Node, offset: number): number {
  const range = root.ownerDocument!.createRange();
  range.setStart(root, 0);
  range.setEnd(container, offset);
  return range.toString().length;
}

/** Selectors for a selection inside `root`, or null when it is empty or outside. */
export function describeRange(root: Element, range: Range): Selectors | null {
  if (!root.contains(range.commonAncestorContainer)) return null;
  const start = textOffset(root, range.startContainer, range.startOffset);
  const end = textOffset(root, range.endContainer, range.endOffset);
  const text = root.textContent ?? '';
  if (!text.slice(start, end).trim()) return null;
  return selectorsAt(text, start, end);
}

/** Selectors for the first occurrence of `exact` in `text` (an imported highlight), or null when it is not there. */
export function quoteSelectorIn(text: string, exact: string): Selectors | null {
  const start = text.indexOf(exact);
  return start < 0 ? null : selectorsAt(text, start, start + exact.length);
}

/** The quote (with its context either side) and the position of `text.slice(start, end)`. */
function selectorsAt(text: string, start: number, end: number): Selectors {
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
      suffix: text.slice(end, end + CONTEXT_CHARS),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/** How many characters two strings share at their end (prefix side) or start (suffix side). */
function commonTail(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
function commonHead(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

export type Anchor = { start: number; end: number; by: 'quote' | 'position' };

const squash = (text: string) => collapseSpace(text).toLocaleLowerCase();

/**
 * Finds a highlight again in `text`: the quote where its context matches best (ties broken by
 * closeness to the remembered position); failing that, the remembered position if the text there
 * still reads the same but for spacing and case. Null when it cannot be found: the caller lists it.
 */
export function anchor(text: string, selectors: Selectors): Anchor | null {
  const { exact, prefix, suffix } = selectors.quote;
  const { start: hint } = selectors.position;
  if (!exact) return null;
  let best: { start: number; score: number; distance: number } | null = null;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const score = commonTail(text.slice(Math.max(0, at - prefix.length), at), prefix) + commonHead(text.slice(at + exact.length, at + exact.length + suffix.length), suffix);
    const distance = Math.abs(at - hint);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { start: at, score, distance };
  }
  const { start, end } = selectors.position;
  const positionReadsSame = start >= 0 && end <= text.length && start < end && squash(text.slice(start, end)) === squash(exact);
  // A copy of the quote whose context barely agrees is weaker evidence than the same words
  // still at the remembered place.
  const contextAgrees = best !== null && best.score >= Math.min(8, prefix.length + suffix.length);
  if (best && (contextAgrees || !positionReadsSame)) return { start: best.start, end: best.start + exact.length, by: 'quote' };
  if (positionReadsSame) return { start, end, by: 'position' };
  return null;
}

/** The text nodes covering [start, end) of `root`'s text, with the part of each that is covered. */
function textSegments(root: Element, start: number, end: number): { node: Text; from: number; to: number }[] {
  const segments: { node: Text; from: number; to: number }[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let offset = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const length = node.data.length;
    const from = Math.max(start - offset, 0);
    const to = Math.min(end - offset, length);
    if (from < to) segments.push({ node, from, to });
    offset += length;
    if (offset >= end) break;
  }
  return segments;
}

const MARK_ATTRIBUTE = 'data-highlight-id';

/**
 * Wraps [start, end) of `root`'s text in `<mark>` elements (one per text node it spans). Text is
 * only split, never changed, so offsets stay valid for the other highlights.
 */
export function paintHighlight(root: Element, id: string, start: number, end: number, color = 'yellow'): HTMLElement[] {
  const marks: HTMLElement[] = [];
  for (const { node, from, to } of textSegments(root, start, end)) {
    let target = node;
    if (from > 0) target = target.splitText(from);
    if (to - from < target.data.length) target.splitText(to - from);
    const mark = root.ownerDocument.createElement('mark');
    mark.className = `highlight highlight--${color}`;
    mark.setAttribute(MARK_ATTRIBUTE, id);
    target.parentNode!.insertBefore(mark, target);
    mark.appendChild(target);
    marks.push(mark);
  }
  return marks;
}

/** Removes every highlight mark, merging the text back as it was. */
export function clearHighlights(root: Element): void {
  for (const mark of Array.from(root.querySelectorAll(`mark[${MARK_ATTRIBUTE}]`))) {
    const parent = mark.parentNode!;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parent.normalize();
  }
}
