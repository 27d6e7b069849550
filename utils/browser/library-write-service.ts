import * as writes from '../data/library-writes';
import type { DeletedArticles } from '../data/library-writes';
import type { KlipingDb } from '../data/schema';
import { keepImagesAfterSave } from './image-service';
import { backgroundMessenger } from './messaging';

/**
 * How long a deletion can be undone. Far longer than the library's undo toast: the background
 * only has to outlive the toast, and keeps nothing once it is gone.
 */
const UNDO_KEPT_MS = 5 * 60_000;

/**
 * The background's answers to the extension pages' library writes (BackgroundProtocol): each
 * message is one call into utils/data/library-writes.ts.
 */
export function serveLibraryWrites(db: () => KlipingDb): void {
  const deletions = new Map<string, DeletedArticles>();
  const on = backgroundMessenger.onMessage;
  on('writeNotes', ({ data }) => writes.setArticleNotes(db(), data.articleId, data.text));
  on('writeTags', ({ data }) => writes.setArticleTags(db(), data.articleId, data.tags));
  on('setFlags', ({ data }) => writes.setFlags(db(), data.ids, data.flags));
  on('addTags', ({ data }) => writes.addTags(db(), data.ids, data.tags));
  on('setReadingProgress', ({ data }) => writes.setReadingProgress(db(), data.articleId, data.progress));
  on('addHighlight', async ({ data }) => void (await writes.addHighlight(db(), data)));
  on('setHighlightNote', ({ data }) => writes.setHighlightNote(db(), data.id, data.note));
  on('setHighlightColor', ({ data }) => writes.setHighlightColor(db(), data.id, data.color));
  on('deleteHighlight', ({ data }) => writes.deleteHighlight(db(), data.id));
  on('deleteArticles', async ({ data }) => {
    const deleted = await writes.deleteArticles(db(), data.ids);
    const undoId = crypto.randomUUID();
    deletions.set(undoId, deleted);
    setTimeout(() => deletions.delete(undoId), UNDO_KEPT_MS);
    return { undoId, ids: deleted.articles.map((article) => article.id) };
  });
  on('restoreArticles', async ({ data }) => {
    const deleted = deletions.get(data.undoId);
    if (!deleted) return [];
    deletions.delete(data.undoId);
    return writes.restoreArticles(db(), deleted);
  });
  on('saveFetchedArticle', async ({ data }) => {
    await writes.saveFetchedArticle(db(), data.articleId, data.article);
    // Its images follow (when "Keep images offline" is on), after the reply.
    void keepImagesAfterSave(db(), data.articleId);
  });
  on('markLinkOnly', ({ data }) => writes.markLinkOnly(db(), data.articleId));
}
