import { asciiLowerCase, elementsByTag, firstElement, hasAttrToken, isJsonLdScript } from '../dom';
import { collapseSpace } from '../text';

/**
 * Page metadata read from the original document without changing it: JSON-LD, meta tags and
 * `<time>` elements. The pipeline prefers what Readability found and falls back to these.
 */
export interface PageMetadata {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  leadImageUrl: string | null;
  excerpt: string | null;
}

const ARTICLE_TYPES = /^(?:(?:News|Blog|Scholarly|Tech|Report|Opinion|Analysis|Review)?Article|BlogPosting|LiveBlogPosting|Report|WebPage|ReportageNewsArticle)$/;

type Json = Record<string, unknown>;

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

function jsonLdObjects(doc: Document): Json[] {
  const found: Json[] = [];
  const scripts = elementsByTag(doc, 'script').filter(isJsonLdScript);
  for (const script of scripts) {
    let data: unknown;
    try {
      data = JSON.parse((script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ''));
    } catch {
      continue; // A site's broken JSON-LD is not our failure; the meta tags still speak.
    }
    const queue = asArray(data);
    while (queue.length && found.length < 50) {
      const item = queue.shift();
      if (!item || typeof item !== 'object') continue;
      const obj = item as Json;
      if (obj['@graph']) queue.push(...asArray(obj['@graph']));
      found.push(obj);
    }
  }
  return found;
}

function typeMatches(obj: Json): boolean {
  return asArray(obj['@type']).some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t));
}

function nameOf(value: unknown): string | null {
  const names = asArray(value)
    .map((item) => (typeof item === 'string' ? item : item && typeof item === 'object' ? (item as Json).name : null))
    .filter((name): name is string => typeof name === 'string' && name.trim().length > 0)
    .map((name) => name.trim());
  return names.length ? names.join(', ') : null;
}

function urlOf(value: unknown): string | null {
  for (const item of asArray(value)) {
    if (typeof item === 'string' && item.trim()) return item.trim();
    if (item && typeof item === 'object') {
      const url = (item as Json).url ?? (item as Json).contentUrl;
      if (typeof url === 'string' && url.trim()) return url.trim();
    }
  }
  return null;
}

type MetaTags = Map<string, string>;

/** Every `<meta>` by lower-cased property, name or itemprop, first one winning: one pass, no selector per key. */
function metaTags(doc: Document): MetaTags {
  const tags: MetaTags = new Map();
  for (const el of elementsByTag(doc, 'meta')) {
    const content = el.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      for (const key of (el.getAttribute(attr) ?? '').toLowerCase().split(/\s+/)) {
        if (key && !tags.has(key)) tags.set(key, content);
      }
    }
  }
  return tags;
}

function meta(tags: MetaTags, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = tags.get(key.toLowerCase());
    if (value) return value;
  }
  return null;
}

/**
 * ISO 8601 from what pages write: ISO forms are kept as written (with their offset, if any);
 * other parsable forms become UTC ISO strings. Nothing parsable gives null.
 */
export function toIsoDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const value = raw.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(value);
  if (iso) {
    const [, date, time, zone] = iso;
    if (!time) return date!;
    return `${date}T${time.replace(',', '.')}${zone ? zone.toUpperCase() : ''}`;
  }
  if (!/\d{4}/.test(value)) return null;
  const parsed = Date.parse(value);
  return Number.isFinite(parsed) ? new Date(parsed).toISOString() : null;
}

