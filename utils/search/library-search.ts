import MiniSearch, { type SearchResult } from 'minisearch';
import type { ArticleRecord } from '../db/schema';
import { hostLabel } from '../url';
import { fold, words } from './fold';
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

const tokenize = (text: string) => words(text);
const processTerm = (term: string) => (STOPWORDS.has(term) ? null : term);
// Prefix matching from two letters on: a single letter would expand to half the vocabulary.
const prefix = (term: string) => term.length >= 2;

/** Boosts put title matches first; results with a title match are also ranked above all others. */
const META_BOOST = { title: 6, tags: 3, site: 2, byline: 2, highlights: 1.5, notes: 1.5 };

/**
 * The library's search, kept in memory: one index of the small, often-edited fields (title, site,
 * byline, tags, notes, highlights) and one of article bodies, which change rarely and are large.
 * A word may match in either; every word (or phrase's words) must match somewhere.
 */
export class LibrarySearch {
  private readonly entries = new Map<number, LibraryEntry>();
  private readonly meta = new MiniSearch<MetaDoc>({
    fields: ['title', 'site', 'byline', 'tags', 'notes', 'highlights'],
    tokenize,
    processTerm,
  });
  private readonly body = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], tokenize, processTerm });

  get size(): number {
    return this.entries.size;
  }

  get(id: number): LibraryEntry | undefined {
    return this.entries.get(id);
  }

  all(): IterableIterator<LibraryEntry> {
    return this.entries.values();
  }

  /** Adds or refreshes an article's metadata, notes and highlights (cheap: call on every change). */
  setEntry(entry: LibraryEntry): void {
    const previous = this.entries.get(entry.article.id);
    this.entries.set(entry.article.id, entry);
    const doc = metaDocOf(entry);
    if (previous) {
      if (sameDoc(metaDocOf(previous), doc)) return;
      this.meta.replace(doc);
    } else {
      this.meta.add(doc);
    }
  }

  /** Adds or replaces an article's body text. */
  setBody(id: number, text: string): void {
    const doc = { id, text };
    if (this.body.has(id)) this.body.replace(doc);
    else this.body.add(doc);
  }

  hasBody(id: number): boolean {
    return this.body.has(id);
  }

  remove(id: number): void {
    if (this.entries.delete(id)) this.meta.discard(id);
    if (this.body.has(id)) this.body.discard(id);
  }

  search(input: string, sort: SortOrder): SearchOutcome {
    const query = parseQuery(input);
    let ranked: Map<number, { titleHit: boolean; score: number }> | null = null;
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
      if (entry && !excluded.has(entry.article.id) && matchesQualifiers(query.qualifiers, factsOf(entry))) candidates.push(entry);
    };
    if (ranked === null) for (const entry of this.entries.values()) consider(entry);
    else for (const id of ranked.keys()) consider(this.entries.get(id));

    const key = sort.key === 'relevance' && ranked === null ? 'saved' : sort.key;
    if (key === 'relevance' && ranked) {
      const rank = ranked;
      candidates.sort((a, b) => {
        const x = rank.get(a.article.id)!;
        const y = rank.get(b.article.id)!;
        return Number(y.titleHit) - Number(x.titleHit) || y.score - x.score || b.article.savedAt - a.article.savedAt;
      });
    } else {
      const compare = COMPARE[key as Exclude<SortKey, 'relevance'>];
      candidates.sort((a, b) => (sort.descending ? compare(b.article, a.article) : compare(a.article, b.article)) || b.article.id - a.article.id);
    }
    return { ids: candidates.map((entry) => entry.article.id), invalid: query.invalid };
  }

  /** Articles where every word of `term` (a word or a phrase) appears, in any field. */
  private find(term: string, usePrefix = true): Map<number, { titleHit: boolean; score: number }> {
    const options = { prefix: usePrefix ? prefix : false, combineWith: 'AND' as const, boost: META_BOOST };
    const hits = new Map<number, { titleHit: boolean; score: number }>();
    const add = (result: SearchResult, titleHit: boolean) => {
      const previous = hits.get(result.id as number);
      hits.set(result.id as number, { titleHit: titleHit || (previous?.titleHit ?? false), score: result.score + (previous?.score ?? 0) });
    };
    const parts = term.split(' ');
    if (parts.length === 1) {
      for (const result of this.meta.search(term, options)) add(result, Object.values(result.match).some((fields) => fields.includes('title')));
      for (const result of this.body.search(term, { prefix: options.prefix })) add(result, false);
      return hits;
    }
    // A phrase: each of its words may sit in a different field, so intersect word by word.
    let all: Map<number, { titleHit: boolean; score: number }> | null = null;
    for (const part of parts) {
      const found = this.find(part, usePrefix);
      if (all === null) all = found;
      else for (const id of all.keys()) if (!found.has(id)) all.delete(id);
    }
    return all ?? hits;
  }
}

function metaDocOf(entry: LibraryEntry): MetaDoc {
  const { article } = entry;
  return {
    id: article.id,
    title: article.title,
    site: siteOf(article),
    byline: article.byline ?? '',
    tags: article.tags.join(' '),
    notes: entry.notes,
    highlights: entry.highlights.join('\n'),
  };
}

function sameDoc(a: MetaDoc, b: MetaDoc): boolean {
  return a.title === b.title && a.site === b.site && a.byline === b.byline && a.tags === b.tags && a.notes === b.notes && a.highlights === b.highlights;
}

/** The site name and the host, so that `site:` and words both find either. */
export function siteOf(article: Pick<ArticleRecord, 'siteName' | 'url'>): string {
  const host = hostLabel(article.url);
  return article.siteName && fold(article.siteName) !== fold(host) ? `${article.siteName} ${host}` : host;
}

export function factsOf(entry: LibraryEntry): Facts {
  const { article } = entry;
  return {
    tags: article.tags,
    site: siteOf(article),
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

const COMPARE: Record<Exclude<SortKey, 'relevance'>, (a: ArticleRecord, b: ArticleRecord) => number> = {
  saved: (a, b) => a.savedAt - b.savedAt,
  published: (a, b) => publishedOf(a) - publishedOf(b),
  title: (a, b) => a.title.localeCompare(b.title, undefined, { sensitivity: 'base', numeric: true }),
  reading: (a, b) => a.readingMinutes - b.readingMinutes,
};
