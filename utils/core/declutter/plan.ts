import { collapseSpace } from '../text';
import { parseArticle, type ParsedArticle } from '../extract';
import { findClutter, type ClutterReason } from '../extract/clutter';
import { DECLUTTER_RULES } from '../extract/rules';
import { articlePieces, guardPlan, heldSet, type ArticlePiece } from './invariant';
import { articleRoot, CONTAINED_BY, endsBefore, FOLLOWING, placeOf, type ArticleSpan } from './span';
import {
  EMBED_CLASS,
  EMBED_MAX_CHARS,
  EMBED_SELECTOR,
  EMBED_TAGS,
  GAP_MAX_CHARS,
  HEADER_BITS_SELECTOR,
  HEADER_BIT_MAX_CHARS,
  INVISIBLE_TAGS,
  MAX_CLIMB,
  MAX_GAPS,
  MEDIA_SELECTOR,
  MEDIA_TAGS,
  MEDIA_WRAPPER_MAX_CHARS,
  MIN_ARTICLE_CHARS,
  NEVER_HIDDEN_TAGS,
  NOT_ARTICLE_CLASS,
  NOT_HEADLINE_SELECTOR,
  PROSE_MAX_LINK_SHARE,
  PROSE_MIN_CHARS,
  PROSE_SHARE,
  SECTION_HEADING_TAGS,
  TITLE_HOLDER_CLIMB,
  TITLE_BLOCK_EXTRA_CHARS,
  SITE_NAME_MAX_WORDS,
  TITLE_SOME_WORDS,
  TITLE_WORD_SHARE,
  HEADLINE_MIN_WORDS,
  TEXT_BLOCK_TAGS,
  BLOCK_CHILD_SELECTOR,
} from './rules';

/** Index attribute that ties an element of the clone to its live twin. Only the clone carries it. */
export const INDEX_ATTR = 'data-kliping-i';

/**
 * Why declutter hides an element: a clutter rule's reason, or where the element sits (`place`):
 * outside the article's stretch, left out of it by Readability, after <body>, added later.
 */
export type HideReason =
  | ClutterReason
  | { rule: 'outside-article' | 'left-out' | 'after-body' | 'added-later' | 'given'; matcher: 'place'; match: string };

export type DeclutterPlan =
  | {
      ok: true;
      span: ArticleSpan;
      hide: Element[];
      /** Why each element the planner chose is hidden (the guard's parts: see their wrapper's). */
      why: ReadonlyMap<Element, HideReason>;
      title: string;
      /** The extracted article's text and title block, tied to live elements: what must stay visible. */
      pieces: ArticlePiece[];
      /** Those elements and their ancestors: never hidden. */
      held: ReadonlySet<Element>;
      /** Elements the heuristics wanted hidden that held article text, and so were not. */
      heldBack: number;
    }
  | { ok: false; reason: 'no-article' | 'parse-error'; detail: string };


/**
 * Clones the document and numbers the clone's elements in document order, keeping the live
 * elements in the same order. The numbering goes on the clone, not the live page: a twin walk
 * of an exact clone gives the same mapping without touching the page (no attribute churn for the
 * page's own observers, nothing to clean up). `indexOf` holds the same numbers by identity:
 * Readability copies a wrapper's attributes onto the only child it replaces it with, so the
 * attribute then names the wrapper; the attribute still serves the elements Readability rebuilds
 * under another tag (it copies their attributes too).
 */
