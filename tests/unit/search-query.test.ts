import { describe, expect, it } from 'vitest';
import { foldForSearch, words } from '@/utils/core/search/fold';
import { matchesQualifiers, parseDate, parseQuery, type Facts } from '@/utils/core/search/query';

const facts = (overrides: Partial<Facts> = {}): Facts => ({
  tags: ['ekonomi', 'pangan'],
  site: 'kompas kompas.com',
  readState: 'unread',
  favorite: false,
  archived: false,
  hasNotes: false,
  hasHighlights: false,
  savedAt: new Date(2024, 4, 10).getTime(),
  ...overrides,
});

describe('foldForSearch and words', () => {
  it('removes accents and case, keeps letters of every script', () => {
    expect(foldForSearch('Café CRÈME Ñandú')).toBe('cafe creme nandu');
    expect(words("Don't stop—Harga naik 20% (Jakarta)")).toEqual(['dont', 'stop', 'harga', 'naik', '20', 'jakarta']);
  });
});

describe('parseQuery', () => {
  it('splits words, quoted phrases and negations', () => {
    expect(parseQuery('Kopi "harga naik" -ekspor -"bank dunia"')).toEqual({
      terms: ['kopi', 'harga naik'],
      excluded: ['ekspor', 'bank dunia'],
      qualifiers: [],
      invalid: [],
    });
  });

  it('reads every qualifier, negated or not', () => {
    const { qualifiers, terms } = parseQuery('tag:Ekonomi -site:detik is:unread -is:archived has:notes -has:highlights is:favorite after:2024-01 before:2024-06-15 kopi');
    expect(terms).toEqual(['kopi']);
    expect(qualifiers).toEqual([
      { kind: 'tag', value: 'ekonomi', negate: false },
      { kind: 'site', value: 'detik', negate: true },
      { kind: 'is', value: 'unread', negate: false },
      { kind: 'is', value: 'archived', negate: true },
      { kind: 'has', value: 'notes', negate: false },
      { kind: 'has', value: 'highlights', negate: true },
      { kind: 'is', value: 'favorite', negate: false },
      { kind: 'after', value: new Date(2024, 0, 1).getTime(), negate: false },
      { kind: 'before', value: new Date(2024, 5, 15).getTime(), negate: false },
    ]);
  });

  it('accepts Indonesian flag words and quoted tag values', () => {
    expect(parseQuery('is:arsip has:catatan tag:"harga cabai"').qualifiers).toEqual([
      { kind: 'is', value: 'archived', negate: false },
      { kind: 'has', value: 'notes', negate: false },
      { kind: 'tag', value: 'harga cabai', negate: false },
    ]);
  });

  it('reports nonsense qualifiers and searches unknown prefixes as text', () => {
    const parsed = parseQuery('is:blue before:someday tag: https://kompas.com/x');
    expect(parsed.invalid).toEqual(['is:blue', 'before:someday', 'tag:']);
    expect(parsed.terms).toEqual(['https kompas com x']);
  });

  it('ignores a lone dash', () => {
    expect(parseQuery(' - ')).toEqual({ terms: [], excluded: [], qualifiers: [], invalid: [] });
  });

  it('parses partial dates and rejects impossible ones', () => {
    expect(parseDate('2024')).toBe(new Date(2024, 0, 1).getTime());
    expect(parseDate('2024-13')).toBeNull();
    expect(parseDate('yesterday')).toBeNull();
  });
});

describe('matchesQualifiers', () => {
  const check = (query: string, overrides: Partial<Facts> = {}) => matchesQualifiers(parseQuery(query).qualifiers, facts(overrides));
  it('matches tags case- and accent-insensitively, whole tag only', () => {
    expect(check('tag:ekonomi')).toBe(true);
    expect(check('tag:eko')).toBe(false);
    expect(check('-tag:pangan')).toBe(false);
  });
  it('matches site by part of its name or host', () => {
    expect(check('site:kompas.com')).toBe(true);
    expect(check('site:tempo')).toBe(false);
  });
  it('matches states and has:', () => {
    expect(check('is:unread')).toBe(true);
    expect(check('is:read')).toBe(false);
    expect(check('is:read', { readState: 'read' })).toBe(true);
    expect(check('is:favorite is:archived', { favorite: true, archived: true })).toBe(true);
    expect(check('-is:archived', { archived: true })).toBe(false);
    expect(check('has:notes', { hasNotes: true })).toBe(true);
    expect(check('has:highlights')).toBe(false);
  });
  it('compares dates with the date saved, before exclusive and after inclusive', () => {
    expect(check('after:2024-05-10')).toBe(true);
    expect(check('before:2024-05-10')).toBe(false);
    expect(check('before:2024-05-11 after:2024-05')).toBe(true);
    expect(check('-before:2024-06')).toBe(false);
  });
});