function publishedFrom(doc: Document, tags: MetaTags, ld: Json[]): string | null {
  for (const obj of ld) {
    if (!typeMatches(obj)) continue;
    const value = toIsoDate(typeof obj.datePublished === 'string' ? obj.datePublished : typeof obj.dateCreated === 'string' ? obj.dateCreated : null);
    if (value) return value;
  }
  const fromMeta = toIsoDate(
    meta(tags, 'article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'sailthru.date', 'parsely-pub-date', 'content_PublishedDate'),
  );
  if (fromMeta) return fromMeta;
  const time = firstPublishedTime(doc) ?? firstDatePublishedItem(doc);
  return toIsoDate(time?.getAttribute('datetime') ?? time?.getAttribute('content') ?? null);
}

/**
 * `time[itemprop~="datePublished"], time[pubdate], time[class*="publish" i], time[datetime]`:
 * the first such `<time>` in document order.
 */
function firstPublishedTime(doc: Document): Element | null {
  for (const time of elementsByTag(doc, 'time')) {
    if (time.hasAttribute('datetime') || time.hasAttribute('pubdate') || hasAttrToken(time, 'itemprop', 'datePublished')) return time;
    if (asciiLowerCase(time.getAttribute('class') ?? '').includes('publish')) return time;
  }
  return null;
}

/** `[itemprop~="datePublished"]`: pages that mark the date up without a `<time>`. */
function firstDatePublishedItem(doc: Document): Element | null {
  return firstElement(doc, (el) => hasAttrToken(el, 'itemprop', 'datePublished'));
}

function langFrom(doc: Document, tags: MetaTags): string | null {
  const html = doc.documentElement;
  const raw =
    html?.getAttribute('lang') ||
    html?.getAttribute('xml:lang') ||
    meta(tags, 'content-language', 'language', 'dc.language', 'og:locale');
  const lang = raw?.trim().split(/[,;\s]/)[0]?.replace('_', '-');
  return lang || null;
}

export function readMetadata(doc: Document): PageMetadata {
  const ld = jsonLdObjects(doc);
  const tags = metaTags(doc);
  const article = ld.find(typeMatches) ?? null;
  const dirAttr = (doc.documentElement?.getAttribute('dir') ?? doc.body?.getAttribute('dir') ?? '').toLowerCase();
  return {
    title: (typeof article?.headline === 'string' ? article.headline.trim() : null) || meta(tags, 'og:title', 'twitter:title'),
    byline: nameOf(article?.author) ?? meta(tags, 'author', 'article:author', 'parsely-author', 'dc.creator', 'sailthru.author', 'byl'),
    siteName: nameOf((article?.publisher as Json | undefined)?.name ?? null) ?? meta(tags, 'og:site_name', 'application-name'),
    publishedTime: publishedFrom(doc, tags, ld),
    lang: langFrom(doc, tags),
    dir: dirAttr === 'rtl' ? 'rtl' : dirAttr === 'ltr' ? 'ltr' : null,
    leadImageUrl: meta(tags, 'og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src') ?? urlOf(article?.image),
    excerpt: meta(tags, 'description', 'og:description', 'twitter:description'),
  };
}

/**
 * What bylines open with, in the languages Kliping's readers meet: English, Indonesian, Spanish and
 * Portuguese ("Publicado por:", "Por"), French ("Par"), German ("Von"), Italian ("Scritto da"),
 * Dutch ("Door"), Russian ("Текст:", "Автор:"), Polish ("Autor:"). Words that are also names or
 * common words elsewhere ("Por", "Par", "Von", "Door") count only before a name of two words or more.
 */
const BYLINE_LEAD =
  /^(?:by|oleh|penulis|reporter|written by|words by|posted by|dilaporkan oleh|laporan wartawan|editor|publicado por|escrito por|publié par|écrit par|scritto da|geschrieben von|autor(?:in)?|auteur|author|текст|автор|редактор)\s*:?\s*/iu;
const SHORT_LEAD = /^(?:[Pp]or|[Pp]ar|[Vv]on|[Dd]oor|[Dd]i|[Aa]v|[Aa]f)\s*:?\s+(?=\p{Lu}\S*\s+\S)/u;

const MONTH_NAMES =
  'jan(?:uary|uari)?|feb(?:ruary|ruari)?|mar(?:ch|et)?|apr(?:il)?|may|mei|jun(?:e|i)?|jul(?:y|i)?|aug(?:ust)?|agu(?:stus)?|sep(?:t|tember)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?|des(?:ember)?';
/**
 * A date glued to or following the name ("Carrie ArnoldNovember 15, 2019", "Jane Doe | 3 May
 * 2024"): where a byline element holds the date too and its text runs together.
 */
const TRAILING_DATE = new RegExp(
  `^(.*?)(?:\\s*[|,·–—-]\\s*|\\s+|(?<=\\p{Ll}))((?:(?:${MONTH_NAMES})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\s+(?:${MONTH_NAMES})\\.?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{4})\\b.*)$`,
  'iu',
);

/** The byline and the date its text carries after the name, when it carries one. */
export function splitBylineDate(raw: string | null | undefined): { byline: string | null; date: string | null } {
  if (!raw) return { byline: null, date: null };
  const value = collapseSpace(raw);
  const match = TRAILING_DATE.exec(value);
  if (!match || !/\p{L}{2}/u.test(match[1]!)) return { byline: value, date: null };
  return { byline: match[1]!, date: match[2]!.trim() };
}

/** A byline as a name: no "By"/"Oleh"/"Penulis:"/"Текст:" in front, no date after, no trailing separators. */
export function cleanByline(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let value = splitBylineDate(raw).byline ?? '';
  for (let i = 0; i < 2; i++) value = value.replace(BYLINE_LEAD, '').replace(SHORT_LEAD, '').trim();
  value = value.replace(/^[|,·:–—-]+\s*|\s*[|,·:–—-]+$/g, '').trim();
  if (!value || value.length > 200 || /^https?:\/\//i.test(value) || STATUS_ONLY.test(value)) return null;
  return value;
}

/** What is left of a byline that was only a date ("Last Updated: January 7, 2025"). */
const STATUS_ONLY = /^(?:last )?(?:updated|published|posted|diperbarui|dipublikasikan)(?:\s+(?:on|at))?$/i;

/** A desk, not a person: what a site puts where a name belongs when no one signs. */
const DESK = /^(?:redacci[oó]n|reda[cç][aã]o|r[eé]daction|redaktion|redazione|redaksi|tim redaksi|newsroom|news ?desk|web ?desk|staff(?: writer| reporter)?s?|editorial(?: (?:team|staff|board))?|editors?|the editors|admin(?:istrator)?|team|desk)$/i;

/** A byline that names a desk or only the site itself: any signed name on the page is better. */
export function isWeakByline(byline: string | null, siteName: string | null): boolean {
  if (!byline) return true;
  if (DESK.test(byline.trim())) return true;
  return !!siteName && foldForTitle(byline) === foldForTitle(siteName);
}

const SIGNED_LEAD = /^(?:publicado por|escrito por|posted by|written by|by|oleh|penulis|por|par|von|door|автор|текст)\s*:?\s+/iu;
/** Two to five capitalized words: a person's name, in any case-marking script. */
const PERSON = /^\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’-]*){1,4}$/u;
const signature = (text: string) => {
  const lead = SIGNED_LEAD.exec(text);
  const name = lead ? text.slice(lead[0].length) : '';
  return lead && PERSON.test(name) ? name : null;
};

