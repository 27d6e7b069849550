/**
 * DOM reads made over whole pages (extraction, metadata), written to be cheap in jsdom (tests,
 * CLI, benchmarks) as well as in browsers. jsdom's selector engine costs far more than a walk, and its
 * HTMLCollection scans the whole list on every `length` read, which makes `Array.from(collection)`
 * quadratic. The helpers keep the selectors' rules so the answers stay the same.
 */

/** `root.getElementsByTagName(tag)` as an array, in document order, with one `length` read. */
export function elementsByTag(root: Document | Element, tag: string): Element[] {
  const collection = root.getElementsByTagName(tag);
  const elements: Element[] = [];
  for (let i = 0, length = collection.length; i < length; i++) elements.push(collection[i]!);
  return elements;
}

/** `parent.children` as an array, by sibling links: jsdom's `children` rescans itself on every `length` read. */
export function elementChildren(parent: ParentNode): Element[] {
  const children: Element[] = [];
  for (let child = parent.firstElementChild; child; child = child.nextElementSibling) children.push(child);
  return children;
}

/** SHOW_ELEMENT, spelled out: a page's window (jsdom's included) is not always the global one. */
const SHOW_ELEMENT = 0x1;

/** The first element below `root` in document order that passes `test`, like `querySelector`. */
export function firstElement(root: Document | Element, test: (el: Element) => boolean): Element | null {
  const doc = root.nodeType === 9 ? (root as Document) : (root as Element).ownerDocument;
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (test(node as Element)) return node as Element;
  }
  return null;
}

/** ASCII lower case, as selectors' `i` flag folds: other letters keep their case. */
export function asciiLowerCase(value: string): string {
  return value.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

/** A `<script type="application/ld+json">`: the structured metadata a page gives its article. */
export function isJsonLdScript(el: Element): boolean {
  return asciiLowerCase(el.getAttribute('type') ?? '') === 'application/ld+json';
}

/**
 * `[attr~="token"]` (or `[attr~="token" i]` with `ignoreCase`, `token` then in lower case): the
 * attribute, split on ASCII whitespace, holds `token`.
 */
export function hasAttrToken(el: Element, attr: string, token: string, ignoreCase = false): boolean {
  const value = el.getAttribute(attr);
  if (value === null) return false;
  return (ignoreCase ? asciiLowerCase(value) : value).split(/[\t\n\f\r ]+/).includes(token);
}

/**
 * A MutationObserver of the document's own window (a content script's global one is not the
 * page's in Firefox); a parsed document (tests) has none, and the global one serves.
 */
export function observeMutations(doc: Document, callback: MutationCallback): MutationObserver {
  const View = doc.defaultView as (Window & typeof globalThis) | null;
  return new (View?.MutationObserver ?? globalThis.MutationObserver)(callback);
}
