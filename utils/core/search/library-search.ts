import type { ArticleRecord } from '../records';
import { hostLabel } from '../url';
import { foldForSearch, words } from './fold';
import { InvertedIndex } from './inverted-index';
import { matchesQualifiers, parseQuery, type Facts } from './query';
import { STOPWORDS } from './stopwords';

/** What the library knows of one article besides its body: enough to search, filter and sort. */
export interface LibraryEntry {
  article: ArticleRecord;
  notes: string;
  /** Quotes and notes of the article's highlights. */
  highlights: string[];
}

export type SortKey = 'relevance' | 'saved' | 'published' | 'title' | 'reading';
export interface SortOrder {
  key: SortKey;
  descending: boolean;
}

export interface SearchOutcome {
  ids: number[];
  /** Qualifiers that made no sense, to tell the user. */
  invalid: string[];
}

interface MetaDoc {
  id: number;
  title: string;
  site: string;
  byline: string;
  tags: string;
  notes: string;
  highlights: string;
}

type MetaField = Exclude<keyof MetaDoc, 'id'>;
const META_FIELDS: MetaField[] = ['title', 'site', 'byline', 'tags', 'notes', 'highlights'];
/** Boosts put title matches first; results with a title match are also ranked above all others. */
const BOOST: Record<MetaField | 'text', number> = { title: 6, tags: 3, site: 2, byline: 2, highlights: 1.5, notes: 1.5, text: 1 };

const tokens = (text: string) => words(text).filter((word) => !STOPWORDS.has(word));
/** Prefix matching from a few letters on: shorter would expand to much of the vocabulary. */
const MIN_PREFIX = 3;

type Hits = Map<number, { titleHit: boolean; score: number }>;

/**
 * The library's search, kept in memory: one small index per often-edited field (title, site,
 * byline, tags, notes, highlights) and one of article bodies, which change rarely and are large.
 * A word may match in any field; every word (or phrase's words) must match somewhere.
 * Entries are listed, filtered and sorted as soon as they are set; their words become
 * searchable once `indexPending` has run (the page does so in small chunks).
 */
export class LibrarySearch {
  private readonly entries = new Map<number, LibraryEntry>();
  private readonly indexed = new Map<number, MetaDoc>();
  private readonly pending = new Set<number>();
  private readonly fields = Object.fromEntries(META_FIELDS.map((field) => [field, new InvertedIndex()])) as Record<MetaField, InvertedIndex>;
  private readonly body = new InvertedIndex();
  /** Every entry in one order, kept per order asked for, with the ids changed since it was made. */
  private readonly orders = new Map<string, { entries: LibraryEntry[]; stale: Set<number> }>();

  get size(): number {
    return this.entries.size;
  }

  /** Entries whose words are not searchable yet. */
  get pendingCount(): number {
    return this.pending.size;
  }

  get(id: number): LibraryEntry | undefined {
    return this.entries.get(id);
  }

  all(): IterableIterator<LibraryEntry> {
    return this.entries.values();
  }

  /** Adds or refreshes an article's metadata, notes and highlights (cheap: call on every change). */
  setEntry(entry: LibraryEntry, indexNow = true): void {
    const id = entry.article.id;
    this.entries.set(id, entry);
    for (const order of this.orders.values()) order.stale.add(id);
    const before = this.indexed.get(id);
    const doc = metaDocOf(entry);
    if (!before || META_FIELDS.some((field) => before[field] !== doc[field])) this.pending.add(id);
    if (indexNow) this.indexPending();
  }

  /** Makes up to `limit` pending entries searchable; returns how many are still pending. */
  indexPending(limit = Infinity): number {
    let done = 0;
    for (const id of this.pending) {
      if (done++ >= limit) break;
      this.pending.delete(id);
      const entry = this.entries.get(id);
      if (!entry) continue;
      const doc = metaDocOf(entry);
      const before = this.indexed.get(id);
      for (const field of META_FIELDS) {
        if (!before || before[field] !== doc[field]) this.fields[field].set(id, tokens(doc[field]));
      }
      this.indexed.set(id, doc);
    }
    return this.pending.size;
  }

