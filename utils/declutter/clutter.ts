import { AD_LABEL, CLUTTER_SELECTORS, PHRASE_BLOCKS, PROMO_LEAD, PROMO_MAX_CHARS, PROSE_GUARD_CHARS } from './clutter-rules';

/** Text of an element outside its links: the prose a reader would lose if it were hidden. */
function proseLength(el: Element): number {
  let total = 0;
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) total += (child.nodeValue ?? '').trim().length;
      else if (child.nodeType === 1 && (child as Element).tagName !== 'A') walk(child);
    }
  };
  walk(el);
  return total;
}

function textOf(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Clutter inside `root`, outermost first and never nested. Pure: reads the DOM, changes nothing.
 */
export function findClutter(root: ParentNode): Element[] {
  const found = new Set<Element>();
  for (const el of root.querySelectorAll(CLUTTER_SELECTORS)) {
    if (proseLength(el) <= PROSE_GUARD_CHARS) found.add(el);
  }
  for (const el of root.querySelectorAll(PHRASE_BLOCKS)) {
    const hit = phraseClutter(el);
    if (hit) found.add(hit);
  }
  return outermost(found);
}

/** Whether one element, by itself, is clutter (used on elements a page adds later). */
export function isClutter(el: Element): boolean {
  if (el.matches(CLUTTER_SELECTORS) && proseLength(el) <= PROSE_GUARD_CHARS) return true;
  return el.matches(PHRASE_BLOCKS) && phraseClutter(el) !== null;
}

function phraseClutter(el: Element): Element | null {
  const text = textOf(el);
  if (!text || text.length > PROMO_MAX_CHARS) return null;
  if (AD_LABEL.test(text)) return el;
  if (PROMO_LEAD.test(text) && el.querySelector('a')) return promoBlock(el);
  return null;
}

/**
 * "Baca juga:" is often a <strong> inside the <p> that holds the link: hide the whole line, not
 * just the label.
 */
function promoBlock(el: Element): Element {
  let block = el;
  while (block.parentElement && /^(STRONG|B|SPAN|EM)$/.test(block.tagName) && textOf(block.parentElement).length <= PROMO_MAX_CHARS) {
    block = block.parentElement;
  }
  return block;
}

function outermost(elements: Set<Element>): Element[] {
  return [...elements].filter((el) => {
    for (let up = el.parentElement; up; up = up.parentElement) if (elements.has(up)) return false;
    return true;
  });
}
