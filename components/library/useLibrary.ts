import { liveQuery } from 'dexie';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ArticleRecord, HighlightRecord, KlipingDb, NoteRecord } from '@/utils/db/schema';
import { LibrarySearch } from '@/utils/search/library-search';

export interface LibraryState {
  search: LibrarySearch;
  /** Bumped on every change to what `search` holds: a dependency for memoized results. */
  version: number;
  /** False until the articles were read once. */
  loaded: boolean;
  indexing: { done: number; total: number };
}

/** Bodies indexed per task: small enough that typing in the search box never waits long. */
const BODY_CHUNK = 100;

/**
 * Keeps the library's search index in step with the database, in this page's memory: articles,
 * notes and highlights are watched separately (a note typed re-reads notes only); article bodies
 * are indexed after the first render, in small chunks, and again when an article is re-saved.
 */
export function useLibrary(db: KlipingDb): LibraryState {
  const search = useMemo(() => new LibrarySearch(), [db]);
  const [version, setVersion] = useState(0);
  const [loaded, setLoaded] = useState(false);
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
        search.setEntry({ article, notes: notes.get(id) ?? '', highlights: highlights.get(id) ?? [] });
      }
      for (const entry of [...search.all()]) if (!articles.has(entry.article.id)) search.remove(entry.article.id);
      bump();
    };

    const indexBodies = async () => {
      if (working) return;
      working = true;
      let done = 0;
      while (queue.length && !stopped) {
        const total = done + queue.length;
        setIndexing({ done, total });
        const ids = queue.splice(0, BODY_CHUNK);
        const contents = await db.contents.bulkGet(ids);
        contents.forEach((content, i) => {
          const id = ids[i]!;
          if (content && articles.has(id)) search.setBody(id, content.text);
        });
        done += ids.length;
        bump();
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      setIndexing({ done, total: done });
      working = false;
    };

    const scheduleBodies = () => {
      const wanted = new Set(queue);
      for (const article of articles.values()) {
        if (article.contentStatus !== 'saved' || bodyVersion.get(article.id) === article.updatedAt) continue;
        bodyVersion.set(article.id, article.updatedAt);
        if (!wanted.has(article.id)) queue.push(article.id);
      }
      queue = queue.filter((id) => articles.has(id));
      void indexBodies();
    };

    const subscriptions = [
      liveQuery(() => db.articles.orderBy('savedAt').reverse().toArray()).subscribe({
        next(rows: ArticleRecord[]) {
          articles = new Map(rows.map((row) => [row.id, row]));
          haveArticles = true;
          rebuild();
          setLoaded(true);
          // Let the first list paint before reading bodies.
          setTimeout(scheduleBodies, 0);
        },
        error: (error) => console.error(error),
      }),
      liveQuery(() => db.notes.toArray()).subscribe({
        next(rows: NoteRecord[]) {
          notes = new Map(rows.map((row) => [row.articleId, row.text]));
          rebuild();
        },
        error: (error) => console.error(error),
      }),
      liveQuery(() => db.highlights.toArray()).subscribe({
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

  return { search, version, loaded, indexing };
}
