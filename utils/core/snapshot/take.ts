import { isJsonLdScript } from '../dom';
import { nextTask } from '../tasks';
import { HEAD_ATTR, NOSCRIPT_TEXT_ATTR, NUMBER_ATTR, type PageSnapshot } from './types';

/** `<!DOCTYPE …>` as the page wrote it: without one the copy would parse in quirks mode. */
function doctypeOf(doc: Document): string {
  return doc.doctype ? new XMLSerializer().serializeToString(doc.doctype) : '';
}

function snapshotOf(doc: Document, top: Element | null, numbered: boolean): PageSnapshot {
  return { html: doctypeOf(doc) + (top?.outerHTML ?? ''), url: doc.URL, baseURI: doc.baseURI, documentURI: doc.documentURI, numbered };
}

/**
 * A document of the page's kind to own the copy, with no window: nothing in it loads, runs or is
 * styled. The copy is imported into it and never put in it, so not even the page's style sheets
 * are parsed again (a `<style>` in a document builds its sheet, one in none does not: cloning the
 * page's document did, and on a page with large inline styles that was most of the snapshot's time).
 */
const inertDocumentFor = (doc: Document): Document => doc.implementation.createHTMLDocument('');

/** The copy's `<head>`: what `document.head` would be, the first `<head>` child of `<html>`. */
function headOf(top: Element): Element | null {
  // Indexed loops: in a Firefox content script these are the page's collections (Xray wrappers).
  const children = top.children;
  for (let i = 0; i < children.length; i++) if (children[i]!.localName === 'head') return children[i]!;
  return null;
}

/**
 * The head's style sheets and scripts emptied in the copy, the elements kept (every number still
 * names its twin): nothing off the page reads them but JSON-LD (the metadata's, and Readability's), and they are a fifth of a wcxb-dev
 * page's bytes (wcxb 1651: 537 kB of 1.28 MB), each carried across to the parser. The body's stay:
 * Declutter's text lengths count what the page's elements hold, as in the page.
 */
function emptyHeadCode(head: Element): void {
  // Indexed loops: in a Firefox content script these are the page's collections (Xray wrappers).
  for (const tag of ['style', 'script']) {
    const found = head.getElementsByTagName(tag);
    for (let i = 0; i < found.length; i++) if (tag === 'style' || !isJsonLdScript(found[i]!)) found[i]!.textContent = '';
  }
}

/**
 * The parser drops a newline right after `<pre>`, `<textarea>` or `<listing>`, and serializing
 * writes none back: an element whose text starts with a newline (its source had two) would lose
 * it when parsed again off the page (wcxb-dev 0435's console listing, a line off in the
 * article). Its copy gets one more newline there, for the parser to drop.
 */
function keepLeadingNewlines(copy: Element): void {
  // Indexed loops: in a Firefox content script these are the page's collections (Xray wrappers).
  for (const tag of ['pre', 'textarea', 'listing']) {
    const found = copy.getElementsByTagName(tag);
    for (let i = -1; i < found.length; i++) {
      const el = i < 0 ? copy : found[i]!;
      if (i < 0 && el.localName !== tag) continue;
      const first = el.firstChild;
      if (first?.nodeType === 3 && first.nodeValue?.startsWith('\n')) first.nodeValue = '\n' + first.nodeValue;
    }
  }
}

/**
 * Most elements one task numbers or serializes: on the corpus's biggest pages (5,000 elements,
 * 1.8 MB) one pass over all of them was a task of 10–25 ms.
 */
export const ELEMENTS_PER_TASK = 1500;

/**
 * `el.outerHTML`, character for character, in tasks of about ELEMENTS_PER_TASK elements: a
 * subtree that small is serialized whole, a bigger one as its own tags around its children's
 * serializations, each child's text escaped as the serializer escapes it there (a copy of `el`
 * with only that child in it, serialized, less `el`'s tags).
 */
export async function serializeInTasks(el: Element, pause: Pause, perTask = ELEMENTS_PER_TASK): Promise<string> {
  let inTask = 0;
  const serialize = async (node: Element): Promise<string> => {
    const size = 1 + node.getElementsByTagName('*').length;
    // A <template> holds its content apart (not among its elements): always whole.
    if (size <= perTask || node.localName === 'template') {
      if (inTask && inTask + size > perTask) {
        await pause();
        inTask = 0;
      }
      inTask += size;
      return node.outerHTML;
    }
    const shell = node.cloneNode(false) as Element;
    const empty = shell.outerHTML;
    const open = empty.slice(0, empty.lastIndexOf('</'));
    const close = empty.slice(open.length);
    let out = open;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 1) out += await serialize(child as Element);
      else {
        shell.appendChild(child.cloneNode(true));
        const alone = shell.outerHTML;
        out += alone.slice(open.length, alone.length - close.length);
        shell.removeChild(shell.firstChild!);
      }
    }
    return out + close;
  };
  return serialize(el);
}

