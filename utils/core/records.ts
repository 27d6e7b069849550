import type { ArticleMetadata } from './article';

/*
 * The shapes of what the library keeps. Pure types and constants: the data layer stores them
 * (utils/data/schema.ts), the transfer formats, search and highlighting read them.
 */

/** Whether the user has read the article. */
export type ReadState = 'unread' | 'read';

/**
 * What the `contents` table holds for an article:
 * - `saved`: the extracted article (sanitized HTML + text) is stored; it can be read offline.
 * - `link-only`: the user saved only the link (restricted or non-article page); nothing to fetch.
 * - `pending-fetch`: imported (Pocket, Instapaper, bookmarks...) without content; the library
 *   fetches and extracts it when the user opens it (asking for the host permission then).
 */
export type ContentStatus = 'saved' | 'link-only' | 'pending-fetch';

/** What the user's library knows of an article beyond the page: kept in the database and in exports. */
export interface ArticleLibraryState {
  /** In the order the user typed them; trimmed, no case-insensitive duplicates (utils/core/tags.ts). */
  tags: string[];
  /** Epoch milliseconds when first saved (imports keep the source's time). */
  savedAt: number;
  /** Epoch milliseconds of the last change to this row, its content, note or highlights. */
  updatedAt: number;
  // ---- since version 2: readState, readingProgress, favorite, archived, contentStatus ----
  readState: ReadState;
  /** How far the user has scrolled through the saved copy: 0 (not started) … 1 (end). */
  readingProgress: number;
  favorite: boolean;
  archived: boolean;
  contentStatus: ContentStatus;
}

/**
 * A saved article's row. From `ArticleMetadata`: `canonicalUrl` is the unique key (normalized with
 * utils/url.ts normalizeUrl) and `url` the address as visited when last saved.
 */
export interface ArticleRecord extends ArticleMetadata, ArticleLibraryState {
  id: number;
}

/** The article body, kept apart so that listing the library never loads every body. */
export interface ContentRecord {
  articleId: number;
  /** Sanitized HTML of the article body (sanitize again before rendering: imports exist). */
  html: string;
  /** Block-aware plain text, one line per block (for search and export). */
  text: string;
}

/** The article's free-form note (one per article), saved as typed. */
export interface NoteRecord {
  articleId: number;
  text: string;
  updatedAt: number;
}

/**
 * W3C Web Annotation TextQuoteSelector: the quoted text with up to ~32 characters of context on
 * each side, so the quote can be found again even when positions shift.
 */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * W3C Web Annotation TextPositionSelector: [start, end) in UTF-16 code units of the "saved
 * text" — the concatenated text nodes (`textContent`) of the saved copy's body as rendered from
 * `contents.html` after sanitizing. Used when the quote is ambiguous or no longer matches.
 */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** A passage the user highlighted in a saved copy (since version 2). */
export interface HighlightRecord {
  /** A random UUID, so exports from two profiles merge without clashing. */
  id: string;
  articleId: number;
  /** The highlighted text; equal to `selector.quote.exact`. */
  quote: string;
  selector: { quote: TextQuoteSelector; position: TextPositionSelector };
  note?: string;
  color?: HighlightColor;
  createdAt: number;
  updatedAt: number;
}

/**
 * One picture, stored once however many articles show it (since version 3). The key is the
 * SHA-256 of its bytes, so two URLs serving the same file share one row.
 */
export interface ImageRecord {
  /** Lowercase hex SHA-256 of the bytes. */
  hash: string;
  blob: Blob;
  /** The MIME type the server gave (`image/jpeg`...). */
  type: string;
  /** Bytes, kept beside the blob so that space used is summed without reading any blob. */
  size: number;
  /** Pixel size read from the file's header; null for SVG and unknown formats. */
  width: number | null;
  height: number | null;
  createdAt: number;
}

/**
 * Why an image of a saved article is not kept. `skipped` ones (tracking pixels, tiny icons) are
 * left out on purpose; the others are said in the saved copy.
 */
export type ImageFailure =
  | 'permission'
  | 'network'
  | 'http-error'
  | 'not-image'
  | 'too-large'
  | 'article-cap'
  | 'total-cap'
  | 'tracking-pixel'
  | 'tiny';

/**
 * An image URL of one saved article (since version 3): kept (`hash` names its `images` row) or
 * not, and why. The saved HTML keeps the original URL; the page rendering it swaps in the blob.
 */
export interface ArticleImageRecord {
  articleId: number;
  /** The absolute URL as the saved HTML (or `leadImageUrl`) names it. */
  url: string;
  status: 'kept' | 'failed' | 'skipped';
  hash: string | null;
  reason: ImageFailure | null;
  /** The HTTP status, for `http-error`. */
  httpStatus?: number;
  updatedAt: number;
}
