import { Readability, isProbablyReaderable } from '@mozilla/readability';
import type { Article, ExtractResult, NotArticleReason } from '../article';
import { canonicalUrlOf } from '../url';
import { elementsByTag, firstElement } from '../dom';
import { sanitizeToBody } from '../sanitize';
import { removeClutter, type ClutterMatch } from './clutter';
import { absolutizeUrls, resolveLazyImages } from './images';
import { chooseExcerpt, cleanByline, cleanTitle, foldForTitle, isWeakByline, readMetadata, signedByline, splitBylineDate, toIsoDate } from './metadata';
import { readingMinutesOfText } from './reading-time';
import { proseLength } from './prose';
import { revealStreamedContent } from './streamed';
import { openCollapsedPanels } from './collapsed';
import { removeDialogs } from './dialogs';
import { unweightMisreadClasses } from './class-weight';
import { findSections, layOutSections, pickSources, readSectionLayout, type SectionLayout } from './sections';
import { blockText, captionsIn, countWords } from './text';
import { collapseSpace } from '../text';

export { findClutter, removeClutter, type ClutterMatch, type ClutterMatcher, type ClutterReason } from './clutter';
export { CLUTTER_RULES, DECLUTTER_RULES, type ClutterRule } from './rules';

/** An element the pipeline took out of Readability's pick: by a clutter rule, or as the repeated headline. */
export type ExtractionRemoval = ClutterMatch | { el: Element; rule: 'title-heading'; matcher: 'title'; match: string };

export interface ExtractOptions {
  /** Skip the readerable pre-check (the user asked for this page explicitly). */
  force?: boolean;
  /** Pages with more elements than this are refused as 'too-large' before any work. */
  maxElements?: number;
  /** Markup nested deeper than this is refused as 'too-large' (parsers and clones recurse on it). */
  maxDepth?: number;
  /** Past this many milliseconds the pipeline gives up at its next step with 'too-large'. */
  budgetMs?: number;
  /** Told of every element removed from Readability's pick, with why (the CLI's `--explain`). */
  onRemoved?: (removal: ExtractionRemoval) => void;
}

const DEFAULT_LIMITS = { maxElements: 150_000, maxDepth: 1_000, budgetMs: 15_000 } as const;

import { MIN_ARTICLE_CHARS } from './min-article';

export { MIN_ARTICLE_CHARS };

/** Readability's own default: a first pick shorter than this makes it try again with fewer cuts. */
const READABILITY_CHAR_THRESHOLD = 500;
/**
 * A pick holding less than this share of the page's prose is taken for a piece of the article (a
 * product guide's intro without its products) and Readability tries again with fewer cuts, keeping
 * its longest attempt when that attempt grows the first pick (see `widens`).
 */
const MIN_PROSE_SHARE = 0.5;

type ParsedReadability = NonNullable<ReturnType<Readability<Element>['parse']>>;

/** Readability's own output on a prepared clone, before Kliping's rules and sanitizing. */
export interface ParsedArticle extends Omit<ParsedReadability, 'content'> {
  /** The article element Readability built inside the clone (classes kept, not sanitized). */
  content: Element;
}

/**
 * The raw Readability step on a document the caller owns (it is changed: lazy images resolved,
 * then Readability's own rewriting). Declutter uses it to map kept nodes back to the live page.
 * With `another` (a fresh clone on demand, or null when there is no time for it), a pick that is
 * one of an article's sibling sections is widened to all of them (./sections), and a pick holding
 * less than MIN_PROSE_SHARE of the page's prose is tried again with fewer cuts; each second pick
 * wins only when it widens the first.
 */
export function parseArticle(
  clone: Document,
  maxElements: number = DEFAULT_LIMITS.maxElements,
  another?: () => Document | null,
): ParsedArticle | null {
  const prose = prepare(clone);
  const layout = another ? readSectionLayout(clone) : null;
  let first = readability(clone, READABILITY_CHAR_THRESHOLD, maxElements);
  if (first && layout && another) first = withSections(first, layout, another, maxElements);
  const wanted = Math.round(prose * MIN_PROSE_SHARE);
  if (!another || wanted <= READABILITY_CHAR_THRESHOLD || (first && (first.length ?? 0) >= wanted)) return first;
  const spare = another();
  if (!spare) return first;
  prepare(spare);
  const second = readability(spare, wanted, maxElements);
  if (!first || !second) return first ?? second;
  return widens(first, second) ? second : first;
}

