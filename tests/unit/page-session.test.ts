import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findSaved } from '@/utils/data/articles';
import { KlipingDb } from '@/utils/data/schema';
import type { PageSessionReply } from '@/utils/browser/messaging';
import { PageSession } from '@/utils/browser/page-session';
import { sampleArticle } from './helpers';

let db: KlipingDb;
beforeEach(async () => {
  db = new KlipingDb(`session-${Math.random()}`);
  await db.open();
});
afterEach(() => db.delete());

describe('PageSession', () => {
  it('applies every keystroke in order, so the last one wins', async () => {
    const replies: PageSessionReply[] = [];
    const session = new PageSession(db, (reply) => replies.push(reply));
    void session.handle({ type: 'open', page: { kind: 'article', article: sampleArticle() } });
    let text = '';
    for (const ch of 'Catatan penting') {
      text += ch;
      void session.handle({ type: 'notes', text });
    }
    await session.handle({ type: 'tags', tags: ['a'] });
    expect((await findSaved(db, 'https://news.example/a/1'))?.notes).toBe('Catatan penting');
    expect(replies[0]).toEqual({ type: 'state', state: null, saved: false });
  });

  it('answers a save with the saved state', async () => {
    const replies: PageSessionReply[] = [];
    const session = new PageSession(db, (reply) => replies.push(reply));
    void session.handle({ type: 'open', page: { kind: 'link', link: { url: 'chrome://x', canonicalUrl: 'chrome://x', title: 'Settings' } } });
    await session.handle({ type: 'save' });
    expect(replies.at(-1)).toMatchObject({ type: 'state', saved: true, state: { notes: '', tags: [] } });
  });

  it('tells of each save after replying, and of the save a first note makes, once', async () => {
    const events: string[] = [];
    const session = new PageSession(db, (reply) => events.push(reply.type === 'state' ? `reply:${reply.saved}` : reply.type), (id) => events.push(`saved:${id}`));
    void session.handle({ type: 'open', page: { kind: 'article', article: sampleArticle() } });
    void session.handle({ type: 'notes', text: 'a' });
    void session.handle({ type: 'notes', text: 'ab' });
    await session.handle({ type: 'save' });
    const id = (await findSaved(db, 'https://news.example/a/1'))!.articleId;
    expect(events).toEqual(['reply:false', 'reply:false', `saved:${id}`, 'reply:false', 'reply:true', `saved:${id}`]);
  });

  it('reports a request before any page as an error instead of throwing', async () => {
    const replies: PageSessionReply[] = [];
    await new PageSession(db, (reply) => replies.push(reply)).handle({ type: 'save' });
    expect(replies).toEqual([{ type: 'error', message: 'No page is open in this popup.' }]);
  });
});