/** How the snapshot hands the page's main thread back between its pieces (tests pass their own). */
export type Pause = () => Promise<void>;

/**
 * The page side of parsing off the page: a copy of the document, serialized. Numbered (for
 * Declutter), each element of the copy carries its index and `elements` holds the live elements
 * by that index, taken now: the answer comes back later, after the page may have added some.
 * Only the copy is written to; the live page is read.
 *
 * In tasks, not one: the copy and the list of live elements are taken together, in one task, so
 * they match; numbering and serializing then work on the copy alone, which nothing on the page
 * can change, so the page may run between them.
 */
export async function takeSnapshot(doc: Document, numbered: boolean, pause: Pause = nextTask): Promise<{ snapshot: PageSnapshot; elements: Element[] }> {
  const root = doc.documentElement;
  const inert = inertDocumentFor(doc);
  const copy = root ? (inert.importNode(root, true) as Element) : null;
  // Taken with the copy: the page's address may change meanwhile (history.pushState).
  const at = { url: doc.URL, baseURI: doc.baseURI, documentURI: doc.documentURI, doctype: doctypeOf(doc) };
  const elements: Element[] = [];
  if (numbered && copy) {
    // Indexed loops: in a Firefox content script these are the page's collections (Xray wrappers).
    // The page's elements are `<html>` and its descendants, in the same order as the copy's.
    const live = doc.getElementsByTagName('*');
    for (let i = 0; i < live.length; i++) elements.push(live[i]!);
    await pause();
    copy.setAttribute(NUMBER_ATTR, '0');
    const copies = copy.getElementsByTagName('*');
    for (let i = 0; i < copies.length; i++) {
      if (i && i % ELEMENTS_PER_TASK === 0) await pause();
      copies[i]!.setAttribute(NUMBER_ATTR, String(i + 1));
    }
  }
  await pause();
  if (copy) {
    const noscripts = copy.getElementsByTagName('noscript');
    for (let i = 0; i < noscripts.length; i++) {
      const noscript = noscripts[i]!;
      if (!noscript.firstChild || noscript.firstElementChild) continue;
      noscript.setAttribute(NOSCRIPT_TEXT_ATTR, noscript.textContent ?? '');
      noscript.textContent = '';
    }
    keepLeadingNewlines(copy);
    const head = headOf(copy);
    if (head) emptyHeadCode(head);
    if (head?.firstChild) {
      const template = inert.createElement('template');
      template.setAttribute(HEAD_ATTR, '');
      while (head.firstChild) template.content.appendChild(head.firstChild);
      head.appendChild(template);
    }
  }
  const html = copy ? await serializeInTasks(copy, pause) : '';
  return { snapshot: { html: at.doctype + html, url: at.url, baseURI: at.baseURI, documentURI: at.documentURI, numbered }, elements };
}

/**
 * One element's subtree, numbered (the element 0, then its descendants in document order), inside
 * empty copies of its ancestors: the clutter rules match selectors and classes up the tree. For
 * Declutter's watch on what the page adds late.
 */
export function takeSubtreeSnapshot(root: Element): { snapshot: PageSnapshot; elements: Element[] } {
  const inert = inertDocumentFor(root.ownerDocument);
  const copy = inert.importNode(root, true) as Element;
  const elements: Element[] = [root];
  copy.setAttribute(NUMBER_ATTR, '0');
  const live = root.getElementsByTagName('*');
  const copies = copy.getElementsByTagName('*');
  for (let i = 0; i < copies.length; i++) {
    copies[i]!.setAttribute(NUMBER_ATTR, String(i + 1));
    elements.push(live[i]!);
  }
  keepLeadingNewlines(copy);
  let outer: Element = copy;
  for (let up = root.parentElement; up; up = up.parentElement) {
    const shell = inert.importNode(up, false) as Element;
    shell.appendChild(outer);
    outer = shell;
  }
  return { snapshot: snapshotOf(root.ownerDocument, outer, true), elements };
}
