/** What names an article wherever it is kept: the page, the database, an export file. */
export interface ArticleMetadata {
  /** The URL as visited. */
  url: string;
  /** The page's canonical URL with tracking parameters and fragment removed: the saved copy's key. */
  canonicalUrl: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  /** ISO 8601, or null when the page does not say. */
  publishedTime: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  excerpt: string | null;
  leadImageUrl: string | null;
  wordCount: number;
  readingMinutes: number;
}

/** What the extraction pipeline hands to every caller (popup, reader, declutter, CLI, bench). */
export interface Article extends ArticleMetadata {
  /** Sanitized HTML of the article body. */
  contentHtml: string;
  /** Block-aware plain text: one line per block. */
  textContent: string;
}

/** The metadata fields alone, copied from any record that carries them (and more). */
export function metadataOf(a: ArticleMetadata): ArticleMetadata {
  return {
    url: a.url,
    canonicalUrl: a.canonicalUrl,
    title: a.title,
    byline: a.byline,
    siteName: a.siteName,
    publishedTime: a.publishedTime,
    lang: a.lang,
    dir: a.dir,
    excerpt: a.excerpt,
    leadImageUrl: a.leadImageUrl,
    wordCount: a.wordCount,
    readingMinutes: a.readingMinutes,
  };
}

/** Metadata of a page known only by its link: everything but the address and a title is unknown. */
/**
 * Who wrote it, for display beside the site's name: many sites give their own name as the author
 * ("BBC News · BBC News"), which then says nothing the site's name does not.
 */
export function bylineBesideSite(byline: string | null, siteName: string | null): string | null {
  if (!byline) return null;
  const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
  return siteName && same(byline, siteName) ? null : byline;
}

export function linkMetadata(url: string, canonicalUrl: string, title: string): ArticleMetadata {
  return {
    url,
    canonicalUrl,
    title,
    byline: null,
    siteName: null,
    publishedTime: null,
    lang: null,
    dir: null,
    excerpt: null,
    leadImageUrl: null,
    wordCount: 0,
    readingMinutes: 0,
  };
}

export type NotArticleReason = 'not-readerable' | 'no-content' | 'too-large' | 'parse-error';

export type ExtractResult =
  | { ok: true; article: Article }
  | { ok: false; reason: NotArticleReason; detail: string; url: string; canonicalUrl: string; title: string };

/** A link the user saves without an extracted article (restricted pages, non-articles). */
export interface LinkOnly {
  url: string;
  canonicalUrl: string;
  title: string;
}

/** What a save carries: a full article, or only a link. */
export type SavePayload = { kind: 'article'; article: Article } | { kind: 'link'; link: LinkOnly };

/** The address a save is known by in the library, whichever kind it is. */
export function canonicalUrlOf(page: SavePayload): string {
  return page.kind === 'article' ? page.article.canonicalUrl : page.link.canonicalUrl;
}