export function indexedClone(doc: Document): {
  clone: Document;
  live: Element[];
  indexOf: (cloneEl: Element) => number | null;
  /** The live twin of a text node of the clone (Readability moves text nodes but keeps them). */
  liveText: (cloneText: Node) => Node | undefined;
} {
  const clone = doc.cloneNode(true) as Document;
  const live: Element[] = [];
  const byIdentity = new WeakMap<Node, number>();
  const texts = new WeakMap<Node, Node>();
  const indexOf = (el: Element): number | null => {
    const known = byIdentity.get(el);
    if (known !== undefined) return known;
    const value = el.getAttribute(INDEX_ATTR);
    return value === null ? null : Number(value);
  };
  const liveText = (node: Node) => texts.get(node);
  const liveRoot = doc.documentElement;
  const cloneRoot = clone.documentElement;
  if (!liveRoot || !cloneRoot) return { clone, live, indexOf, liveText };
  // Elements and text nodes (SHOW_ELEMENT | SHOW_TEXT): the clone is exact, so both walks agree.
  const liveWalk = doc.createTreeWalker(liveRoot, 5);
  const cloneWalk = clone.createTreeWalker(cloneRoot, 5);
  let a: Node | null = liveRoot;
  let b: Node | null = cloneRoot;
  while (a && b) {
    if (b.nodeType === 1) {
      (b as Element).setAttribute(INDEX_ATTR, String(live.length));
      byIdentity.set(b, live.length);
      live.push(a as Element);
    } else texts.set(b, a);
    a = liveWalk.nextNode();
    b = cloneWalk.nextNode();
  }
  return { clone, live, indexOf, liveText };
}

const normalize = (text: string | null | undefined) => collapseSpace(text ?? '').toLowerCase();

const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

/** The titles a page gives its article: Readability's, the Open Graph one, the document's. */
function titleCandidates(doc: Document, parsedTitle: string): string[] {
  const meta = (name: string) => doc.querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute('content');
  // "Headline | Site": the headline alone, as the page shows it.
  const named = [parsedTitle, meta('og:title'), meta('twitter:title')].map(normalize).filter((t) => t.length > 0);
  const parts = (doc.title ?? '').split(/\s+[|–—·]\s+|\s+-\s+/).map(normalize);
  // The part another title names is the headline; else the longest part (a site's name may be
  // the longer one: "Choosing a framework - Jane Doe's Substack", og:title "Choosing a framework").
  const headline = parts.length > 1 ? (parts.find((part) => named.includes(part)) ?? parts.reduce((a, b) => (b.length > a.length ? b : a))) : '';
  return [...named, normalize(doc.title), words(headline).length >= 3 ? headline : ''].filter((t) => t.length > 0);
}

/**
 * The site's own name, as the page gives it and as its <title> ends ("Headline | Site": a short
 * last part), never one of the titles themselves (some pages give their headline as site name).
 */
function siteNames(doc: Document, siteName: string | null | undefined, titles: readonly string[]): Set<string> {
  const meta = doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content');
  const parts = (doc.title ?? '').split(/\s+[|–—:·-]\s+/).map(normalize);
  const last = parts.length > 1 ? parts[parts.length - 1]! : '';
  const shortLast = last && words(last).length <= SITE_NAME_MAX_WORDS && words(last).length < words(parts[0]!).length ? last : null;
  const names = [siteName, meta, shortLast].map(normalize).filter((n) => n.length > 0 && !titles.includes(n));
  return new Set(names);
}

/**
 * The live heading that carries the article's title, if the page shows one: one that reads as a
 * title the page gives, or holds it, or (an `<h1>` only) whose words are mostly the title's.
 */
