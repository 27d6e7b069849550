import { LibrarySearch } from '../core/search/library-search';
import { getSavedCopy, type SavedCopy } from './articles';
import { highlightsOf } from './highlights';
import { observe, type Subscription } from './observe';
import type { ArticleRecord, HighlightRecord, KlipingDb, NoteRecord } from './schema';
import type { ImportBatch } from '../core/transfer/model';
import { exportLibrary, readImport, type ExportFormat, type ExportFile, type ImportOptions, type InputFile } from './transfer';

/** What the library page shows of its store at one moment. */
export interface LibrarySnapshot {
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

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The library page's view of the database, between its UI and Dexie. It keeps the search index
 * in step with the database in this page's memory: articles, notes and highlights are watched
 * separately (a note typed re-reads notes only); article bodies are indexed after the first
 * render, in small chunks, and again when an article changes. It also answers the page's other
 * reads. It never writes the library: the page asks the background for that.
 */
export class LibraryStore {
  readonly search = new LibrarySearch();
  private snapshot: LibrarySnapshot;
  private readonly listeners = new Set<(snapshot: LibrarySnapshot) => void>();
  private subscriptions: Subscription[] = [];
  private articles = new Map<number, ArticleRecord>();
  private notes = new Map<number, string>();
  private highlights = new Map<number, string[]>();
  private haveArticles = false;
  private readonly bodyVersion = new Map<number, number>();
  private queue: number[] = [];
  private working = false;
  private stopped = false;

  constructor(private readonly db: KlipingDb) {
    this.snapshot = { search: this.search, version: 0, loaded: false, complete: false, indexing: { done: 0, total: 0 } };
  }

  get current(): LibrarySnapshot {
    return this.snapshot;
  }

  /** Hears every change of snapshot; returns how to stop. */
  subscribe(listener: (snapshot: LibrarySnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts watching the database: the first screenful at once, then everything. */
  start(): void {
    this.stopped = false;
    // The first screenful, read by index before the whole library: the list shows at once.
    void this.db.articles
      .orderBy('savedAt')
      .reverse()
      .limit(FIRST_SCREEN)
      .toArray()
      .then((rows) => {
        if (this.haveArticles || this.stopped) return;
        performance.mark('library:first-screen-read');
        for (const article of rows) this.search.setEntry({ article, notes: '', highlights: [] }, false);
        this.update({ version: this.snapshot.version + 1, loaded: true });
      });
    this.subscriptions = [
      observe(() => this.db.articles.toArray(), {
        next: (rows: ArticleRecord[]) => {
          if (!this.haveArticles) performance.mark('library:articles-read');
          this.articles = new Map(rows.map((row) => [row.id, row]));
          this.haveArticles = true;
          this.rebuild();
          this.update({ loaded: true, complete: true });
          // Let the first list paint before reading bodies.
          setTimeout(() => this.scheduleBodies(), 0);
        },
      }),
      observe(() => this.db.notes.toArray(), {
        next: (rows: NoteRecord[]) => {
          this.notes = new Map(rows.map((row) => [row.articleId, row.text]));
          this.rebuild();
        },
      }),
      observe(() => this.db.highlights.toArray(), {
        next: (rows: HighlightRecord[]) => {
          this.highlights = new Map();
          for (const row of rows) {
            const list = this.highlights.get(row.articleId) ?? [];
            list.push(row.note ? `${row.quote}\n${row.note}` : row.quote);
            this.highlights.set(row.articleId, list);
          }
          this.rebuild();
        },
      }),
    ];
  }

  stop(): void {
    this.stopped = true;
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    this.subscriptions = [];
  }

  /** One saved article as the reader shows it, now and on every change (null once deleted). */
  watchCopy(id: number, next: (copy: SavedCopy | null) => void): Subscription {
    return observe(() => getSavedCopy(this.db, id), { next });
  }

  /** An article's highlights in reading order, now and on every change. */
  watchHighlights(articleId: number, next: (highlights: HighlightRecord[]) => void): Subscription {
    return observe(() => highlightsOf(this.db, articleId), { next });
  }

  exportLibrary(format: ExportFormat, options?: Parameters<typeof exportLibrary>[2]): Promise<ExportFile> {
    return exportLibrary(this.db, format, options);
  }

  /** Reads and checks files to import; the background writes the batch (utils/browser/import-port.ts). */
  readImport(files: readonly InputFile[], options?: ImportOptions): Promise<ImportBatch> {
    return readImport(files, options);
  }

  private update(change: Partial<LibrarySnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener(this.snapshot);
  }

  private bump(): void {
    this.update({ version: this.snapshot.version + 1 });
  }

  private rebuild(): void {
    if (!this.haveArticles) return;
    for (const [id, article] of this.articles) {
      this.search.setEntry({ article, notes: this.notes.get(id) ?? '', highlights: this.highlights.get(id) ?? [] }, false);
    }
    for (const entry of [...this.search.all()]) if (!this.articles.has(entry.article.id)) this.search.remove(entry.article.id);
    this.bump();
    // A few edits (a note typed) are made searchable at once; a whole library in chunks.
    if (this.search.pendingCount <= META_CHUNK) this.search.indexPending();
    else void this.indexInBackground();
  }

  private scheduleBodies(): void {
    const wanted = new Set(this.queue);
    for (const article of this.articles.values()) {
      if (article.contentStatus !== 'saved' || this.bodyVersion.get(article.id) === article.updatedAt) continue;
      this.bodyVersion.set(article.id, article.updatedAt);
      if (!wanted.has(article.id)) this.queue.push(article.id);
    }
    this.queue = this.queue.filter((id) => this.articles.has(id)).sort((a, b) => a - b);
    void this.indexInBackground();
  }

  private async indexInBackground(): Promise<void> {
    if (this.working) return;
    this.working = true;
    const search = this.search;
    let done = 0;
    while (search.pendingCount > 0 && !this.stopped) {
      this.update({ indexing: { done, total: done + search.pendingCount } });
      // Yield first: the list renders before any indexing starts.
      await nextTask();
      done += Math.min(META_CHUNK, search.pendingCount);
      search.indexPending(META_CHUNK);
    }
    this.bump();
    done = 0;
    while (this.queue.length && !this.stopped) {
      const total = done + this.queue.length;
      this.update({ indexing: { done, total } });
      const ids = this.queue.splice(0, BODY_CHUNK);
      for (const content of await this.readBodies(ids)) if (this.articles.has(content.articleId)) search.setBody(content.articleId, content.text);
      done += ids.length;
      await nextTask();
    }
    this.working = false;
    this.update({ indexing: { done, total: done } });
    this.bump();
    // Changes that arrived while this ran.
    if ((search.pendingCount > 0 || this.queue.length > 0) && !this.stopped) void this.indexInBackground();
  }

  /** Bodies are read by key range (one getAll) when the chunk is a run of ids, as on first load. */
  private async readBodies(ids: number[]): Promise<{ articleId: number; text: string }[]> {
    const sorted = [...ids].sort((a, b) => a - b);
    const wanted = new Set(ids);
    if (sorted.at(-1)! - sorted[0]! < BODY_CHUNK * 2) {
      return (await this.db.contents.where('articleId').between(sorted[0]!, sorted.at(-1)!, true, true).toArray()).filter((row) => wanted.has(row.articleId));
    }
    return (await this.db.contents.bulkGet(ids)).filter((row) => row !== undefined);
  }
}
