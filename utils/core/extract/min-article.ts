/**
 * Less article text than a short paragraph: nothing to read, whatever Readability chose. This,
 * not `isProbablyReaderable`, is what says "no article" when the user asked for one (`force`).
 * A module of its own: Declutter's rules share it, and the content script (which watches for late
 * clutter with those rules) must not pull in the extraction pipeline with it.
 */
export const MIN_ARTICLE_CHARS = 140;
