import { canonicalUrlOf, type SavePayload } from '../core/article';
import { findSaved, type SavedState } from '../data/articles';
import { saveArticle, setPageNotes, setPageTags } from '../data/library-writes';
import type { KlipingDb } from '../data/schema';
import type { PageSessionReply, PageSessionRequest } from './messaging';

/**
 * The background's side of one page open in the popup or the reader view: applies its requests in
 * the order they were sent, each write finished before the next starts, whether or not the page
 * is still open.
 */
export class PageSession {
  private page: SavePayload | null = null;
  private queue: Promise<void> = Promise.resolve();

  /** Whether the open page was in the library when the session opened. */
  private wasSaved = false;

  constructor(
    private readonly db: KlipingDb,
    private readonly reply: (message: PageSessionReply) => void,
    /** Told of each save, after the reply (the background keeps the images then, unawaited). */
    private readonly onSaved: (articleId: number) => void = () => {},
  ) {}

  /** Resolves when every request received so far is written. */
  handle(request: PageSessionRequest): Promise<void> {
    this.queue = this.queue.then(() => this.apply(request)).catch((error: unknown) => {
      this.reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    });
    return this.queue;
  }

  private async apply(request: PageSessionRequest): Promise<void> {
    if (request.type === 'open') {
      this.page = request.page;
      const state = await findSaved(this.db, canonicalUrlOf(request.page));
      this.wasSaved = state !== null;
      this.reply({ type: 'state', state, saved: false });
      return;
    }
    const page = this.page;
    if (!page) throw new Error('No page is open in this popup.');
    switch (request.type) {
      case 'save': {
        const record = await saveArticle(this.db, page);
        this.reply({ type: 'state', state: await findSaved(this.db, record.canonicalUrl), saved: true });
        this.wasSaved = true;
        this.onSaved(record.id);
        return;
      }
      case 'notes':
        this.savedBy(await setPageNotes(this.db, page, request.text));
        return;
      case 'tags':
        this.savedBy(await setPageTags(this.db, page, request.tags));
        return;
    }
  }

  /** A note or tag on a page not saved yet saves it: that is a save too. */
  private savedBy(state: SavedState): void {
    this.reply({ type: 'state', state, saved: false });
    if (this.wasSaved) return;
    this.wasSaved = true;
    this.onSaved(state.articleId);
  }
}