function findTitle(doc: Document, body: Element, title: string, siteName: string | null | undefined, kept: readonly Element[]): Element | null {
  const wanted = titleCandidates(doc, title);
  if (!wanted.length) return null;
  const sites = siteNames(doc, siteName, wanted);
  // A logo in an <h1> names the site, which the <title> often ends with: it is not the headline.
  const headings = [...body.querySelectorAll('h1, h2, [itemprop~="headline"]')].filter((h) => !sites.has(normalize(h.textContent)) && !notHeadline(h, body));
  const texts = new Map(headings.map((h) => [h, normalize(h.textContent)]));
  const titleWords = new Set(wanted.flatMap(words));
  const share = (h: Element) => {
    const own = words(texts.get(h)!);
    return own.length >= 3 ? own.filter((w) => titleWords.has(w)).length / own.length : 0;
  };
  const h1s = headings.filter((h) => h.tagName === 'H1');
  const match =
    headings.find((h) => wanted.includes(texts.get(h)!)) ??
    headings.find((h) => {
      const text = texts.get(h)!;
      return text.length > 10 && wanted.some((w) => w.includes(text) || text.includes(w));
    }) ??
    h1s.find((h) => share(h) >= TITLE_WORD_SHARE);
  if (match?.tagName === 'H1') return match;
  // Pages often headline the article otherwise than their <title> does (an SEO title), and may
  // repeat the <title> in an <h2> further down: the last <h1> before the body that shares some
  // of the title's words is the headline the reader sees first.
  const bodyStart = kept.find((el) => el.tagName === 'P' && textLength(el) >= PROSE_MIN_CHARS / 2) ?? kept.find((el) => headings.every((h) => !el.contains(h)));
  if (!bodyStart) return match ?? null;
  const headsBody = (h: Element) => endsBefore(h, bodyStart);
  const before = h1s.filter((h) => headsBody(h) && share(h) >= TITLE_SOME_WORDS);
  // An <h2> in the header is a headline only where no <h1> before the body could be one (it is
  // often a standfirst under an <h1> outside the header).
  const headerHeading = articleHeaderHeading(bodyStart, headings, (h) => headsBody(h) && share(h) >= TITLE_SOME_WORDS && (h.tagName === 'H1' || !before.length));
  if (headerHeading) return headerHeading;
  // Pages without an <h1> may headline with an <h2> that says nearly what their <title> says.
  const nearTitle = headings.filter((h) => h.tagName !== 'H1' && headsBody(h) && share(h) >= TITLE_WORD_SHARE);
  // A page's only <h1>, before the body and more than a logo's few words, is its headline
  // however differently the <title> (an SEO title) words it, and whatever section heading below
  // it repeats the <title>.
  const soleH1 = h1s.length === 1 && headsBody(h1s[0]!) && words(texts.get(h1s[0]!)!).length >= HEADLINE_MIN_WORDS ? h1s[0]! : null;
  if (soleH1 && match && endsBefore(soleH1, match)) return soleH1;
  return before[before.length - 1] ?? match ?? nearTitle[nearTitle.length - 1] ?? titleOutsideHeadings(body, wanted, bodyStart) ?? soleH1;
}

/**
 * HTML's own pattern for an article's headline: an `<h1>` or `<h2>` in the `<header>` of the
 * `<article>` that holds the body (WordPress themes' `header.entry-header`, among many). It wins
 * over an `<h1>` that opens the body itself, which Readability keeps as the body's first line.
 */
function articleHeaderHeading(bodyStart: Element, headings: readonly Element[], fits: (h: Element) => boolean): Element | null {
  const article = bodyStart.closest('article');
  if (!article) return null;
  return headings.find((h) => (h.tagName === 'H1' || h.tagName === 'H2') && h.closest('article') === article && h.closest('header') !== null && article.contains(h.closest('header')) && fits(h)) ?? null;
}

/**
 * Pages built without headings (site builders such as Framer or Wix, some blog themes) show
 * their headline in a plain element: the first one before the body whose text is a title the
 * page gives. Walked by text nodes, and an element's whole text read only where a text node starts
 * a title, so the walk stays linear.
 */
function titleOutsideHeadings(body: Element, wanted: readonly string[], bodyStart: Element | undefined): Element | null {
  if (!bodyStart) return null;
  const walker = body.ownerDocument.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // Past the start of the body: what follows is the article or after it.
    if (bodyStart.compareDocumentPosition(node) & (FOLLOWING | CONTAINED_BY)) return null;
    const holder = node.parentElement;
    // A permalink around the headline is common (WordPress's rel="bookmark"); a menu or a breadcrumb trail is not a headline.
    if (!holder || INVISIBLE_TAGS.has(holder.tagName) || notHeadline(holder, body)) continue;
    // The headline may be split by inline markup ("Local <span>DNS</span> Services"): a text
    // that starts a title is checked with the rest of its element's text.
    const text = normalize(node.nodeValue);
    if (!text || !wanted.some((w) => w.startsWith(text))) continue;
    for (let el: Element | null = holder, up = 0; el && up < TITLE_HOLDER_CLIMB; el = el.parentElement, up++) {
      if (wanted.includes(normalize(el.textContent))) return el;
    }
  }
  return null;
}

/** Whether `el` sits in a part of the page whose copy of the headline is not the headline (NOT_HEADLINE_SELECTOR). */
function notHeadline(el: Element, body: Element): boolean {
  for (let up: Element | null = el; up && up !== body; up = up.parentElement) if (up.matches(NOT_HEADLINE_SELECTOR)) return true;
  return false;
}