/**
 * A person's name signed in the page's text ("Publicado por: Ana García", "By Jane Doe"): the
 * first short line that is nothing but such a signature.
 */
export function signedByline(root: Element | null): string | null {
  if (!root) return null;
  const found = firstElement(root, (el) => {
    if (el.children.length > 3) return false;
    const text = collapseSpace(el.textContent ?? '');
    return text.length > 0 && text.length <= 80 && signature(text) !== null;
  });
  const text = found?.textContent ? collapseSpace(found.textContent) : undefined;
  return text ? signature(text) : null;
}

/**
 * An excerpt that tells the reader something: not the title again, not "By Jane Doe". Candidates
 * are tried in order; the first paragraph of the text is the last resort.
 */
export function chooseExcerpt(candidates: (string | null | undefined)[], title: string, byline: string | null, text: string): string | null {
  const folded = foldForTitle(title);
  const useful = (value: string) => {
    const own = foldForTitle(value);
    if (!own || own === folded || (folded.length > 0 && folded.startsWith(own))) return false;
    if (BYLINE_LEAD.test(value) && value.length < 120) return false;
    return !(byline && own === foldForTitle(byline));
  };
  for (const raw of candidates) {
    const value = raw ? collapseSpace(raw) : raw;
    if (value && useful(value)) return value;
  }
  const paragraph = text.split('\n').find((line) => line.length >= 80 && useful(line));
  return paragraph ? (paragraph.length > 300 ? `${paragraph.slice(0, 297).replace(/\s+\S*$/, '')}…` : paragraph) : null;
}

