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

export type { ClutterRule } from './types';

/** Every clutter rule the pipeline applies, one module per concern. */
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