/** The headline's largest wrapper that holds little more than it and none of the body. */
function titleBlockOf(titleEl: Element, body: Element, firstKept: Element): Element {
  let block = titleEl;
  const limit = textLength(titleEl) + TITLE_BLOCK_EXTRA_CHARS;
  for (let up = titleEl.parentElement; up && up !== body; up = up.parentElement) {
    if (up.contains(firstKept) || textLength(up) > limit) break;
    block = up;
  }
  return block;
}

/** What the title block must keep showing: the headline, the block, its byline and date, the lead image. */
function titleBits(block: Element, titleEl: Element, byline: string): Element[] {
  const bits = [titleEl, block];
  for (const el of block.querySelectorAll('*')) {
    if (el.tagName === 'TIME' || isMedia(el) || isHeaderBit(el, byline)) bits.push(el);
  }
  const before = block.previousElementSibling;
  if (before && isMedia(before) && !INVISIBLE_TAGS.has(before.tagName)) bits.push(before);
  return bits;
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
  const clones = [indexedClone(doc)];
  let parsed: ParsedArticle | null;
  try {
    // As the extraction does (extractArticle): a pick holding a small share of the page's prose is
    // tried again with fewer cuts, on a second numbered clone, so Declutter shows what the reader
    // view and the saved copy hold (a product guide's products, a recipe's steps).
    parsed = parseArticle(clones[0]!.clone, undefined, () => {
      const again = indexedClone(doc);
      clones.push(again);
      return again.clone;
    });
  } catch (error) {
    return { ok: false, reason: 'parse-error', detail: String(error) };
  }
  const content = parsed?.content;
  if (!parsed || !content) return { ok: false, reason: 'no-article', detail: 'No article body was found.' };
  // The numbering of the clone the pick was made in.
  const { live, indexOf, liveText } = clones.find((c) => c.clone === content.ownerDocument) ?? clones[0]!;
  if (normalize(content.textContent).length < MIN_ARTICLE_CHARS) {
    return { ok: false, reason: 'no-article', detail: 'Too little text to be an article: hiding the rest would leave a blank page.' };
  }

  const indices = new Set<number>();
  const keep = (el: Element) => {
    const index = indexOf(el);
    if (index !== null && Number.isInteger(index) && live[index] && live[index] !== body && body.contains(live[index])) indices.add(index);
  };
  if (content.hasAttribute(INDEX_ATTR)) keep(content);
  for (const el of content.querySelectorAll(`[${INDEX_ATTR}]`)) keep(el);
  // `live` is in document order, so sorting the indices orders the elements.
  const ordered = [...indices].sort((a, b) => a - b).map((index) => live[index]!);
  const kept = new Set(ordered);
  if (!ordered[0]) return { ok: false, reason: 'no-article', detail: 'The article maps to nothing on the page.' };
  // The article ends with the kept element that finishes last: the latest one not inside another.
  const end = ordered.reduce((last, el) => (last.contains(el) ? last : el));

  const byline = normalize(parsed.byline);
  const titleEl = findTitle(doc, body, parsed.title ?? '', parsed.siteName, ordered);
  // Where the body starts: the first kept element that is not a wrapper around the headline too.
  const firstKept = (titleEl && ordered.find((el) => !el.contains(titleEl))) || ordered[0];
  const titleBlock = titleEl ? titleBlockOf(titleEl, body, firstKept) : null;
  const start = titleBlock && (titleBlock.compareDocumentPosition(firstKept) & FOLLOWING) ? titleBlock : firstKept;
  const titleHeld = titleBlock && titleEl ? titleBits(titleBlock, titleEl, byline) : [];

  // An embedded post or an ad in mid-article does not end it: paragraphs after one belong to it.
  const continued = continuation(end, body);
  for (const el of continued) {
    kept.add(el);
    for (const inner of el.querySelectorAll('*')) kept.add(inner);
  }
  const last = continued[continued.length - 1] ?? end;

  const spine = new Set<Element>();
  for (const el of [...kept, ...titleHeld]) {
    for (let up: Element | null = el; up && !spine.has(up); up = up.parentElement) spine.add(up);
  }
  for (let up: Element | null = body; up; up = up.parentElement) spine.add(up);

  const span: ArticleSpan = { start, end: last, spine, kept };
  // The invariant: nothing that holds the extracted article's text or its title block is hidden.
  const liveOf = (el: Element): Element | null => {
    const index = indexOf(el);
    const found = index === null ? undefined : live[index];
    return found && body.contains(found) ? found : null;
  };
  const liveHolder = (text: Node): Element | null => {
    const holder = liveText(text)?.parentElement;
    return holder && body.contains(holder) ? holder : null;
  };
  const pieces = articlePieces(content, liveOf, liveHolder);
  const held = heldSet([...pieces.map((piece) => piece.el), ...titleHeld]);
  const clutter = new Map(
    findClutter(articleRoot(span), DECLUTTER_RULES)
      .filter(({ el }) => !(titleEl && el.contains(titleEl)) && isInside(el, span))
      .map(({ el, ...reason }) => [el, reason]),
  );
  const hide: Element[] = [];
  const why = new Map<Element, HideReason>();
  const hideFor = (el: Element, reason: HideReason) => {
    hide.push(el);
    why.set(el, reason);
  };

  const visit = (parent: Element): void => {
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      if (INVISIBLE_TAGS.has(child.tagName) || NEVER_HIDDEN_TAGS.has(child.tagName)) continue;
      const rule = clutter.get(child);
      if (rule && !containsArticleProse(child, kept, held)) {
        hideFor(child, rule);
        continue;
      }
      if (spine.has(child)) {
        visit(child);
        continue;
      }
      // Inside the title block only clutter (a share bar) is hidden: the rest is headline furniture.
      const place = titleBlock?.contains(child) ? 'header' : placeOf(child, span, firstKept);
      if (place === 'outside') {
        hideFor(child, { rule: 'outside-article', matcher: 'place', match: endsBefore(child, span.start) ? 'before the article' : 'after the article' });
        continue;
      }
      if (place === 'body' && !kept.has(child) && !isHeaderBit(child, byline) && !isMedia(child)) {
        // Prose between the headline and the article's end that Readability left out (a section
        // under an unlucky class, an embed whose markup swallowed the next paragraphs) is still
        // the article: hide less. So is the heading of a section it kept (Readability drops a
        // heading that repeats the title, and a page may title its article with a section's name).
        if (isProse(child) || swallowsProse(child) || headsKeptSection(child, kept)) continue;
        hideFor(child, { rule: 'left-out', matcher: 'place', match: 'inside the article, left out by Readability' });
        continue;
      }
      visit(child);
    }
  };
  visit(body);
  // Overlays some sites append after <body>, straight into <html>.
  for (let child = doc.documentElement.firstElementChild; child; child = child.nextElementSibling) {
    if (child !== body && !INVISIBLE_TAGS.has(child.tagName)) hideFor(child, { rule: 'after-body', matcher: 'place', match: 'outside <body>' });
  }

  const guarded = guardPlan(hide, held);
  if (titleEl) pieces.unshift({ el: titleEl, text: normalize(titleEl.textContent) });
  return { ok: true, span, hide: guarded.hide, why, title: parsed.title ?? '', pieces, held, heldBack: guarded.heldBack };
}

