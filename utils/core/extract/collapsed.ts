import { elementsByTag, firstElement } from '../dom';

/**
 * Collapsed panels: the answer of an FAQ, a guide's "What to know", a review's collapsible
 * sections, hidden until the reader presses the control above them (WAI-ARIA Authoring
 * Practices' Accordion and Disclosure patterns: a control with `aria-expanded="false"`, naming
 * its panel with `aria-controls` or standing just before it). The page hides the panel with
 * `hidden`, `aria-hidden="true"` or an inline `display: none`, and Readability drops every such
 * element as invisible: the reader and the saved copy kept an FAQ's questions without their
 * answers. Opened on the clone before Readability reads it, such a panel is scored as the rest
 * of the page is; on the live page it stays as it was (Declutter only ever hides).
 *
 * Panels hidden by a stylesheet's class need nothing: Readability reads inline styles only.
 */

/** A control that says it is collapsed. */
const COLLAPSED = 'false';

/** A heading or wrapper around the control: the accordion's header, a line of text, not a block of content. */
const MAX_HEADER_CHARS = 300;

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  // Read as a declaration only where there is one: a style object per element is dear in jsdom.
  if (!el.hasAttribute('style')) return false;
  const style = (el as HTMLElement).style;
  return style?.display === 'none' || style?.visibility === 'hidden';
}

/** A control that opens something: it says whether it is expanded, or is a button. */
function isToggle(el: Element): boolean {
  return el.hasAttribute('aria-expanded') || el.localName === 'button' || el.getAttribute('role') === 'button';
}

function isCollapsedControl(el: Element): boolean {
  return el.getAttribute('aria-expanded') === COLLAPSED;
}

/** The element before the panel is its collapsed control, or a short header holding one. */
function followsCollapsedControl(panel: Element): boolean {
  const header = panel.previousElementSibling;
  if (!header) return false;
  if (isCollapsedControl(header)) return true;
  if ((header.textContent ?? '').length > MAX_HEADER_CHARS) return false;
  return firstElement(header, isCollapsedControl) !== null;
}

function reveal(panel: Element): void {
  panel.removeAttribute('hidden');
  panel.removeAttribute('aria-hidden');
  const style = (panel as HTMLElement).style;
  if (style?.display === 'none') style.removeProperty('display');
  if (style?.visibility === 'hidden') style.removeProperty('visibility');
}

/**
 * Opens, on a clone, the hidden panels that a control names (`aria-controls`, on the panel or on
 * the one box inside it that carries the id) or that follow a collapsed control. Returns how many.
 */
export function openCollapsedPanels(doc: Document): number {
  const body = doc.body;
  if (!body) return 0;
  const controlled = new Set<string>();
  const hidden: Element[] = [];
  for (const el of elementsByTag(body, '*')) {
    const controls = el.getAttribute('aria-controls');
    if (controls && isToggle(el)) for (const id of controls.split(/\s+/)) if (id) controlled.add(id);
    if (isHidden(el)) hidden.push(el);
  }
  const named = (el: Element | null | undefined) => !!el?.id && controlled.has(el.id);
  let opened = 0;
  for (const panel of hidden) {
    if (!named(panel) && !named(panel.firstElementChild) && !followsCollapsedControl(panel)) continue;
    reveal(panel);
    opened += 1;
  }
  return opened;
}
