/**
 * Whitespace folding, one way for every module: `\s` already covers tabs, newlines, the
 * no-break space and the other Unicode spaces, so `[\s\u00a0]` says nothing more than `\s`.
 */
const SPACE_RUN = /\s+/g;
/** Zero-width spaces too: page text uses them as invisible word breaks. */
const SPACE_OR_ZERO_WIDTH_RUN = /[\s\u200b]+/g;

/** Every run of whitespace as one space, the ends trimmed. */
export function collapseSpace(text: string): string {
  return text.replace(SPACE_RUN, ' ').trim();
}

/** `collapseSpace`, with zero-width spaces taken for whitespace. */
export function collapseSpaceAndZeroWidth(text: string): string {
  return text.replace(SPACE_OR_ZERO_WIDTH_RUN, ' ').trim();
}