/** A heading whose next element is article the extraction kept: the title of one of its sections. */
function headsKeptSection(el: Element, kept: ReadonlySet<Element>): boolean {
  if (!SECTION_HEADING_TAGS.has(el.tagName)) return false;
  const next = el.nextElementSibling;
  return next !== null && kept.has(next) && textLength(next) > 0;
}

/**
 * Text that reads as the article's own prose: mostly long paragraphs with few links, fewer links
 * than paragraphs (a list of teasers has a headline link per blurb), not in a comment or related box.
 */
function isProse(el: Element): boolean {
  if (NOT_ARTICLE_CLASS.test(classAndId(el))) return false;
  const paragraphs = el.tagName === 'P' ? [el] : [...el.querySelectorAll('p')];
  // Page builders (Elementor, HubSpot, Tailwind card layouts) write paragraphs as bare <div>s.
  if (!paragraphs.length) paragraphs.push(...textBlocks(el));
  let prose = 0;
  let count = 0;
  for (const p of paragraphs) {
    const length = textLength(p);
    if (length < PROSE_MIN_CHARS) continue;
    let linked = 0;
    for (const a of p.querySelectorAll('a')) linked += textLength(a);
    if (linked > length * PROSE_MAX_LINK_SHARE) continue;
    let boxed = false;
    for (let up = p.parentElement; up && up !== el && !boxed; up = up.parentElement) boxed = NOT_ARTICLE_CLASS.test(classAndId(up));
    if (boxed) continue;
    prose += length;
    count += 1;
  }
  if (count === 0) return false;
  const total = textLength(el);
  let links = 0;
  let linked = 0;
  for (const a of el.querySelectorAll('a')) {
    links += 1;
    linked += textLength(a);
  }
  return prose >= total * PROSE_SHARE && links <= count && linked <= total * PROSE_MAX_LINK_SHARE;
}