  /** Adds or replaces an article's body text. */
  setBody(id: number, text: string): void {
    this.body.set(id, tokens(text));
  }

  hasBody(id: number): boolean {
    return this.body.has(id);
  }

  remove(id: number): void {
    this.entries.delete(id);
    for (const order of this.orders.values()) order.stale.add(id);
    this.pending.delete(id);
    this.indexed.delete(id);
    for (const field of META_FIELDS) this.fields[field].remove(id);
    this.body.remove(id);
  }

  search(input: string, sort: SortOrder): SearchOutcome {
    const query = parseQuery(input);
    let ranked: Hits | null = null;
    // Words too common to index are left out of the query rather than matching nothing.
    const meaningful = (term: string) => term.split(' ').filter((word) => !STOPWORDS.has(word)).join(' ');
    for (const term of query.terms.map(meaningful).filter(Boolean)) {
      const hits = this.find(term);
      if (ranked === null) ranked = hits;
      else {
        for (const [id, hit] of ranked) {
          const other = hits.get(id);
          if (!other) ranked.delete(id);
          else ranked.set(id, { titleHit: hit.titleHit || other.titleHit, score: hit.score + other.score });
        }
      }
      if (ranked.size === 0) break;
    }
    const excluded = new Set<number>();
    for (const term of query.excluded.map(meaningful).filter(Boolean)) for (const id of this.find(term, false).keys()) excluded.add(id);

    const candidates: LibraryEntry[] = [];
    const consider = (entry: LibraryEntry | undefined) => {
      if (entry && !excluded.has(entry.article.id) && (query.qualifiers.length === 0 || matchesQualifiers(query.qualifiers, factsOf(entry)))) candidates.push(entry);
    };
    const key = sort.key === 'relevance' && ranked === null ? 'saved' : sort.key;
    if (ranked === null) {
      // The whole library: already in order (kept up to date), only filtered.
      for (const entry of this.ordered(key as Exclude<SortKey, 'relevance'>, sort.descending)) consider(entry);
      return { ids: candidates.map((entry) => entry.article.id), invalid: query.invalid };
    }
    for (const id of ranked.keys()) consider(this.entries.get(id));

    if (key === 'relevance') {
      const rank = ranked;
      candidates.sort((a, b) => {
        const x = rank.get(a.article.id)!;
        const y = rank.get(b.article.id)!;
        return Number(y.titleHit) - Number(x.titleHit) || y.score - x.score || b.article.savedAt - a.article.savedAt;
      });
    } else {
      candidates.sort(comparator(key as Exclude<SortKey, 'relevance'>, sort.descending));
    }
    return { ids: candidates.map((entry) => entry.article.id), invalid: query.invalid };
  }

  /**
   * Every entry in this order. Made once by sorting; after that only the entries changed since
   * are sorted and merged back in, so that a sync writing a few hundred articles at a time does
   * not sort all ten thousand again each time the list is drawn.
   */
  private ordered(key: Exclude<SortKey, 'relevance'>, descending: boolean): LibraryEntry[] {
    const compare = comparator(key, descending);
    const name = `${key} ${descending}`;
    let order = this.orders.get(name);
    if (!order) {
      order = { entries: [...this.entries.values()].sort(compare), stale: new Set() };
      this.orders.set(name, order);
      return order.entries;
    }
    if (order.stale.size === 0) return order.entries;
    const { stale } = order;
    const fresh: LibraryEntry[] = [];
    for (const id of stale) {
      const entry = this.entries.get(id);
      if (entry) fresh.push(entry);
    }
    fresh.sort(compare);
    const kept = order.entries.filter((entry) => !stale.has(entry.article.id));
    const merged: LibraryEntry[] = new Array(kept.length + fresh.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < kept.length && j < fresh.length) merged[k++] = compare(kept[i]!, fresh[j]!) <= 0 ? kept[i++]! : fresh[j++]!;
    while (i < kept.length) merged[k++] = kept[i++]!;
    while (j < fresh.length) merged[k++] = fresh[j++]!;
    order.entries = merged;
    stale.clear();
    return merged;
  }

