import type { ClutterRule } from './types';

/**
 * Cards a page shows only on hover (a person's photo and latest headlines behind a name): in the
 * markup they sit inside the sentence, so a reader would see them spliced into the prose.
 */
export const hoverCards: ClutterRule = {
  name: 'hover-cards',
  classPatterns: [/^(?:tooltip|popover|hover-?card|rollover-(?:[a-z]+-)?(?:block|card|box))$/i],
};
