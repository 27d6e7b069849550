import type { ClutterRule } from './types';

const MONTHS =
  'jan(?:uary|uari)?|feb(?:ruary|ruari)?|mar(?:ch|et)?|apr(?:il)?|may|mei|jun(?:e|i)?|jul(?:y|i)?|aug(?:ust)?|agu(?:stus)?|ags|sep(?:t|tember)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?|des(?:ember)?';
const WEEKDAYS =
  'mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|senin|selasa|rabu|kamis|jumat|jum\'at|sabtu|minggu';
const STATUS = 'updated|published|posted|first|last|diperbarui|dipublikasikan|diterbitkan';
const CLOCK = 'am|pm|wib|wita|wit|utc|gmt|et|est|edt|pt|pst|pdt|ct|cst|cdt|bst|cet|cest|ist|pukul|at|on';

/**
 * A line that is only a date: besides digits and punctuation, it holds nothing but month and
 * weekday names (English and Indonesian), time zones, "updated", ordinals ("20th") and "p.m.";
 * and it names a day (a month, a weekday, a year or "updated"): "4:14 p.m." alone is a heading
 * of a live-updates article, not a dateline.
 */
const DATE_LINE = {
  words: new RegExp(`\\b(?:${MONTHS}|${WEEKDAYS}|${STATUS}|${CLOCK})\\b|(?<=\\d)(?:st|nd|rd|th)\\b|\\b[ap]\\.m\\.`, 'giu'),
  day: new RegExp(`\\b(?:${MONTHS}|${WEEKDAYS}|${STATUS})\\b|\\d{4}|\\b\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b`, 'iu'),
};

/** "By", "Oleh", "Penulis:"… in any letter case; the name after it must be capitalized. */
const BYLINE_WORDS = ['posted by', 'published by', 'by', 'oleh', 'penulis', 'reporter', 'editor', 'penyunting', 'written by', 'words by', 'laporan wartawan', 'kontributor'];
const anyCase = (word: string) =>
  word.replace(/\p{L}/gu, (letter) => `[${letter.toLowerCase()}${letter.toUpperCase()}]`);
const NAME = "\\p{Lu}[\\p{L}\\p{M}.'’-]*(?:\\s+(?:\\p{Lu}[\\p{L}\\p{M}.'’-]*|van|von|de|der|bin|binti|al|da|dos)){0,5}";
const CREDIT = `(?:${BYLINE_WORDS.map(anyCase).join('|')})\\s*:?\\s+${NAME}(?:\\s*(?:,|and|dan|&)\\s*${NAME})*`;
/** A line that is only bylines ("By Jane Doe", "Penulis: Budi | Editor: Ani"), maybe with a date after. */
const BYLINE_LINE = new RegExp(`^${CREDIT}(?:(?:\\s*[|/·,–—-]\\s*|\\s+(?:at|on|pada)\\s+)(?:${CREDIT}|[^|]{0,50}\\d[^|]{0,30}))*\\.?$`, 'u');

/**
 * Bylines and datelines repeated in the body: the article header already carries them as
 * metadata. Only a short block that is nothing but a byline or a date goes; a dateline that opens
 * a paragraph ("JAKARTA, Kompas.com - …") is prose and stays.
 */
export const datelines: ClutterRule = {
  name: 'datelines',
  shortTexts: { pattern: BYLINE_LINE, maxLength: 140 },
  dateOnly: DATE_LINE,
  labels: /^(?:published|updated|posted|last updated|diperbarui|dipublikasikan|diterbitkan)\s*:?$/i,
  classWords: ['byline', 'dateline', 'author', 'writer', 'timestamp', 'published', 'entry-meta', 'post-meta', 'article-meta', 'meta-date', 'posted-on', 'reporter'],
};

