/** What the extraction pipeline hands to every caller (popup, reader, declutter, CLI, bench). */
export interface Article {
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
  /** Sanitized HTML of the article body. */
  contentHtml: string;
  /** Block-aware plain text: one line per block. */
  textContent: string;
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
