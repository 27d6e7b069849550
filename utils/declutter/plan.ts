import { parseArticle, type ParsedArticle } from '../extract';
import { findClutter } from '../extract/clutter';
import { DECLUTTER_RULES, MIN_ARTICLE_CHARS, HEADER_BITS_SELECTOR, HEADER_BIT_MAX_CHARS, INVISIBLE_TAGS, MEDIA_SELECTOR, MEDIA_TAGS, MEDIA_WRAPPER_MAX_CHARS } from './rules';

/** Index attribute that ties an element of the clone to its live twin. Only the clone carries it. */
export const INDEX_ATTR = 'data-kliping-i';

/** Where the article lies on the live page, in document order. */
export interface ArticleSpan {
  /** First element of the article: its title, or the first element Readability kept. */
  start: Element;
  /** Last element Readability kept; the article ends where this element ends. */
  end: Element;
  /** The title, byline and content elements plus every ancestor of them: never hidden. */
  spine: ReadonlySet<Element>;
  /** Live elements whose clone Readability kept in the article. */
  kept: ReadonlySet<Element>;
}

export type DeclutterPlan =
  | { ok: true; span: ArticleSpan; hide: Element[]; title: string }
  | { ok: false; reason: 'no-article' | 'parse-error'; detail: string };

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, without relying on a global Node
const CONTAINED_BY = 16; // Node.DOCUMENT_POSITION_CONTAINED_BY

/**
 * Clones the document and numbers the clone's elements in document order, keeping the live
 * elements in the same order. The numbering goes on the clone, not the live page: a twin walk
 * of an exact clone gives the same mapping without touching the page (no attribute churn for the
 * page's own observers, nothing to clean up).
 */
export function indexedClone(doc: Document): { clone: Document; live: Element[] } {
  const clone = doc.cloneNode(true) as Document;
  const live: Element[] = [];
  const liveRoot = doc.documentElement;
  const cloneRoot = clone.documentElement;
  if (!liveRoot || !cloneRoot) return { clone, live };
  const liveWalk = doc.createTreeWalker(liveRoot, 1);
  const cloneWalk = clone.createTreeWalker(cloneRoot, 1);
  let a: Node | null = liveRoot;
  let b: Node | null = cloneRoot;
  while (a && b) {
    (b as Element).setAttribute(INDEX_ATTR, String(live.length));
    live.push(a as Element);
    a = liveWalk.nextNode();
    b = cloneWalk.nextNode();
  }
  return { clone, live };
}

const normalize = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

/** The live heading that carries the article's title, if the page shows one. */
function findTitle(body: Element, title: string): Element | null {
  const wanted = normalize(title);
  if (!wanted) return null;
  const headings = [...body.querySelectorAll('h1, h2')];
  const exact = headings.find((h) => normalize(h.textContent) === wanted);
  if (exact) return exact;
  return headings.find((h) => {
    const text = normalize(h.textContent);
    return text.length > 10 && (wanted.includes(text) || text.includes(wanted));
  }) ?? null;
}

function textLength(el: Element): number {
  return normalize(el.textContent).length;
}

function isHeaderBit(el: Element, byline: string): boolean {
  const length = textLength(el);
  if (length > HEADER_BIT_MAX_CHARS) return false;
  if (byline && normalize(el.textContent) === byline) return true;
  return el.matches(HEADER_BITS_SELECTOR);
}

function isMedia(el: Element): boolean {
  if (MEDIA_TAGS.has(el.tagName)) return true;
  return textLength(el) <= MEDIA_WRAPPER_MAX_CHARS && el.querySelector(MEDIA_SELECTOR) !== null;
}

/** True when `a` comes before `b` and does not contain it. */
function endsBefore(a: Element, b: Element): boolean {
  const position = a.compareDocumentPosition(b);
  return (position & FOLLOWING) !== 0 && (position & CONTAINED_BY) === 0;
}

/**
 * What to hide so that only the article stays visible, decided on a clone: the live document is
 * only read. Readability finds the article on the clone; the index attribute maps what it kept
 * back to live elements. Everything before the article's title and after its last kept element
 * is hidden; inside, elements Readability dropped are hidden unless they are the article's own
 * header bits or media, and in-article clutter is hidden even where Readability kept it.
 */
