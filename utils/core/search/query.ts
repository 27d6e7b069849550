import { foldForSearch, words } from './fold';

/**
 * A search as the user typed it, taken apart. Words are searched in the text; qualifiers filter:
 *   tag:ekonomi  site:kompas.com  is:unread|read|favorite|archived  has:notes|highlights
 *   before:2024-05-01  after:2024-01  (on the date saved; a bare year or month means its start)
 * `-` before a word or qualifier negates it; "quoted words" stay together as one phrase.
 */

export type IsFlag = 'unread' | 'read' | 'favorite' | 'archived';
export type HasFlag = 'notes' | 'highlights';

export type Qualifier =
  | { kind: 'tag'; value: string; negate: boolean }
  | { kind: 'site'; value: string; negate: boolean }
  | { kind: 'is'; value: IsFlag; negate: boolean }
  | { kind: 'has'; value: HasFlag; negate: boolean }
  | { kind: 'before' | 'after'; value: number; negate: boolean };

export interface ParsedQuery {
  /** Free text to find, folded; each entry is a word or a quoted phrase. */
  terms: string[];
  /** Free text that must NOT appear. */
  excluded: string[];
  qualifiers: Qualifier[];
  /** Pieces that looked like qualifiers but made no sense (e.g. `is:blue`, `before:someday`). */
  invalid: string[];
}

const IS_FLAGS: readonly string[] = ['unread', 'read', 'favorite', 'archived'];
const HAS_FLAGS: readonly string[] = ['notes', 'highlights'];
/** Indonesian spellings people type in an Indonesian UI. */
const ALIASES: Record<string, string> = {
  favorit: 'favorite',
  favourite: 'favorite',
  arsip: 'archived',
  archive: 'archived',
  dibaca: 'read',
  belum: 'unread',
  catatan: 'notes',
  note: 'notes',
  highlight: 'highlights',
  sorotan: 'highlights',
};

/** Splits on spaces but keeps "quoted phrases" (with an optional leading `-` or `key:`) whole. */
function tokens(input: string): string[] {
  const found: string[] = [];
  const re = /(-?(?:[\p{L}]+:)?"[^"]*"?)|(\S+)/gu;
  for (const match of input.matchAll(re)) found.push(match[0]);
  return found;
}

const unquote = (value: string) => value.replace(/^"|"$/g, '');

/** `2024`, `2024-05`, `2024-05-01` → local midnight at the start of that period. */
export function parseDate(value: string): number | null {
  const match = /^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$/.exec(value);
  if (!match) return null;
  const [year, month = 1, day = 1] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part))) as number[];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return new Date(year!, month - 1, day).getTime();
}

export function parseQuery(input: string): ParsedQuery {
  const parsed: ParsedQuery = { terms: [], excluded: [], qualifiers: [], invalid: [] };
  for (const token of tokens(input)) {
    const negate = token.startsWith('-') && token.length > 1;
    const body = negate ? token.slice(1) : token;
    const qualifier = /^([\p{L}]+):(.*)$/u.exec(body);
    if (qualifier) {
      const key = qualifier[1]!.toLowerCase();
      const raw = unquote(qualifier[2]!);
      const value = foldForSearch(raw).trim();
      if (['tag', 'site', 'is', 'has', 'before', 'after'].includes(key)) {
        const parsedQualifier = qualifierOf(key, value, negate);
        if (parsedQualifier) parsed.qualifiers.push(parsedQualifier);
        else parsed.invalid.push(token);
        continue;
      }
      // Not a qualifier we know ("http://...", "catatan:"): search it as text.
    }
    const text = words(unquote(body)).join(' ');
    if (!text) continue;
    (negate ? parsed.excluded : parsed.terms).push(text);
  }
  return parsed;
}

function qualifierOf(key: string, value: string, negate: boolean): Qualifier | null {
  if (!value) return null;
  switch (key) {
    case 'tag':
    case 'site':
      return { kind: key, value, negate };
    case 'is': {
      const flag = ALIASES[value] ?? value;
      return IS_FLAGS.includes(flag) ? { kind: 'is', value: flag as IsFlag, negate } : null;
    }
    case 'has': {
      const flag = ALIASES[value] ?? value;
      return HAS_FLAGS.includes(flag) ? { kind: 'has', value: flag as HasFlag, negate } : null;
    }
    case 'before':
    case 'after': {
      const date = parseDate(value);
      return date === null ? null : { kind: key, value: date, negate };
    }
  }
  return null;
}

/** What qualifiers look at: an article's facts as the library keeps them in memory. */
export interface Facts {
  /** Folded (utils/core/search/fold.ts). */
  tags: string[];
  /** Site name and host, folded, for `site:`. */
  site: string;
  readState: 'unread' | 'read';
  favorite: boolean;
  archived: boolean;
  hasNotes: boolean;
  hasHighlights: boolean;
  savedAt: number;
}

function holds(qualifier: Qualifier, facts: Facts): boolean {
  switch (qualifier.kind) {
    case 'tag':
      return facts.tags.includes(qualifier.value);
    case 'site':
      return facts.site.includes(qualifier.value);
    case 'is':
      if (qualifier.value === 'unread' || qualifier.value === 'read') return facts.readState === qualifier.value;
      return facts[qualifier.value];
    case 'has':
      return qualifier.value === 'notes' ? facts.hasNotes : facts.hasHighlights;
    case 'before':
      return facts.savedAt < qualifier.value;
    case 'after':
      return facts.savedAt >= qualifier.value;
  }
}

/** True when the article passes every qualifier (a negated one must not hold). */
export function matchesQualifiers(qualifiers: Qualifier[], facts: Facts): boolean {
  return qualifiers.every((qualifier) => holds(qualifier, facts) !== qualifier.negate);
}
