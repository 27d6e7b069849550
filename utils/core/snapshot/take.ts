import { NOSCRIPT_TEXT_ATTR, NUMBER_ATTR, type PageSnapshot } from './types';

function doctypeOf(doc: Document): string {
  const type = doc.doctype;
  if (!type) return '';
  const pub = type.publicId ? ` PUBLIC "${type.publicId}"` : '';
  const sys = type.systemId ? `${type.publicId ? '' : ' SYSTEM'} "${type.systemId}"` : '';
  return `<!DOCTYPE ${type.name}${pub}${sys}>`;
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
  const html = doctypeOf(doc) + (copy.documentElement?.outerHTML ?? '');
  return { snapshot: { html, url: doc.URL, baseURI: doc.baseURI, documentURI: doc.documentURI, numbered }, elements };
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
  const doc = root.ownerDocument;
  const html = doctypeOf(doc) + outer.outerHTML;
  return { snapshot: { html, url: doc.URL, baseURI: doc.baseURI, documentURI: doc.documentURI, numbered: true }, elements };
}