const TITLE_SEPARATORS = /\s+[|\-–—·:»/]\s+/;
/** Dashes Readability 0.6 does not treat as separators; a trailing "– Site" after them is ours to cut. */
const DASH_SEPARATOR = /\s+[–—]\s+/g;

export interface TitleContext {
  /** The site's name, from Readability or the page's metadata. */
  siteName: string | null;
  /** The page's own headline (JSON-LD headline, og:title): shows which part is the article's. */
  headline: string | null;
  /** Texts of the page's top headings: a title equal to one of them is a headline, never cut. */
  headings?: string[];
}

/** A title reduced to its letters and digits, lower-cased: how two titles are compared. */
export const foldForTitle = (text: string | null | undefined) => (text ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * The title without the site's name: "Headline - Site" and "Site | Headline" lose "Site" when
 * the site name is known, or when the page's own headline (og:title, JSON-LD) shows which part
 * is the article's. With no site name, a short trailing "– Something" goes the way Readability
 * already sends "- Something", unless a heading of the page shows the whole title is the headline.
 */
export function cleanTitle(title: string, { siteName, headline, headings = [] }: TitleContext): string {
  const value = collapseSpace(title);
  const fold = foldForTitle;
  if (headline) {
    const cleanHeadline = collapseSpace(headline);
    if (fold(cleanHeadline) !== fold(value) && fold(value).includes(fold(cleanHeadline)) && cleanHeadline.length >= 15) {
      const parts = value.split(TITLE_SEPARATORS);
      if (parts.some((part) => fold(part) === fold(cleanHeadline))) return cleanHeadline;
    }
  }
  if (headings.some((heading) => fold(heading) === fold(value))) return value;
  const cut = siteName ? withoutSiteName(value, siteName) : withoutDashSuffix(value);
  return restoredColonPrefix(cut, headings);
}

/**
 * Readability cuts a title at its colon when no heading repeats the whole title; a heading that
 * reads "Prefix: <title>" shows the prefix was part of the headline after all.
 */
function restoredColonPrefix(title: string, headings: string[]): string {
  const folded = foldForTitle(title);
  if (!folded) return title;
  for (const raw of headings) {
    const heading = collapseSpace(raw);
    const colon = heading.indexOf(': ');
    if (colon < 0 || wordCount(heading.slice(0, colon)) > 3) continue;
    if (foldForTitle(heading.slice(colon + 1)) === folded) return `${heading.slice(0, colon)}: ${title}`;
  }
  return title;
}

function withoutSiteName(value: string, siteName: string): string {
  const fold = foldForTitle;
  const site = fold(siteName);
  const parts = value.split(TITLE_SEPARATORS);
  // A page whose title is the site's name (a home page) keeps it whole.
  if (parts.length < 2 || !site || fold(value) === site) return value;
  const isSite = (part: string) => {
    const folded = fold(part);
    return folded === site || folded === `${site}com` || (folded.length > 2 && site.startsWith(folded)) || (site.includes(folded) && folded.length >= 4);
  };
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const separators = value.match(new RegExp(TITLE_SEPARATORS.source, 'g')) ?? [];
  if (isSite(last)) {
    const cut = value.lastIndexOf(separators[separators.length - 1]!);
    const kept = value.slice(0, cut).trim();
    if (kept.length >= 10) return kept;
  } else if (isSite(first)) {
    const kept = value.slice(value.indexOf(separators[0]!) + separators[0]!.length).trim();
    if (kept.length >= 10) return kept;
  }
  return value;
}

/** "Headline – My website": the last dash part goes when it is short and three words or more remain. */
function withoutDashSuffix(value: string): string {
  const dashes = Array.from(value.matchAll(DASH_SEPARATOR));
  const last = dashes[dashes.length - 1];
  if (!last || last.index === undefined) return value;
  const kept = value.slice(0, last.index).trim();
  const dropped = value.slice(last.index + last[0].length).trim();
  return wordCount(kept) >= 3 && wordCount(dropped) <= 4 ? kept : value;
}
