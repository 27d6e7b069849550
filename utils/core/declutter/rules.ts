/**
 * Declutter's own thresholds and selectors; its clutter rules are the extraction's, from
 * `../extract/rules`. What declutter keeps or hides inside the article's own stretch of the page.
 * Everything outside that stretch is hidden structurally (no rules needed); these only refine the inside.
 */

import { DIALOG_SELECTOR } from '../extract/dialogs';

/** Article furniture Readability lifts out of its content but a reader still wants to see in place. */
export const HEADER_BITS_SELECTOR = [
  'time',
  '[rel~="author"]',
  '[itemprop~="author"]',
  '[itemprop~="datePublished"]',
  '[class*="byline" i]',
  '[class*="author" i]',
  '[class*="writer" i]',
  '[class*="date" i]',
  '[class*="meta" i]',
].join(',');

/** Header bits are short; a long block that merely has a matching class is not one. */
export const HEADER_BIT_MAX_CHARS = 200;

/** Pictures, videos and their captions stay, even where Readability dropped their wrapper. */
export const MEDIA_SELECTOR = 'img, picture, video, audio, iframe, figure, figcaption, svg, canvas';
export const MEDIA_TAGS = new Set(['IMG', 'PICTURE', 'VIDEO', 'AUDIO', 'IFRAME', 'FIGURE', 'FIGCAPTION', 'SOURCE', 'svg', 'SVG', 'CANVAS']);
/** A wrapper around media counts as media while its own text stays caption-sized. */
export const MEDIA_WRAPPER_MAX_CHARS = 300;

/** Elements that are never visible content: hiding them changes nothing, so they are never marked. */
/** Headings that title a section of the article (the page's own <h1> is the headline's). */
export const SECTION_HEADING_TAGS = new Set(['H2', 'H3', 'H4', 'H5', 'H6']);

/**
 * Where a page repeats its headline without it being the headline: a dialog (a "Republish this
 * article" box holds a copy of it, see ../extract/dialogs), a part the page marks hidden, and
 * navigation: a breadcrumb trail ends with the article's title, marked `aria-current="page"` (the
 * ARIA breadcrumb pattern, as Yoast and Rank Math write it). Matched below `<body>` only: a theme's
 * state classes on `<body>` ("genesis-breadcrumbs-hidden") say nothing of the headline.
 */
export const NOT_HEADLINE_SELECTOR = `${DIALOG_SELECTOR}, [hidden], nav, button, [aria-current]:not([aria-current="false"])`;

/** How far up from a text that starts the title its element may be (inline markup inside a headline). */
export const TITLE_HOLDER_CLIMB = 3;

export const INVISIBLE_TAGS = new Set(['SCRIPT', 'STYLE', 'LINK', 'META', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'BASE']);

/** Below this much article text (less than a short paragraph) there is no article: refuse instead. */
export { MIN_ARTICLE_CHARS } from '../extract/min-article';

/** Elements with no text of their own whose hiding would change the article's lines: never hidden. */
export const NEVER_HIDDEN_TAGS = new Set(['BR', 'WBR']);

/**
 * The title block: the headline's wrappers (the `<header>` around an `<h1>` is the common real
 * pattern), up to the largest one that holds little more than the headline — standfirst, byline,
 * date, lead image — and none of the body.
 */
export const TITLE_BLOCK_EXTRA_CHARS = 700;
/** A heading whose words are mostly the title's is the headline, when no heading matches it outright. */
export const TITLE_WORD_SHARE = 0.7;
/** An `<h1>` just before the body sharing this much of its words with the page's title is the headline too. */
export const TITLE_SOME_WORDS = 0.25;
/** A page's only `<h1>` this many words long or more is a headline, not a logo. */
export const HEADLINE_MIN_WORDS = 4;
/** A site's name at the end of a <title> is a few words, fewer than the headline before it. */
export const SITE_NAME_MAX_WORDS = 4;

/**
 * Embedded posts, galleries, ads and promos in mid-article: where Readability's body tends to stop
 * though the article goes on after them. Tags, classes and ids of the common embed codes
 * (Twitter/X, Instagram, TikTok, Facebook, YouTube), gallery and ad slots, in English and Indonesian.
 */
export const EMBED_TAGS = new Set(['IFRAME', 'EMBED', 'OBJECT', 'VIDEO', 'AUDIO', 'FIGURE', 'PICTURE', 'IMG', 'INS']);
export const EMBED_CLASS = /twitter|tweet|instagram|tiktok|facebook|fb-post|youtube|embed|social|gallery|galeri|slideshow|carousel|video|player|\bads?\b|advert|iklan|sponsor|promo|parallax|banner|dfp|gpt/i;
/** The markup of embedded posts and players: unclosed, it swallows the paragraphs after it. */
export const EMBED_SELECTOR = 'iframe, blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed, .fb-post, [class*="embed" i]';
/** An embed's own text (a tweet with its author line, a gallery's captions) stays below this. */
export const EMBED_MAX_CHARS = 1500;
/** Short blocks (an "ADVERTISEMENT" label, a "Baca juga:" line) may sit between an embed and the text after it. */
export const GAP_MAX_CHARS = 200;
/** How many embeds and short blocks in a row an article may have between two paragraphs. */
export const MAX_GAPS = 4;
/** How many wrappers up from the last paragraph Readability kept the continuation is looked for. */
export const MAX_CLIMB = 4;
/** Prose after the embed: paragraphs this long with few links, and no comment/related box around them. */
export const PROSE_MIN_CHARS = 80;
export const PROSE_MAX_LINK_SHARE = 0.3;
/** How much of a continuation's text its prose paragraphs must be. */
export const PROSE_SHARE = 0.6;
/** Where text sits when a page writes no <p>: a block of these with no block inside reads as a paragraph. */
export const TEXT_BLOCK_TAGS = 'div, li, td, dd, blockquote';
export const BLOCK_CHILD_SELECTOR = 'div, p, section, article, aside, header, footer, nav, form, ul, ol, dl, table, li, td, dd, blockquote, h1, h2, h3, h4, h5, h6';
export const NOT_ARTICLE_CLASS = /comment|komentar|related|terkait|recommend|rekomendasi|footer|sidebar|newsletter|subscribe|popular|populer|trending|more-stories|read-next|next-article/i;