/** The element and its descendants that hold text but no block of their own: paragraphs in all but name. */
function textBlocks(el: Element): Element[] {
  return [el, ...el.querySelectorAll(TEXT_BLOCK_TAGS)].filter((block) => !block.querySelector(BLOCK_CHILD_SELECTOR));
}

function classAndId(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.id}`;
}

/** An embedded post, a gallery, a video or an ad slot (empty until its script fills it). */
function isEmbed(el: Element): boolean {
  const length = textLength(el);
  if (length > EMBED_MAX_CHARS) return false;
  if (EMBED_TAGS.has(el.tagName) || EMBED_CLASS.test(classAndId(el))) return true;
  if (length === 0) return true;
  return el.querySelector('iframe, video, blockquote[class], [class*="embed" i]') !== null;
}

/** An embedded post or player (or a wrapper around one) that holds the article's prose too. */
function swallowsProse(el: Element): boolean {
  return (el.matches(EMBED_SELECTOR) || el.querySelector(EMBED_SELECTOR) !== null) && isProse(el);
}

/**
 * The elements after Readability's last kept one that still belong to the article: prose that
 * follows an embed, an ad or a gallery (with at most a few short blocks between), looked for
 * among the following siblings of the last kept element and of a few of its wrappers.
 */
function continuation(end: Element, body: Element): Element[] {
  const found: Element[] = [];
  let node: Element | null = end;
  for (let climb = 0; node && node !== body && climb <= MAX_CLIMB; climb++) {
    let gaps = 0;
    let crossed = false;
    for (let sib = node.nextElementSibling; sib; sib = sib.nextElementSibling) {
      if (INVISIBLE_TAGS.has(sib.tagName) || NEVER_HIDDEN_TAGS.has(sib.tagName)) continue;
      // A headline of its own is the next story (an infinite scroll), not more of this one.
      if (sib.tagName === 'H1' || sib.querySelector('h1')) break;
      const embed = isEmbed(sib);
      if ((crossed || embed || swallowsProse(sib)) && isProse(sib)) {
        found.push(sib);
        crossed = true;
        gaps = 0;
        continue;
      }
      if (gaps >= MAX_GAPS) break;
      if (embed) crossed = true;
      else if (textLength(sib) > GAP_MAX_CHARS) break;
      gaps += 1;
    }
    if (found.length) {
      // Carry on from the last paragraph found: the article may cross another embed further down.
      return [...found, ...continuation(found[found.length - 1]!, body)];
    }
    node = node.parentElement;
  }
  return found;
}

/**
 * A clutter match that holds kept paragraphs of the article's text is a wrapper with an unlucky
 * class name. A kept paragraph the extraction's own rules take out (an author's bio) is not.
 */
function containsArticleProse(el: Element, kept: ReadonlySet<Element>, held: ReadonlySet<Element>): boolean {
  for (const p of el.querySelectorAll('p')) {
    if (kept.has(p) && held.has(p) && !p.querySelector('a') && textLength(p) > 200) return true;
  }
  return false;
}

function isInside(el: Element, span: ArticleSpan): boolean {
  return !endsBefore(el, span.start) && !endsBefore(span.end, el);
}

export { articleRoot, placeOf, type ArticleSpan } from './span';
