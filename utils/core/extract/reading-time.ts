/**
 * Silent reading speed in words per minute. Indonesian words are longer on average than English
 * ones (many affixes), so readers cover fewer of them a minute.
 */
const WORDS_PER_MINUTE: Record<string, number> = { en: 238, id: 200, ms: 200 };
const DEFAULT_WPM = 220;

/**
 * Chinese and Japanese are written without spaces, and their readers are measured in characters a
 * minute (IReST, Trauzettel-Klosinski et al. 2012: Chinese 255, Japanese 357). Han, kana and the
 * CJK punctuation-free letters count one each, whatever the page's declared language says.
 */
const CJK_CHARS_PER_MINUTE: Record<string, number> = { zh: 255, ja: 357 };
const DEFAULT_CJK_CPM = 300;
/** Characters read a minute in any script without spaces between words (Han, kana). */
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

const baseLang = (lang: string | null) => (lang ?? '').toLowerCase().split(/[-_]/)[0] ?? '';

export function readingMinutes(wordCount: number, lang: string | null): number {
  if (wordCount <= 0) return 0;
  const wpm = WORDS_PER_MINUTE[baseLang(lang)] ?? DEFAULT_WPM;
  return Math.max(1, Math.round(wordCount / wpm));
}

/**
 * Reading time of a text: its Chinese and Japanese characters at characters a minute, the words
 * of every other script at words a minute. A Japanese page is not "79 words" because it has few spaces.
 */
export function readingMinutesOfText(text: string, lang: string | null): number {
  const cjk = text.match(CJK_CHAR)?.length ?? 0;
  const words = text.replace(CJK_CHAR, ' ').match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
  if (cjk + words === 0) return 0;
  const base = baseLang(lang);
  const cpm = CJK_CHARS_PER_MINUTE[base] ?? (cjk > 0 && /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text) ? CJK_CHARS_PER_MINUTE.ja! : DEFAULT_CJK_CPM);
  const wpm = WORDS_PER_MINUTE[base] ?? DEFAULT_WPM;
  return Math.max(1, Math.round(cjk / cpm + words / wpm));
}
