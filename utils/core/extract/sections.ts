import { elementsByTag, firstElement } from '../dom';
import { paragraphProse } from './prose';

/**
 * Articles split into sibling section boxes: Asciidoctor's `div.sect1`, page builders' rows (Divi's
 * `et_pb_row`, HubSpot's `row-fluid-wrapper`, Elementor's sections), a CMS's repeated "text block"
 * modules. Readability scores each paragraph into its parent and grandparent, so every section
 * scores on its own and the pick is one section (often the last, "Thanks for your support!")
 * with its siblings left out: they are not siblings of the pick itself, but of one of its
 * ancestors. This module finds those sibling sections and lays their blocks out in one container,
 * where Readability reads them as the one article they are.
 */

/** How far above the pick its sections may sit (the pick is a section's body, or a box in it). */
const MAX_LEVELS = 3;
/** The sections left out must add prose of at least this share of the pick's text. */
const MIN_ADDED_SHARE = 0.5;
/** ...and at least this many characters of it. */
const MIN_ADDED_CHARS = 200;
/**
 * A component's name, not a framework's: the boxes joined are at least this share of the page's
 * elements of that first class (Elementor's `elementor-element`, Tailwind's `w-full` are on
 * everything, a `sect1` or a builder's row class on the sections).
 */
const MIN_KIND_SHARE = 0.25;

/** Blocks taken whole when sections are laid out in one container: what a reader reads. */
const BLOCKS = new Set(['P', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'DL', 'PRE', 'BLOCKQUOTE', 'FIGURE', 'TABLE', 'PICTURE', 'IMG', 'HR']);
const HEADINGS = new Set(['H2', 'H3', 'H4', 'H5', 'H6']);

/**
 * Each element's number (below `<body>`, in document order) on the prepared clone. Readability
 * carries an element's attributes over when it swaps the element for a `<div>` or a `<p>`, so the
 * numbers survive into its pick, and tell where the pick stood on the page.
 */
const NUMBER_ATTR = 'data-kliping-box';

/** What the section search needs of each element of the clone, by number, read before Readability takes the clone apart. */
export interface SectionLayout {
  parent: Int32Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  tag: string[];
  /** The first class name: a component's name ("sect1", "et_pb_row"). */
  kind: string[];
  /** Characters of prose inside (./prose's paragraphs: long enough, not mostly links). */
  prose: Float64Array;
  /** Holds an `<h1>`: a story's own headline. */
  headline: Uint8Array;
  /** How many `<article>` elements are inside: a rail or a feed of stories holds several. */
  stories: Uint16Array;
  /** How many elements of the page have each first class. */
  kindCount: Map<string, number>;
}

/** Numbers the clone's elements (see NUMBER_ATTR) and reads its layout. */
export function readSectionLayout(doc: Document): SectionLayout | null {
  const body = doc.body;
  if (!body) return null;
  const elements = elementsByTag(body, '*');
  const count = elements.length;
  const layout: SectionLayout = {
    parent: new Int32Array(count).fill(-1),
    firstChild: new Int32Array(count).fill(-1),
    nextSibling: new Int32Array(count).fill(-1),
    tag: new Array<string>(count),
    kind: new Array<string>(count),
    prose: new Float64Array(count),
    headline: new Uint8Array(count),
    stories: new Uint16Array(count),
    kindCount: new Map(),
  };
  const numberOf = new Map<Element, number>();
  for (let i = 0; i < count; i++) {
    numberOf.set(elements[i]!, i);
    elements[i]!.setAttribute(NUMBER_ATTR, String(i));
  }
  for (let i = 0; i < count; i++) {
    const el = elements[i]!;
    const parent = el.parentElement ? numberOf.get(el.parentElement) : undefined;
    if (parent !== undefined) layout.parent[i] = parent;
    const next = el.nextElementSibling;
    if (next) layout.nextSibling[i] = numberOf.get(next) ?? -1;
    const first = el.firstElementChild;
    if (first) layout.firstChild[i] = numberOf.get(first) ?? -1;
    layout.tag[i] = el.tagName;
    const kind = (el.getAttribute('class') ?? '').trim().split(/\s+/)[0] ?? '';
    layout.kind[i] = kind;
    layout.kindCount.set(kind, (layout.kindCount.get(kind) ?? 0) + 1);
    // A paragraph inside a link is a teaser card's summary, not prose.
    if (el.tagName === 'P' && !el.closest('a')) layout.prose[i] = paragraphProse(el);
    if (el.tagName === 'H1') layout.headline[i] = 1;
    if (el.tagName === 'ARTICLE') layout.stories[i] = 1;
  }
  // Children come after their parents in document order: summing backwards reaches every ancestor.
  for (let i = count - 1; i >= 0; i--) {
    const parent = layout.parent[i]!;
    if (parent < 0) continue;
    layout.prose[parent] = layout.prose[parent]! + layout.prose[i]!;
    if (layout.headline[i]) layout.headline[parent] = 1;
    layout.stories[parent] = Math.min(0xffff, layout.stories[parent]! + layout.stories[i]!);
  }
  return layout;
}