/** Lazy images made real, streamed parts put in place, collapsed panels opened, dialogs taken out, misread classes unweighted; returns the page's prose length. */
function prepare(clone: Document): number {
  if (clone.body) resolveLazyImages(clone.body);
  revealStreamedContent(clone);
  openCollapsedPanels(clone);
  removeDialogs(clone);
  unweightMisreadClasses(clone);
  return proseLength(clone);
}

function readability(clone: Document, charThreshold: number, maxElements: number): ParsedArticle | null {
  const parsed = new Readability<Element>(clone, {
    charThreshold,
    keepClasses: true,
    maxElemsToParse: maxElements,
    serializer: (node) => node as Element,
  }).parse();
  if (!parsed?.content) return null;
  return { ...parsed, content: parsed.content };
}

/** The pick widened to the sibling sections it belongs with (./sections), when that grows it. */
function withSections(first: ParsedArticle, layout: SectionLayout, another: () => Document | null, maxElements: number): ParsedArticle {
  const sections = findSections(layout, pickSources(first.content), first.length ?? 0);
  if (!sections) return first;
  const spare = another();
  if (!spare) return first;
  prepare(spare);
  if (!layOutSections(spare, sections)) return first;
  const widened = readability(spare, READABILITY_CHAR_THRESHOLD, maxElements);
  if (!widened || !widens(first, widened)) return first;
  // The metadata Readability read on the whole page stands; the body is the sections'.
  return { ...first, content: widened.content, textContent: widened.textContent, length: widened.length };
}

const foldSpace = (text: string | null) => collapseSpace(text ?? '').toLowerCase();

/**
 * The second pick is the first one grown: it holds most of the first's paragraphs and is no more
 * links than prose. A second pick elsewhere on the page (a rail of teasers, a comment thread) loses.
 */
function widens(first: ParsedArticle, second: ParsedArticle): boolean {
  if ((second.length ?? 0) <= (first.length ?? 0)) return false;
  const text = foldSpace(second.content.textContent);
  const paragraphs = elementsByTag(first.content, 'p').map((p) => foldSpace(p.textContent)).filter((p) => p.length >= 40);
  const held = paragraphs.filter((p) => text.includes(p)).length;
  if (paragraphs.length && held < paragraphs.length * 0.8) return false;
  const links = elementsByTag(second.content, 'a').reduce((sum, a) => sum + foldSpace(a.textContent).length, 0);
  return links < text.length * 0.3;
}

/**
 * Element count and nesting depth, walked in document order by sibling and parent links: no
 * recursion, so deep pages cannot overflow the stack, and no stack to allocate either.
 */