  /** Articles where every word of `term` (a word or a phrase) appears, in any field. */
  private find(term: string, usePrefix = true): Hits {
    const parts = term.split(' ');
    if (parts.length > 1) {
      // A phrase: each of its words may sit in a different field, so intersect word by word.
      let all: Hits | null = null;
      for (const part of parts) {
        const found = this.find(part, usePrefix);
        if (all === null) all = found;
        else for (const id of all.keys()) if (!found.has(id)) all.delete(id);
      }
      return all ?? new Map();
    }
    const prefix = usePrefix && term.length >= MIN_PREFIX;
    const hits: Hits = new Map();
    const add = (scores: Map<number, number>, boost: number, titleHit: boolean) => {
      for (const [id, score] of scores) {
        const previous = hits.get(id);
        hits.set(id, { titleHit: titleHit || (previous?.titleHit ?? false), score: score * boost + (previous?.score ?? 0) });
      }
    };
    for (const field of META_FIELDS) add(this.fields[field].lookup(term, prefix), BOOST[field], field === 'title');
    add(this.body.lookup(term, prefix), BOOST.text, false);
    return hits;
  }
}

function metaDocOf(entry: LibraryEntry): MetaDoc {
  const { article } = entry;
  return {
    id: article.id,
    title: article.title,
    site: siteSearchText(article),
    byline: article.byline ?? '',
    tags: article.tags.join(' '),
    notes: entry.notes,
    highlights: entry.highlights.join('\n'),
  };
}

/** The site name and the host, so that `site:` and words both find either. */
function siteSearchText(article: Pick<ArticleRecord, 'siteName' | 'url'>): string {
  const host = hostLabel(article.url);
  return article.siteName && foldForSearch(article.siteName) !== foldForSearch(host) ? `${article.siteName} ${host}` : host;
}

const factsCache = new WeakMap<LibraryEntry, Facts>();

/** An entry's facts, computed once per entry object (entries are replaced, never mutated). */
function factsOf(entry: LibraryEntry): Facts {
  const cached = factsCache.get(entry);
  if (cached) return cached;
  const facts = computeFacts(entry);
  factsCache.set(entry, facts);
  return facts;
}

function computeFacts(entry: LibraryEntry): Facts {
  const { article } = entry;
  return {
    tags: article.tags.map(foldForSearch),
    site: foldForSearch(siteSearchText(article)),
    readState: article.readState,
    favorite: article.favorite,
    archived: article.archived,
    hasNotes: entry.notes.trim() !== '',
    hasHighlights: entry.highlights.length > 0,
    savedAt: article.savedAt,
  };
}

const publishedOf = (article: ArticleRecord) => {
  const time = article.publishedTime ? Date.parse(article.publishedTime) : NaN;
  return Number.isNaN(time) ? -Infinity : time;
};

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const COMPARE: Record<Exclude<SortKey, 'relevance'>, (a: ArticleRecord, b: ArticleRecord) => number> = {
  saved: (a, b) => a.savedAt - b.savedAt,
  published: (a, b) => publishedOf(a) - publishedOf(b),
  title: (a, b) => collator.compare(a.title, b.title),
  reading: (a, b) => a.readingMinutes - b.readingMinutes,
};

/** A total order: ties go newest id first, so that equal keys always come out the same. */
function comparator(key: Exclude<SortKey, 'relevance'>, descending: boolean): (a: LibraryEntry, b: LibraryEntry) => number {
  const compare = COMPARE[key];
  return descending ? (a, b) => compare(b.article, a.article) || b.article.id - a.article.id : (a, b) => compare(a.article, b.article) || b.article.id - a.article.id;
}
