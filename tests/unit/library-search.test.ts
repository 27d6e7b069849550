import { beforeEach, describe, expect, it } from 'vitest';
import { articleDefaults, type ArticleRecord } from '@/utils/data/schema';
import { LibrarySearch, type LibraryEntry, type SortOrder } from '@/utils/core/search/library-search';

let nextId = 1;
function entry(overrides: Partial<ArticleRecord> = {}, extra: Partial<Omit<LibraryEntry, 'article'>> = {}): LibraryEntry {
  const id = overrides.id ?? nextId++;
  return {
    article: {
      id,
      canonicalUrl: `https://news.example/${id}`,
      url: `https://news.example/${id}`,
      title: `Untitled ${id}`,
      byline: null,
      siteName: 'News Example',
      publishedTime: null,
      lang: 'id',
      dir: 'ltr',
      excerpt: null,
      leadImageUrl: null,
      wordCount: 100,
      readingMinutes: 1,
      tags: [],
      savedAt: 1_000 + id,
      updatedAt: 1_000 + id,
      ...articleDefaults(true),
      ...overrides,
    },
    notes: '',
    highlights: [],
    ...extra,
  };
}

const RELEVANCE: SortOrder = { key: 'relevance', descending: true };
let search: LibrarySearch;
const titles = (query: string, sort = RELEVANCE) => search.search(query, sort).ids.map((id) => search.get(id)!.article.title);

beforeEach(() => {
  nextId = 1;
  search = new LibrarySearch();
  const add = (e: LibraryEntry, body: string) => {
    search.setEntry(e);
    search.setBody(e.article.id, body);
  };
  add(entry({ title: 'Petani kopi Gayo panen raya', byline: 'Siti Rahmawati', tags: ['kopi', 'Ekonomi'], readingMinutes: 5, publishedTime: '2024-03-01' }), 'Harga kopi arabika naik dua puluh persen.');
  add(entry({ title: 'Harga cabai naik lagi', siteName: 'Kompas', url: 'https://www.kompas.com/a', readingMinutes: 2, publishedTime: '2024-05-01', readState: 'read' }), 'Pedagang di pasar mengeluh. Kopi tidak disebut di judul.');
  add(entry({ title: 'Café culture in Jakarta', favorite: true, readingMinutes: 9 }, { notes: 'Remember the espresso place in Menteng' }), 'Coffee shops are everywhere.');
  add(entry({ title: 'Banjir di Semarang', archived: true }, { highlights: ['Air setinggi satu meter merendam rumah warga'] }), 'Hujan deras semalam.');
});

describe('LibrarySearch', () => {
  it('finds words in title, body, byline, notes, highlights, tags and site', () => {
    expect(titles('semarang')).toEqual(['Banjir di Semarang']);
    expect(titles('arabika')).toEqual(['Petani kopi Gayo panen raya']);
    expect(titles('rahmawati')).toEqual(['Petani kopi Gayo panen raya']);
    expect(titles('espresso')).toEqual(['Café culture in Jakarta']);
    expect(titles('merendam')).toEqual(['Banjir di Semarang']);
    expect(titles('ekonomi')).toEqual(['Petani kopi Gayo panen raya']);
    expect(titles('kompas')).toEqual(['Harga cabai naik lagi']);
  });

  it('ranks a title match above a body match', () => {
    // "kopi" is in the first title and only in the second article's body (said twice there).
    expect(titles('kopi')).toEqual(['Petani kopi Gayo panen raya', 'Harga cabai naik lagi']);
  });

  it('matches prefixes and ignores accents both ways', () => {
    expect(titles('sema')).toEqual(['Banjir di Semarang']);
    expect(titles('cafe')).toEqual(['Café culture in Jakarta']);
    expect(titles('CAFÉ')).toEqual(['Café culture in Jakarta']);
  });

  it('requires every word, wherever each is found', () => {
    expect(titles('kopi pedagang')).toEqual(['Harga cabai naik lagi']);
    expect(titles('kopi banjir')).toEqual([]);
  });

  it('negates words and applies qualifiers', () => {
    expect(titles('kopi -cabai')).toEqual(['Petani kopi Gayo panen raya']);
    expect(titles('is:favorite')).toEqual(['Café culture in Jakarta']);
    expect(titles('is:archived')).toEqual(['Banjir di Semarang']);
    expect(titles('has:notes')).toEqual(['Café culture in Jakarta']);
    expect(titles('has:highlights')).toEqual(['Banjir di Semarang']);
    expect(titles('kopi is:read')).toEqual(['Harga cabai naik lagi']);
    expect(titles('tag:kopi')).toEqual(['Petani kopi Gayo panen raya']);
    expect(titles('site:kompas.com')).toEqual(['Harga cabai naik lagi']);
    expect(titles('-is:archived -is:favorite -is:read')).toEqual(['Petani kopi Gayo panen raya']);
    expect(search.search('is:nope', RELEVANCE).invalid).toEqual(['is:nope']);
  });

  it('sorts by saved, published, title and reading time', () => {
    expect(titles('', { key: 'saved', descending: true })[0]).toBe('Banjir di Semarang');
    expect(titles('', { key: 'title', descending: false })).toEqual(['Banjir di Semarang', 'Café culture in Jakarta', 'Harga cabai naik lagi', 'Petani kopi Gayo panen raya']);
    expect(titles('', { key: 'reading', descending: true })[0]).toBe('Café culture in Jakarta');
    expect(titles('', { key: 'published', descending: true }).slice(0, 2)).toEqual(['Harga cabai naik lagi', 'Petani kopi Gayo panen raya']);
    // Relevance without words falls back to newest saved.
    expect(titles('')[0]).toBe('Banjir di Semarang');
  });

  it('follows edits, new notes and removals', () => {
    const cafe = search.search('espresso', RELEVANCE).ids[0]!;
    const before = search.get(cafe)!;
    search.setEntry({ ...before, notes: 'Now about tea', article: { ...before.article, tags: ['minuman'] } });
    expect(titles('espresso')).toEqual([]);
    expect(titles('tea tag:minuman')).toEqual(['Café culture in Jakarta']);
    search.setBody(cafe, 'Teh tarik.');
    expect(titles('coffee')).toEqual([]);
    expect(titles('tarik')).toEqual(['Café culture in Jakarta']);
    search.remove(cafe);
    expect(titles('tarik')).toEqual([]);
    expect(search.size).toBe(3);
  });

  it('does not let a common word empty the results', () => {
    expect(titles('the kopi')).toEqual(['Petani kopi Gayo panen raya', 'Harga cabai naik lagi']);
  });
});