function measureTree(doc: Document, maxElements: number, maxDepth: number): { elements: number; depth: number } {
  let elements = 0;
  let depth = 0;
  const root = doc.documentElement;
  let el: Element | null = root;
  let level = 1;
  while (el) {
    elements += 1;
    if (level > depth) depth = level;
    if (elements > maxElements || depth > maxDepth) break;
    if (el.firstElementChild) {
      el = el.firstElementChild;
      level += 1;
      continue;
    }
    while (el && el !== root && !el.nextElementSibling) {
      el = el.parentElement;
      level -= 1;
    }
    el = el && el !== root ? el.nextElementSibling : null;
  }
  return { elements, depth };
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/**
 * The one extraction pipeline: `(Document, url) → Article | why not`. Works on a clone, so the
 * live page is never touched. Readability finds the article; Kliping's rules (data in ./rules)
 * remove the clutter it keeps; DOMPurify makes the result safe to render and store.
 */
export function extractArticle(doc: Document, url: string, options: ExtractOptions = {}): ExtractResult {
  const started = now();
  const { maxElements, maxDepth, budgetMs } = { ...DEFAULT_LIMITS, ...options };
  const canonicalUrl = canonicalUrlOf(doc, url);
  const pageTitle = doc.title?.trim() || url;
  const notArticle = (reason: NotArticleReason, detail: string): ExtractResult => ({
    ok: false,
    reason,
    detail,
    url,
    canonicalUrl,
    title: pageTitle,
  });
  const overBudget = () => now() - started > budgetMs;

  const size = measureTree(doc, maxElements, maxDepth);
  if (size.elements > maxElements) return notArticle('too-large', `The page has more than ${maxElements} elements.`);
  if (size.depth > maxDepth) return notArticle('too-large', `The page nests markup more than ${maxDepth} levels deep.`);
  if (!options.force && !isProbablyReaderable(doc)) {
    return notArticle('not-readerable', 'The page has too little text in paragraphs to be an article.');
  }

  let parsed: ParsedArticle | null;
  try {
    // The second try is a refinement: past a fifth of the budget the first pick stands, so a slow
    // machine gets the article Readability found rather than none at all.
    const spare = () => (now() - started > budgetMs / 5 ? null : (doc.cloneNode(true) as Document));
    parsed = parseArticle(doc.cloneNode(true) as Document, maxElements, spare);
  } catch (error) {
    const message = String(error);
    if (/Aborting parsing document/i.test(message)) return notArticle('too-large', `The page has more than ${maxElements} elements.`);
    return notArticle('parse-error', message);
  }
  if (!parsed) return notArticle('no-content', 'No article body was found.');
  if (overBudget()) return notArticle('too-large', `Extraction took longer than ${budgetMs} ms.`);

  const { content } = parsed;
  const page = readMetadata(doc);
  const headlines = removeTitleHeading(content, [parsed.title, page.title, pageTitle]);
  const removed = removeClutter(content);
  if (options.onRemoved) {
    for (const el of headlines) options.onRemoved({ el, rule: 'title-heading', matcher: 'title', match: 'the headline, shown once above the article' });
    for (const removal of removed) options.onRemoved(removal);
  }
  const win = (doc.defaultView ?? globalThis.window) as Window & typeof globalThis;
  const safe = sanitizeToBody(content.innerHTML, win);
  absolutizeUrls(safe, url);
  const contentHtml = safe.innerHTML;
  const textContent = blockText(safe, { skip: captionsIn(safe) });
  const wordCount = countWords(textContent);
  if (wordCount === 0 || textContent.length < MIN_ARTICLE_CHARS) {
    return notArticle('no-content', `Only ${wordCount} words of article text were found, less than a short paragraph.`);
  }
  if (overBudget()) return notArticle('too-large', `Extraction took longer than ${budgetMs} ms.`);

  const siteName = parsed.siteName?.trim() || page.siteName;
  const lang = parsed.lang?.trim() || page.lang;
  const rawTitle = parsed.title?.trim() || page.title || pageTitle;
  const title = cleanTitle(rawTitle, { siteName, headline: page.title, headings: topHeadings(doc) });
  let byline = cleanByline(parsed.byline) ?? cleanByline(page.byline);
  // A desk or the site's own name gives way to a person who signs in the page; with no one
  // signing, it stays (a personal blog's byline is its site's name).
  if (isWeakByline(byline, siteName)) byline = signedByline(doc.body) ?? byline;
  const firstImage = elementsByTag(safe, 'img').find((img) => img.hasAttribute('src'))?.getAttribute('src') ?? null;
  const article: Article = {
    url,
    canonicalUrl,
    title,
    byline,
    siteName,
    publishedTime: toIsoDate(parsed.publishedTime) ?? page.publishedTime ?? toIsoDate(splitBylineDate(parsed.byline).date),
    lang,
    dir: parsed.dir === 'rtl' || parsed.dir === 'ltr' ? parsed.dir : page.dir,
    excerpt: chooseExcerpt([parsed.excerpt, page.excerpt], title, byline, textContent),
    leadImageUrl: absoluteOrNull(page.leadImageUrl, url) ?? firstImage,
    wordCount,
    readingMinutes: readingMinutesOfText(textContent, lang),
    contentHtml,
    textContent,
  };
  return { ok: true, article };
}

/** The page's first few h1 texts: where a headline shows itself. */
function topHeadings(doc: Document): string[] {
  return elementsByTag(doc, 'h1')
    .slice(0, 5)
    .map((heading) => heading.textContent ?? '');
}

/** The headline repeated at the top of the body: the reader shows the title once, above it. Returns what it removed. */
function removeTitleHeading(content: Element, titles: (string | null | undefined)[]): Element[] {
  const wanted = new Set(titles.map(foldForTitle).filter((title) => title.length > 0));
  const removed = firstHeadings(content, 2).filter((heading) => wanted.has(foldForTitle(heading.textContent)));
  for (const heading of removed) heading.remove();
  return removed;
}

/** The first `count` of `content.querySelectorAll('h1, h2')`, without walking the rest. */
function firstHeadings(content: Element, count: number): Element[] {
  const headings: Element[] = [];
  firstElement(content, (el) => {
    if (el.localName === 'h1' || el.localName === 'h2') headings.push(el);
    return headings.length === count;
  });
  return headings;
}

function absoluteOrNull(value: string | null, base: string): string | null {
  if (!value) return null;
  try {
    const resolved = new URL(value, base);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : null;
  } catch {
    return null;
  }
}
