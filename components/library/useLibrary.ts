import { observe } from '@/utils/data/observe';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ArticleRecord, HighlightRecord, KlipingDb, NoteRecord } from '@/utils/data/schema';
import { LibrarySearch } from '@/utils/core/search/library-search';

export interface LibraryState {
  search: LibrarySearch;
  /** Bumped on every change to what `search` holds: a dependency for memoized results. */
  version: number;
  /** True once something can be shown (the newest articles, or that there are none). */
  loaded: boolean;
  /** True once every article is listed (counts are only right from then on). */
  complete: boolean;
  indexing: { done: number; total: number };
}

/** Per task: small enough that typing in the search box never waits long. */
const BODY_CHUNK = 100;
const META_CHUNK = 2000;
const FIRST_SCREEN = 40;

/**
 * Keeps the library's search index in step with the database, in this page's memory: articles,
 * notes and highlights are watched separately (a note typed re-reads notes only); article bodies
 * are indexed after the first render, in small chunks, and again when an article is re-saved.
 */
export function useLibrary(db: KlipingDb): LibraryState {
  const search = useMemo(() => new LibrarySearch(), [db]);
  const [version, setVersion] = useState(0);
  const [loaded, setLoaded] = useState(false);
  const [complete, setComplete] = useState(false);
  const [indexing, setIndexing] = useState({ done: 0, total: 0 });

  useEffect(() => {
    let articles = new Map<number, ArticleRecord>();
    let notes = new Map<number, string>();
    let highlights = new Map<number, string[]>();
    let haveArticles = false;
    const bodyVersion = new Map<number, number>();
    let queue: number[] = [];
    let working = false;
    let stopped = false;
    const bump = () => setVersion((v) => v + 1);

    const rebuild = () => {
      if (!haveArticles) return;
      for (const [id, article] of articles) {
        search.setEntry({ article, notes: notes.get(id) ?? '', highlights: highlights.get(id) ?? [] }, false);
      }
      for (const entry of [...search.all()]) if (!articles.has(entry.article.id)) search.remove(entry.article.id);
      bump();
      // A few edits (a note typed) are made searchable at once; a whole library in chunks.
      if (search.pendingCount <= META_CHUNK) search.indexPending();
      else void indexInBackground();
    };

    const indexInBackground = async () => {
      if (working) return;
      working = true;
      let done = 0;
      while (search.pendingCount > 0 && !stopped) {
        setIndexing({ done, total: done + search.pendingCount });
        // Yield first: the list renders before any indexing starts.
        await new Promise((resolve) => setTimeout(resolve, 0));
        done += Math.min(META_CHUNK, search.pendingCount);
        search.indexPending(META_CHUNK);
      }
      bump();
      done = 0;
      while (queue.length && !stopped) {
        const total = done + queue.length;
        setIndexing({ done, total });
        const ids = queue.splice(0, BODY_CHUNK);
        // Bodies are read by key range (one getAll) when the chunk is a run of ids, as on first load.
        const sorted = [...ids].sort((a, b) => a - b);
        const wanted = new Set(ids);
        const contents =
          sorted.at(-1)! - sorted[0]! < BODY_CHUNK * 2
            ? (await db.contents.where('articleId').between(sorted[0]!, sorted.at(-1)!, true, true).toArray()).filter((row) => wanted.has(row.articleId))
            : (await db.contents.bulkGet(ids)).filter((row) => row !== undefined);
        for (const content of contents) if (articles.has(content.articleId)) search.setBody(content.articleId, content.text);
        done += ids.length;
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      setIndexing({ done, total: done });
      working = false;
      bump();
      // Changes that arrived while this ran.
      if ((search.pendingCount > 0 || queue.length > 0) && !stopped) void indexInBackground();
    };

    const scheduleBodies = () => {
      const wanted = new Set(queue);
      for (const article of articles.values()) {
        if (article.contentStatus !== 'saved' || bodyVersion.get(article.id) === article.updatedAt) continue;
        bodyVersion.set(article.id, article.updatedAt);
        if (!wanted.has(article.id)) queue.push(article.id);
      }
      queue = queue.filter((id) => articles.has(id)).sort((a, b) => a - b);
      void indexInBackground();
    };

    // The first screenful, read by index before the whole library: the list shows at once.
    void db.articles
      .orderBy('savedAt')
      .reverse()
      .limit(FIRST_SCREEN)
      .toArray()
      .then((rows) => {
        if (haveArticles || stopped) return;
        performance.mark('library:first-screen-read');
        for (const article of rows) search.setEntry({ article, notes: '', highlights: [] }, false);
        bump();
        setLoaded(true);
      });

    const subscriptions = [
      observe(() => db.articles.toArray(), {
        next(rows: ArticleRecord[]) {
          if (!haveArticles) performance.mark('library:articles-read');
          articles = new Map(rows.map((row) => [row.id, row]));
          haveArticles = true;
          rebuild();
          setLoaded(true);
          setComplete(true);
          // Let the first list paint before reading bodies.
          setTimeout(scheduleBodies, 0);
        },
        error: (error) => console.error(error),
      }),
      observe(() => db.notes.toArray(), {
        next(rows: NoteRecord[]) {
          notes = new Map(rows.map((row) => [row.articleId, row.text]));
          rebuild();
        },
        error: (error) => console.error(error),
      }),
      observe(() => db.highlights.toArray(), {
        next(rows: HighlightRecord[]) {
          highlights = new Map();
          for (const row of rows) {
            const list = highlights.get(row.articleId) ?? [];
            list.push(row.note ? `${row.quote}\n${row.note}` : row.quote);
            highlights.set(row.articleId, list);
          }
          rebuild();
        },
        error: (error) => console.error(error),
      }),
    ];
    return () => {
      stopped = true;
      for (const subscription of subscriptions) subscription.unsubscribe();
    };
  }, [db, search]);

  return { search, version, loaded, complete, indexing };
}
