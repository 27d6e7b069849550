import type { TextPositionSelector, TextQuoteSelector } from './model';

/** How much context a TextQuoteSelector carries either side (the W3C spec suggests ~32). */
export const CONTEXT_CHARS = 32;

/** Selectors for the first occurrence of `exact` in `text`, or null when it is not there. */
export function quoteSelectorIn(text: string, exact: string): { quote: TextQuoteSelector; position: TextPositionSelector } | null {
  const start = text.indexOf(exact);
  if (start < 0) return null;
  const end = start + exact.length;
  return {
    quote: { type: 'TextQuoteSelector', exact, prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start), suffix: text.slice(end, end + CONTEXT_CHARS) },
    position: { type: 'TextPositionSelector', start, end },
  };
}
