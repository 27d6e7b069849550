import { ads } from './ads';
import { authorNotes } from './author-notes';
import { comments } from './comments';
import { consent } from './consent';
import { callsToAction } from './calls-to-action';
import { datelines } from './datelines';
import { disclosures } from './disclosures';
import { hoverCards } from './hover-cards';
import { mediaPlaceholders } from './media-placeholders';
import { mostRead } from './most-read';
import { navigation } from './navigation';
import { newsletter } from './newsletter';
import { photoCredits } from './photo-credits';
import { printOnly } from './print-only';
import { relatedLinks } from './related-links';
import { share } from './share';
import { siteFooter } from './site-footer';
import { tags } from './tags';
import { textSize } from './text-size';
import { videoPromos } from './video-promos';
import type { ClutterRule } from './types';

/**
 * The clutter rules' one public surface: extraction and declutter both take their rules from
 * here, grouped by what they are for, and never from the rule files themselves.
 */
export type { ClutterRule } from './types';

/** Every clutter rule the extraction pipeline applies to a saved copy, one module per concern. */
export const CLUTTER_RULES: readonly ClutterRule[] = [
  relatedLinks,
  ads,
  newsletter,
  share,
  textSize,
  mostRead,
  tags,
  photoCredits,
  datelines,
  comments,
  navigation,
  consent,
  mediaPlaceholders,
  hoverCards,
  authorNotes,
  printOnly,
  siteFooter,
  videoPromos,
  disclosures,
  callsToAction,
];

/**
 * Rules for a saved copy only. Bylines, datelines and photo credits are clutter in a saved copy
 * (its header repeats them) but part of the article's own look in place; a player's labels and
 * promos (media placeholders, video promos) go with a player the live page still has. Affiliate
 * disclosures stay in place too: WCXB's truth counts them as part of some articles.
 */
const SAVED_COPY_ONLY: ReadonlySet<ClutterRule> = new Set([photoCredits, datelines, mediaPlaceholders, videoPromos, disclosures]);

/**
 * The rules that also apply to the live page (declutter in place): all the others. Cookie bars,
 * author bios, the site's copyright block, print-only parts, hover cards and vendors' pitches are no more the article in place than in a saved copy.
 */
export const DECLUTTER_RULES: readonly ClutterRule[] = CLUTTER_RULES.filter((rule) => !SAVED_COPY_ONLY.has(rule));
