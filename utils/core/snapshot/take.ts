import { HEAD_ATTR, NOSCRIPT_TEXT_ATTR, NUMBER_ATTR, type PageSnapshot } from './types';

/** `<!DOCTYPE …>` as the page wrote it: without one the copy would parse in quirks mode. */
function doctypeOf(doc: Document): string {
  return doc.doctype ? new XMLSerializer().serializeToString(doc.doctype) : '';
}

function snapshotOf(doc: Document, top: Element | null, numbered: boolean): PageSnapshot {
  return { html: doctypeOf(doc) + (top?.outerHTML ?? ''), url: doc.URL, baseURI: doc.baseURI, documentURI: doc.documentURI, numbered };
}

/**
 * The page side of parsing off the page: a copy of the document, serialized. Numbered (for
 * Declutter), each element of the copy carries its index and `elements` holds the live elements
 * by that index, taken now: the answer comes back later, after the page may have added some.
 * Only the copy is written to; the live page is read.
 */
export function takeSnapshot(doc: Document, numbered: boolean): { snapshot: PageSnapshot; elements: Element[] } {
  const copy = doc.cloneNode(true) as Document;
  const elements: Element[] = [];
  if (numbered) {
    // Indexed loops: in a Firefox content script these are the page's collections (Xray wrappers).
    const live = doc.getElementsByTagName('*');
    const copies = copy.getElementsByTagName('*');
    for (let i = 0; i < copies.length; i++) {
      copies[i]!.setAttribute(NUMBER_ATTR, String(i));
      elements.push(live[i]!);
    }
  }
  const noscripts = copy.getElementsByTagName('noscript');
  for (let i = 0; i < noscripts.length; i++) {
    const noscript = noscripts[i]!;
    if (!noscript.firstChild || noscript.firstElementChild) continue;
    noscript.setAttribute(NOSCRIPT_TEXT_ATTR, noscript.textContent ?? '');
    noscript.textContent = '';
  }
  const head = copy.head;
  if (head?.firstChild) {
    const template = copy.createElement('template');
    template.setAttribute(HEAD_ATTR, '');
    while (head.firstChild) template.content.appendChild(head.firstChild);
    head.appendChild(template);
  }
  return { snapshot: snapshotOf(doc, copy.documentElement, numbered), elements };
}

/**
 * One element's subtree, numbered (the element 0, then its descendants in document order), inside
 * empty copies of its ancestors: the clutter rules match selectors and classes up the tree. For
 * Declutter's watch on what the page adds late.
 */
export function takeSubtreeSnapshot(root: Element): { snapshot: PageSnapshot; elements: Element[] } {
  const copy = root.cloneNode(true) as Element;
  const elements: Element[] = [root];
  copy.setAttribute(NUMBER_ATTR, '0');
  const live = root.getElementsByTagName('*');
  const copies = copy.getElementsByTagName('*');
  for (let i = 0; i < copies.length; i++) {
    copies[i]!.setAttribute(NUMBER_ATTR, String(i + 1));
    elements.push(live[i]!);
  }
  let outer: Element = copy;
  for (let up = root.parentElement; up; up = up.parentElement) {
    const shell = up.cloneNode(false) as Element;
    shell.appendChild(outer);
    outer = shell;
  }
  return { snapshot: snapshotOf(root.ownerDocument, outer, true), elements };
}
