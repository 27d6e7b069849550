import { LibrarySearch } from '../core/search/library-search';
import { getSavedCopy, type SavedCopy } from './articles';
import { highlightsOf } from './highlights';
import { observe, type Subscription } from './observe';
import { watchTable, type TableWatch } from './watch-table';
import type { ArticleRecord, HighlightRecord, KlipingDb } from './schema';
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

/** Bodies read per request. */
const BODY_CHUNK = 100;
/** Indexing works in slices of this long, then lets the page have the thread (a long task is over 50 ms). */
const SLICE_MS = 12;
/** This few changed entries (a note typed) are made searchable at once; more go in slices. */
const INDEX_AT_ONCE = 50;
const FIRST_SCREEN = 40;
/**
 * The page hears of changes at most this often while they come in a burst (a sync writing
 * thousands of articles): each hearing re-runs the list's search and sort over the whole library
 * and renders it. A lone change is heard in the next task.
 */
const NOTIFY_GAP_MS = 150;

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
const sliceOver = (start: number) => performance.now() - start > SLICE_MS;

/**
 * The library page's view of the database, between its UI and Dexie. It keeps the search index
 * in step with the database in this page's memory: articles, notes and highlights are watched
 * separately (a note typed re-reads notes only), each read in chunks and only its changed rows
 * re-entered (watch-table.ts), so a sync pulling thousands of articles never holds the page;
 * article bodies are indexed after the first render, in time slices, and again when an article
 * changes. It also answers the page's other reads. It never writes the library: the page asks the
 * background for that.
 */
export class LibraryStore {
  readonly search = new LibrarySearch();
  private snapshot: LibrarySnapshot;
  private readonly listeners = new Set<(snapshot: LibrarySnapshot) => void>();
  private subscriptions: TableWatch[] = [];
  private articles = new Map<number, ArticleRecord>();
  private notes = new Map<number, string>();
  /** Highlight rows by article, by highlight id. */
  private highlights = new Map<number, Map<string, HighlightRecord>>();
  private haveArticles = false;
  private readonly bodyVersion = new Map<number, number>();
  private queue: number[] = [];
  private working = false;
  private stopped = false;
  private notifyTimer: ReturnType<typeof setTimeout> | null = null;
  private notifiedAt = -Infinity;

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
      watchTable(this.db.articles, (row) => row.id, ({ changed, removed }) => {
        if (!this.haveArticles) performance.mark('library:articles-read');
        for (const row of changed) this.articles.set(row.id, row);
        for (const row of removed) this.articles.delete(row.id);
        this.haveArticles = true;
        this.refresh(changed.map((row) => row.id), removed.map((row) => row.id));
        this.update({ loaded: true, complete: true });
        // Let the first list paint before reading bodies.
        setTimeout(() => this.scheduleBodies(), 0);
      }),
      watchTable(this.db.notes, (row) => row.articleId, ({ changed, removed }) => {
        for (const row of changed) this.notes.set(row.articleId, row.text);
        for (const row of removed) this.notes.delete(row.articleId);
        this.refresh([...changed, ...removed].map((row) => row.articleId));
      }),
      watchTable(this.db.highlights, (row) => row.id, ({ changed, removed }) => {
        for (const row of removed) this.highlights.get(row.articleId)?.delete(row.id);
        for (const row of changed) {
          // A highlight moved to another article (never, today) leaves the old one too.
          for (const [articleId, rows] of this.highlights) if (articleId !== row.articleId) rows.delete(row.id);
          const rows = this.highlights.get(row.articleId) ?? new Map<string, HighlightRecord>();
          rows.set(row.id, row);
          this.highlights.set(row.articleId, rows);
        }
        this.refresh([...changed, ...removed].map((row) => row.articleId));
      }),
    ];
  }

  /**
   * Reads every table again. For a write this page asked for and was told is done (an import):
   * what the page shows then does not hang on Dexie's change report alone, which reaches this page
   * from the background over a BroadcastChannel. Only rows that differ are handed on.
   */
  readAgain(): void {
    for (const subscription of this.subscriptions) subscription.readAgain();
  }

  stop(): void {
    this.stopped = true;
    if (this.notifyTimer !== null) clearTimeout(this.notifyTimer);
    this.notifyTimer = null;
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

  /**
   * The snapshot changes at once (`current`); listeners hear of it in a task of its own, so the
   * list's search and render never add to the task that read the database, and a burst of
   * changes is heard once per NOTIFY_GAP_MS.
   */
  private update(change: Partial<LibrarySnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    if (this.notifyTimer !== null) return;
    const wait = Math.max(0, this.notifiedAt + NOTIFY_GAP_MS - performance.now());
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = null;
      this.notifiedAt = performance.now();
      for (const listener of this.listeners) listener(this.snapshot);
    }, wait);
  }

  private bump(): void {
    this.update({ version: this.snapshot.version + 1 });
  }

  private highlightTexts(articleId: number): string[] {
    return [...(this.highlights.get(articleId)?.values() ?? [])].map((row) => (row.note ? `${row.quote}\n${row.note}` : row.quote));
  }

  /** Re-enters the articles whose row, note or highlights changed; drops the removed. */
  private refresh(ids: number[], removed: number[] = []): void {
    if (!this.haveArticles) return;
    for (const id of new Set(ids)) {
      const article = this.articles.get(id);
      if (article) this.search.setEntry({ article, notes: this.notes.get(id) ?? '', highlights: this.highlightTexts(id) }, false);
    }
    for (const id of removed) this.search.remove(id);
    this.bump();
    // A few edits (a note typed) are made searchable at once; a whole library in slices.
    if (this.search.pendingCount <= INDEX_AT_ONCE) this.search.indexPending();
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
      const start = performance.now();
      do {
        done += Math.min(INDEX_AT_ONCE, search.pendingCount);
        search.indexPending(INDEX_AT_ONCE);
      } while (search.pendingCount > 0 && !sliceOver(start));
    }
    this.bump();
    done = 0;
    while (this.queue.length && !this.stopped) {
      const total = done + this.queue.length;
      this.update({ indexing: { done, total } });
      const ids = this.queue.splice(0, BODY_CHUNK);
      let start = performance.now();
      for (const content of await this.readBodies(ids)) {
        if (this.articles.has(content.articleId)) search.setBody(content.articleId, content.text);
        if (sliceOver(start)) {
          await nextTask();
          start = performance.now();
        }
      }
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
