import { ads } from '../extract/rules/ads';
import { comments } from '../extract/rules/comments';
import { mostRead } from '../extract/rules/most-read';
import { navigation } from '../extract/rules/navigation';
import { newsletter } from '../extract/rules/newsletter';
import { relatedLinks } from '../extract/rules/related-links';
import { share } from '../extract/rules/share';
import { tags } from '../extract/rules/tags';
import { textSize } from '../extract/rules/text-size';
import type { ClutterRule } from '../extract/rules/types';

/**
 * What declutter keeps or hides inside the article's own stretch of the page. Everything outside
 * that stretch is hidden structurally (no rules needed); these rules only refine the inside.
 */

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
export const INVISIBLE_TAGS = new Set(['SCRIPT', 'STYLE', 'LINK', 'META', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'BASE']);

/** Below this much article text, declutter would hide the page around a scrap: refuse instead. */
export const MIN_ARTICLE_CHARS = 140;

/**
 * The extraction pipeline's clutter rules that also apply to the live page. Bylines, datelines and
 * photo credits are clutter in a saved copy (its header repeats them) but part of the article's
 * own look in place, so they stay.
 */
export const DECLUTTER_RULES: readonly ClutterRule[] = [relatedLinks, ads, newsletter, share, textSize, mostRead, comments, navigation, tags];