/**
 * The numbers of the pick's top elements (those inside no other numbered one), in order; the
 * numbers are taken off the pick, so they never reach its HTML.
 */
export function pickSources(content: Element): number[] {
  const marked = new Set<Element>();
  const tops: number[] = [];
  for (const el of elementsByTag(content, '*')) {
    const number = el.getAttribute(NUMBER_ATTR);
    if (number === null) continue;
    el.removeAttribute(NUMBER_ATTR);
    marked.add(el);
    let inside = false;
    for (let node = el.parentElement; node && node !== content && !inside; node = node.parentElement) inside = marked.has(node);
    if (!inside) tops.push(Number(number));
  }
  return tops;
}

function childrenOf(layout: SectionLayout, parent: number): number[] {
  const children: number[] = [];
  for (let child = layout.firstChild[parent]!; child >= 0; child = layout.nextSibling[child]!) children.push(child);
  return children;
}

function within(layout: SectionLayout, el: number, ancestor: number): boolean {
  for (let node = el; node >= 0; node = layout.parent[node]!) if (node === ancestor) return true;
  return false;
}

/**
 * The sibling sections the pick belongs with, in order (their numbers), or null: walking up from
 * the pick's first top element, the first box whose parent holds more boxes like it (same tag,
 * same first class) with prose the pick does not have: at least half as much as the pick's
 * text (`pickLength`), so a contact box or an author's bio beside a whole article is not joined.
 * Other stories are not sections of the article: an `<article>` box, a box holding its own `<h1>`,
 * or a rail holding several `<article>` cards is not joined.
 */
export function findSections(layout: SectionLayout, sources: number[], pickLength: number): number[] | null {
  let box = sources[0] ?? -1;
  for (let level = 0; box >= 0 && level <= MAX_LEVELS; level++, box = layout.parent[box]!) {
    const parent = layout.parent[box]!;
    if (parent < 0) return null;
    const kind = layout.kind[box]!;
    // A list's items are of one kind by being its items (a listicle's entries), whatever their class.
    const item = layout.tag[box] === 'LI';
    if (layout.tag[box] === 'ARTICLE' || (!kind && !item)) continue;
    const children = childrenOf(layout, parent);
    const likes = children.filter((el) => el === box || (layout.tag[el] === layout.tag[box] && (item || layout.kind[el] === kind) && !layout.headline[el] && layout.stories[el]! < 2));
    if (likes.length < 2 || (!item && likes.length < layout.kindCount.get(kind)! * MIN_KIND_SHARE)) continue;
    const picked = (el: number) => sources.some((source) => within(layout, source, el) || within(layout, el, source));
    const added = likes.filter((el) => !picked(el)).reduce((sum, el) => sum + layout.prose[el]!, 0);
    if (added < MIN_ADDED_CHARS || added < pickLength * MIN_ADDED_SHARE) continue;
    // Headings standing between the boxes are theirs too.
    const from = children.indexOf(likes[0]!);
    const to = children.indexOf(likes[likes.length - 1]!);
    return children.slice(from, to + 1).filter((el) => likes.includes(el) || HEADINGS.has(layout.tag[el]!));
  }
  return null;
}

/** Moves `el`'s reading blocks, in order, into `into`: wrappers go, what they wrap stays. */
function layOut(el: Element, into: Element): void {
  for (let node = el.firstChild; node; ) {
    const next = node.nextSibling;
    if (node.nodeType === 1) {
      const child = node as Element;
      if (BLOCKS.has(child.tagName) || !firstElement(child, (inner) => BLOCKS.has(inner.tagName))) into.append(child);
      else layOut(child, into);
    } else if (node.nodeType === 3 && (node.textContent ?? '').trim()) {
      const p = el.ownerDocument.createElement('p');
      p.append(node);
      into.append(p);
    }
    node = next;
  }
}

/**
 * On `spare` (a clone prepared as the pick's was, so its elements come in the same order), the
 * sections laid out in one container that becomes the body. False when they are not all there.
 */
export function layOutSections(spare: Document, sections: number[]): boolean {
  const body = spare.body;
  if (!body) return false;
  const elements = elementsByTag(body, '*');
  const run = sections.map((n) => elements[n]).filter((el): el is Element => !!el);
  if (run.length !== sections.length) return false;
  const container = spare.createElement('div');
  for (const el of run) {
    if (HEADINGS.has(el.tagName)) container.append(el);
    else layOut(el, container);
  }
  body.replaceChildren(container);
  return true;
}
