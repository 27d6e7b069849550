/**
 * Silent reading speed in words per minute. Indonesian words are longer on average than English
 * ones (many affixes), so readers cover fewer of them a minute.
 */
const WORDS_PER_MINUTE: Record<string, number> = { en: 238, id: 200, ms: 200 };
const DEFAULT_WPM = 220;

export function readingMinutes(wordCount: number, lang: string | null): number {
  if (wordCount <= 0) return 0;
  const base = (lang ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  const wpm = WORDS_PER_MINUTE[base] ?? DEFAULT_WPM;
  return Math.max(1, Math.round(wordCount / wpm));
}