export function planDeclutter(doc: Document): DeclutterPlan {
  const body = doc.body;
  if (!body) return { ok: false, reason: 'no-article', detail: 'The page has no body.' };
  const { clone, live } = indexedClone(doc);
  let parsed: ParsedArticle | null;
  try {
    parsed = parseArticle(clone);
  } catch (error) {
    return { ok: false, reason: 'parse-error', detail: String(error) };
  }
  const content = parsed?.content;
  if (!parsed || !content) return { ok: false, reason: 'no-article', detail: 'No article body was found.' };
  if (normalize(content.textContent).length < MIN_ARTICLE_CHARS) {
    return { ok: false, reason: 'no-article', detail: 'Too little text to be an article: hiding the rest would leave a blank page.' };
  }

  const indices = new Set<number>();
  const keep = (el: Element) => {
    const index = Number(el.getAttribute(INDEX_ATTR));
    if (Number.isInteger(index) && live[index] && live[index] !== body && body.contains(live[index])) indices.add(index);
  };
  if (content.hasAttribute(INDEX_ATTR)) keep(content);
  for (const el of content.querySelectorAll(`[${INDEX_ATTR}]`)) keep(el);
  // `live` is in document order, so sorting the indices orders the elements.
  const ordered = [...indices].sort((a, b) => a - b).map((index) => live[index]!);
  const kept = new Set(ordered);
  const firstKept = ordered[0];
  if (!firstKept) return { ok: false, reason: 'no-article', detail: 'The article maps to nothing on the page.' };
  // The article ends with the kept element that finishes last: the latest one not inside another.
  const end = ordered.reduce((last, el) => (last.contains(el) ? last : el));

  const titleEl = findTitle(body, parsed.title ?? '');
  const start = titleEl && (titleEl.compareDocumentPosition(firstKept) & FOLLOWING) ? titleEl : firstKept;

  const spine = new Set<Element>();
  for (const el of titleEl ? [...kept, titleEl] : kept) {
    for (let up: Element | null = el; up && !spine.has(up); up = up.parentElement) spine.add(up);
  }
  for (let up: Element | null = body; up; up = up.parentElement) spine.add(up);

  const span: ArticleSpan = { start, end, spine, kept };
  const byline = normalize(parsed.byline);
  const clutter = new Set(findClutter(articleRoot(span), DECLUTTER_RULES).filter((el) => !(titleEl && el.contains(titleEl)) && isInside(el, span)));
  const hide: Element[] = [];

  const visit = (parent: Element): void => {
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      if (INVISIBLE_TAGS.has(child.tagName)) continue;
      if (clutter.has(child) && !containsArticleProse(child, kept)) {
        hide.push(child);
        continue;
      }
      if (spine.has(child)) {
        visit(child);
        continue;
      }
      const place = placeOf(child, span, firstKept);
      if (place === 'outside') {
        hide.push(child);
        continue;
      }
      if (place === 'body' && !kept.has(child) && !isHeaderBit(child, byline) && !isMedia(child)) {
        hide.push(child);
        continue;
      }
      visit(child);
    }
  };
  visit(body);
  // Overlays some sites append after <body>, straight into <html>.
  for (let child = doc.documentElement.firstElementChild; child; child = child.nextElementSibling) {
    if (child !== body && !INVISIBLE_TAGS.has(child.tagName)) hide.push(child);
  }
  return { ok: true, span, hide, title: parsed.title ?? '' };
}

/** A clutter match that holds kept paragraphs is a wrapper with an unlucky class name. */
function containsArticleProse(el: Element, kept: ReadonlySet<Element>): boolean {
  for (const p of el.querySelectorAll('p')) {
    if (kept.has(p) && !p.querySelector('a') && textLength(p) > 200) return true;
  }
  return false;
}

function isInside(el: Element, span: ArticleSpan): boolean {
  return !endsBefore(el, span.start) && !endsBefore(span.end, el);
}

/**
 * Where a non-spine element sits: outside the article, in its header (from the title to the
 * first kept element: byline, date, lead image) or in its body.
 */
export function placeOf(el: Element, span: ArticleSpan, firstKept?: Element): 'outside' | 'header' | 'body' {
  if (endsBefore(el, span.start) || endsBefore(span.end, el)) return 'outside';
  return endsBefore(el, firstKept ?? span.start) ? 'header' : 'body';
}

/** The smallest element holding the whole article: where in-article clutter is looked for. */
export function articleRoot(span: ArticleSpan): Element {
  let root: Element = span.start;
  while (!root.contains(span.end) && root.parentElement) root = root.parentElement;
  return root;
}
