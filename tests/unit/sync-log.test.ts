import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addHighlight, addTags, applyImport, deleteArticles, deleteHighlight, restoreArticles, saveArticle, setFlags, setHighlightColor, setHighlightNote, setPageNotes, setPageTags, setReadingProgress } from '@/utils/data/library-writes';
import { KlipingDb } from '@/utils/data/schema';
import { markRemote } from '@/utils/data/sync-log';
import { startFresh } from '@/utils/data/sync-store';
import { sampleArticle } from './helpers';
import { transferArticle } from './transfer-helpers';

/*
 * The change log is written by a middleware in the write's own transaction: every write path is
 * covered without knowing it, a failed write leaves no entry, the replicator's writes leave none.
 */

let n = 0;
let db: KlipingDb;
beforeEach(async () => {
  db = new KlipingDb(`sync-log-${++n}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const logged = async () => (await db.syncLog.toArray()).map((entry) => entry.key).sort();
const payload = () => ({ kind: 'article' as const, article: sampleArticle() });
const selector = { quote: { type: 'TextQuoteSelector' as const, exact: 'cabai', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector' as const, start: 6, end: 11 } };

describe('the sync change log', () => {
  it('marks highlights deleted with their article (their tombstones may lose to a later edit of it), not one deleted alone', async () => {
    const saved = await saveArticle(db, payload(), 1000);
    const alone = await addHighlight(db, { articleId: saved.id, selector }, 2000);
    const withIt = await addHighlight(db, { articleId: saved.id, selector }, 2000);
    await deleteHighlight(db, alone.id);
    expect((await db.syncLog.get(`h:${alone.id}`))?.withArticle).toBeUndefined();
    await deleteArticles(db, [saved.id]);
    expect((await db.syncLog.get(`h:${withIt.id}`))?.withArticle).toBe(true);
    expect((await db.syncLog.get(`a:${saved.id}`))?.withArticle).toBeUndefined();
  });

  it('records every library write path, one row per changed thing', async () => {
    const saved = await saveArticle(db, payload(), 1000);
    expect(await logged()).toEqual([`a:${saved.id}`]);
    await db.syncLog.clear();

    const steps: [string, () => Promise<unknown>, string[]][] = [
      ['notes (popup)', () => setPageNotes(db, payload(), 'satu', 2000), [`a:${saved.id}`]],
      ['tags (popup)', () => setPageTags(db, payload(), ['x'], 2000), [`a:${saved.id}`]],
      ['flags (library)', () => setFlags(db, [saved.id], { favorite: true }), [`a:${saved.id}`]],
      ['bulk tags', () => addTags(db, [saved.id], ['y']), [`a:${saved.id}`]],
      ['reading progress', () => setReadingProgress(db, saved.id, 0.5), [`a:${saved.id}`]],
    ];
    for (const [what, write, keys] of steps) {
      await write();
      expect(await logged(), what).toEqual(keys);
      await db.syncLog.clear();
    }
    const highlight = await addHighlight(db, { articleId: saved.id, selector }, 3000);
    expect(await logged()).toEqual([`a:${saved.id}`, `h:${highlight.id}`].sort());
    await db.syncLog.clear();
    await setHighlightNote(db, highlight.id, 'n');
    await setHighlightColor(db, highlight.id, 'pink');
    await deleteHighlight(db, highlight.id);
    // A highlight's change is its article's change too (the one updatedAt rule): both logged.
    expect(await logged()).toEqual([`a:${saved.id}`, `h:${highlight.id}`].sort());
    await db.syncLog.clear();

    const again = await addHighlight(db, { articleId: saved.id, selector }, 3000);
    await db.syncLog.clear();
    const deleted = await deleteArticles(db, [saved.id]);
    expect(await logged()).toEqual([`a:${saved.id}`, `h:${again.id}`].sort());
    await db.syncLog.clear();
    await restoreArticles(db, deleted);
    expect(await logged()).toEqual([`a:${saved.id}`, `h:${again.id}`].sort());
    await db.syncLog.clear();

    await applyImport(db, { source: 'kliping', skipped: 0, articles: [transferArticle()] });
    const imported = await db.articles.where('canonicalUrl').equals(transferArticle().canonicalUrl).first();
    expect(await logged()).toContain(`a:${imported!.id}`);
    await db.syncLog.clear();
    await db.notes.clear();
    expect(await logged()).toEqual([...new Set([`a:${saved.id}`, `a:${imported!.id}`])].sort());
  });

  it('a write that fails leaves no log row: both are in one transaction', async () => {
    const saved = await saveArticle(db, payload(), 1000);
    await db.syncLog.clear();
    await expect(
      db.transaction('rw', db.notes, db.articles, async () => {
        await db.notes.put({ articleId: saved.id, text: 'hilang', updatedAt: 1 });
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await db.notes.get(saved.id)).toBeUndefined();
    expect(await logged()).toEqual([]);
  });

  it("the replicator's marked transaction is not logged (no echo)", async () => {
    await db.transaction('rw', db.articles, db.contents, async (tx) => {
      markRemote(tx.idbtrans);
      await db.articles.add({ ...sampleArticle(), hasContent: true, tags: [], savedAt: 1, updatedAt: 1, readState: 'unread', readingProgress: 0, favorite: false, archived: false, contentStatus: 'saved' } as never);
    });
    expect(await db.articles.count()).toBe(1);
    expect(await logged()).toEqual([]);
    // ...and the next ordinary transaction is logged again.
    await setFlags(db, [(await db.articles.toCollection().first())!.id], { archived: true });
    expect(await logged()).toHaveLength(1);
  });

  it('turning sync on queues the whole library once', async () => {
    const saved = await saveArticle(db, payload(), 1000);
    const highlight = await addHighlight(db, { articleId: saved.id, selector }, 3000);
    await db.syncLog.clear();
    expect(await startFresh(db)).toBe(2);
    expect(await logged()).toEqual([`a:${saved.id}`, `h:${highlight.id}`].sort());
  });
});
