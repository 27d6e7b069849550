import type { ClutterRule } from './types';

/**
 * Words a date-only line may consist of, besides digits and punctuation: month and weekday names
 * in English and Indonesian, time zones, "updated".
 */
export const DATE_WORDS =
  /\b(?:jan(?:uary|uari)?|feb(?:ruary|ruari)?|mar(?:ch|et)?|apr(?:il)?|may|mei|jun(?:e|i)?|jul(?:y|i)?|aug(?:ust)?|agu(?:stus)?|ags|sep(?:t|tember)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?|des(?:ember)?|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|am|pm|a\.m\.|p\.m\.|wib|wita|wit|utc|gmt|et|est|edt|pt|pst|pdt|ct|cst|cdt|bst|cet|cest|ist|updated|published|posted|diperbarui|dipublikasikan|diterbitkan|pukul|at|on|th|st|nd|rd)\b/giu;

/** "By", "Oleh", "Penulis:"… in any letter case; the name after it must be capitalized. */
const BYLINE_WORDS = ['by', 'oleh', 'penulis', 'reporter', 'editor', 'penyunting', 'written by', 'words by', 'laporan wartawan', 'kontributor'];
const anyCase = (word: string) =>
  word.replace(/\p{L}/gu, (letter) => `[${letter.toLowerCase()}${letter.toUpperCase()}]`);
const NAME = "\\p{Lu}[\\p{L}\\p{M}.'’-]*(?:\\s+(?:\\p{Lu}[\\p{L}\\p{M}.'’-]*|van|von|de|der|bin|binti|al|da|dos)){0,5}";
const CREDIT = `(?:${BYLINE_WORDS.map(anyCase).join('|')})\\s*:?\\s+${NAME}(?:\\s*(?:,|and|dan|&)\\s*${NAME})*`;
/** A line that is only bylines ("By Jane Doe", "Penulis: Budi | Editor: Ani"), maybe with a date after. */
const BYLINE_LINE = new RegExp(`^${CREDIT}(?:\\s*[|/·,–—-]\\s*(?:${CREDIT}|[^|]{0,50}\\d[^|]{0,30}))*\\.?$`, 'u');

/**
 * Bylines and datelines repeated in the body: the article header already carries them as
 * metadata. Only a short block that is nothing but a byline or a date goes; a dateline that opens
 * a paragraph ("JAKARTA, Kompas.com - …") is prose and stays.
 */
export const datelines: ClutterRule = {
  name: 'datelines',
  shortTexts: { pattern: BYLINE_LINE, maxLength: 140 },
  dateOnly: DATE_WORDS,
  labels: /^(?:published|updated|posted|last updated|diperbarui|dipublikasikan|diterbitkan)\s*:?$/i,
  classWords: ['byline', 'dateline', 'author', 'writer', 'timestamp', 'published', 'entry-meta', 'post-meta', 'article-meta', 'meta-date', 'posted-on', 'reporter'],
};