describe('LibrarySearch pending entries', () => {
  it('lists an entry at once and makes its words searchable once indexed; unchanged entries cost nothing', () => {
    const late = new LibrarySearch();
    const e = entry({ title: 'Gempa di Cianjur' });
    late.setEntry(e, false);
    expect(late.search('', RELEVANCE).ids).toEqual([e.article.id]);
    expect(late.search('gempa', RELEVANCE).ids).toEqual([]);
    expect(late.pendingCount).toBe(1);
    expect(late.indexPending()).toBe(0);
    expect(late.search('gempa', RELEVANCE).ids).toEqual([e.article.id]);
    late.setEntry({ ...e, article: { ...e.article, readingProgress: 0.5 } }, false);
    expect(late.pendingCount).toBe(0);
    expect(late.get(e.article.id)!.article.readingProgress).toBe(0.5);
  });
});

describe('the whole library in order, kept up to date', () => {
  it('after many adds, changes and removals in between searches, every order is the one a full sort gives', () => {
    let state = 7;
    const random = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const orders: SortOrder[] = [
      { key: 'saved', descending: true },
      { key: 'saved', descending: false },
      { key: 'title', descending: false },
      { key: 'reading', descending: true },
      { key: 'published', descending: true },
    ];
    const rows = new Map<number, LibraryEntry>();
    const put = (id: number) => {
      // Few distinct values, so that ties (broken by id) are common.
      const made = entry({ id, savedAt: Math.floor(random() * 50), readingMinutes: Math.floor(random() * 5), title: `Judul ${Math.floor(random() * 30)}`, publishedTime: random() < 0.3 ? null : `2026-0${1 + Math.floor(random() * 9)}-01` });
      rows.set(id, made);
      search.setEntry(made);
    };
    for (let id = 1; id <= 300; id++) put(id);
    const expected = (sort: SortOrder) => {
      const fresh = new LibrarySearch();
      for (const row of rows.values()) fresh.setEntry(row);
      return fresh.search('', sort).ids;
    };
    for (let round = 0; round < 20; round++) {
      for (const sort of orders) expect(search.search('', sort).ids).toEqual(expected(sort));
      for (let i = 0; i < 25; i++) {
        const id = 1 + Math.floor(random() * 350);
        if (random() < 0.2 && rows.has(id)) {
          rows.delete(id);
          search.remove(id);
        } else put(id);
      }
    }
    // Qualifiers filter the kept order without changing it.
    expect(search.search('is:unread', orders[0]!).ids).toEqual(expected(orders[0]!).filter((id) => rows.get(id)!.article.readState !== 'read'));
  });
});
