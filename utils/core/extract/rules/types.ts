/**
 * A clutter rule is data: what to look for, never code per site. The engine in `../clutter.ts`
 * applies every kind of matcher the same way, under the same guard that protects article prose.
 */
export interface ClutterRule {
  /** What the rule removes; shown in tests and debugging output. */
  name: string;
  /** CSS selectors whose matches are clutter. */
  selectors?: string[];
  /** Words that mark clutter when they are a whole part of a class or id (split on space, `-`, `_`). */
  classWords?: string[];
  /** Whole-class/id patterns for names that do not split into words ("bacajuga"). */
  classPatterns?: RegExp[];
  /** An element whose entire text is one of these is clutter ("ADVERTISEMENT"). */
  labels?: RegExp;
  /**
   * A screen-reader-only element (`visually-hidden`, `sr-only`, `screen-reader-text`…) whose
   * entire text is one of these: removed wherever it sits, even inside a line of text.
   */
  screenReaderLabels?: RegExp;
  /** A block that starts with one of these and is otherwise links ("Baca juga: <a>…</a>"). */
  leadPhrases?: RegExp[];
  /** A heading with this entire text titles a box of links that is clutter ("Terpopuler"). */
  boxHeadings?: RegExp;
  /** Whole-text patterns for short blocks ("By Jane Doe", "Foto: Antara"); `maxLength` bounds them. */
  shortTexts?: { pattern: RegExp; maxLength: number };
  /** A list whose every item is one short link (a menu): at least `minItems`, each at most `maxItemLength` characters. */
  linkLists?: { minItems: number; maxItemLength: number };
  /**
   * A short block that is nothing but a date: `words` are all it may hold besides digits and
   * punctuation (global), and it must name a day somewhere (`day`).
   */
  dateOnly?: { words: RegExp; day: RegExp };
  /** A block that is nothing but link text, shaped like this ("SHOUTED HEADLINE", "Story [VIDEO]"). */
  linkLines?: RegExp[];
  /**
   * Class and id matches are removed up to this many characters and three paragraphs even when they
   * read as prose (an author's bio); without it, prose under a matching class always stays.
   */
  proseUpTo?: number;
}
