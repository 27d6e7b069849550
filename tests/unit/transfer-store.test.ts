import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { strFromU8 } from 'fflate';
import { saveArticle, setPageNotes } from '@/utils/data/library-writes';
import { KlipingDb } from '@/utils/data/schema';
import { exportLibrary, ImportFormatError } from '@/utils/data/transfer';
import { mergeNotes } from '@/utils/data/transfer-store';
import { applyImport } from '@/utils/data/library-writes';
import { sampleArticle } from './helpers';
import { file, importFiles, transferArticle } from './transfer-helpers';

let n = 0;
const open: KlipingDb[] = [];
async function freshDb(): Promise<KlipingDb> {
  const db = new KlipingDb(`transfer-${++n}`);
  await db.open();
  open.push(db);
  return db;
}
let db: KlipingDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((d) => d.delete()));
});

/** Everything in the database, ids replaced by canonical URLs, so two profiles can be compared. */
async function snapshot(d: KlipingDb) {
  const articles = await d.articles.toArray();
  const urlOf = new Map(articles.map((a) => [a.id, a.canonicalUrl]));
  const byUrl = <T extends { articleId: number }>(rows: T[]) =>
    rows.map(({ articleId, ...rest }) => ({ article: urlOf.get(articleId), ...rest })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return {
    articles: articles.map(({ id: _id, ...rest }) => rest).sort((a, b) => a.canonicalUrl.localeCompare(b.canonicalUrl)),
    contents: byUrl(await d.contents.toArray()),
    notes: byUrl(await d.notes.toArray()),
    highlights: byUrl(await d.highlights.toArray()),
  };
}

async function seed(d: KlipingDb) {
  await applyImport(d, {
    source: 'kliping',
    skipped: 0,
    articles: [
      transferArticle(),
      transferArticle({ url: 'https://b.example/x', canonicalUrl: 'https://b.example/x', title: 'Link only', contentStatus: 'pending-fetch', content: null, notes: null, highlights: [], readState: 'unread', readingProgress: 0, favorite: false, archived: true, tags: [] }),
    ],
  });
  const saved = await saveArticle(d, { kind: 'article', article: sampleArticle({ url: 'https://c.example/a', canonicalUrl: 'https://c.example/a', title: 'Saved here' }) }, 5000);
  await setPageNotes(d, { kind: 'article', article: sampleArticle({ url: 'https://c.example/a', canonicalUrl: 'https://c.example/a' }) }, 'catatan saya', 6000);
  await d.highlights.put({
    id: 'h-2',
    articleId: saved.id,
    quote: 'cabai',
    selector: { quote: { type: 'TextQuoteSelector', exact: 'cabai', prefix: 'Harga ', suffix: ' naik' }, position: { type: 'TextPositionSelector', start: 6, end: 11 } },
    createdAt: 7000,
    updatedAt: 7000,
  });
}

describe('export then import', () => {
  it('Kliping JSON into an empty library gives back everything', async () => {
    await seed(db);
    const exported = await exportLibrary(db, 'kliping-json', { now: 10_000 });
    expect(exported.name).toBe('kliping-1970-01-01.json');
    const target = await freshDb();
    const summary = await importFiles(target, [{ name: exported.name, bytes: exported.bytes }]);
    expect(summary).toEqual({ added: 3, updated: 0, unchanged: 0, skipped: 0 });
    const [before, after] = await Promise.all([snapshot(db), snapshot(target)]);
    expect(after).toEqual(before);
    expect(after.highlights).toHaveLength(2);
  });

  it('importing the same export again changes nothing and duplicates nothing', async () => {
    await seed(db);
    const exported = await exportLibrary(db, 'kliping-json');
    const before = await snapshot(db);
    const summary = await importFiles(db, [{ name: 'again.json', bytes: exported.bytes }]);
    expect(summary).toEqual({ added: 0, updated: 0, unchanged: 3, skipped: 0 });
    expect(await snapshot(db)).toEqual(before);
  });

  it('every export format holds every article', async () => {
    await seed(db);
    const csv = strFromU8((await exportLibrary(db, 'csv')).bytes);
    const html = strFromU8((await exportLibrary(db, 'bookmarks-html')).bytes);
    const zip = await exportLibrary(db, 'markdown-zip');
    for (const url of ['https://news.example/a/1?utm_source=x', 'https://b.example/x', 'https://c.example/a']) {
      expect(csv).toContain(url);
      expect(html).toContain(url.replace('&', '&amp;'));
    }
    expect(zip.mime).toBe('application/zip');
    const target = await freshDb();
    expect((await importFiles(target, [{ name: 'k.csv', bytes: (await exportLibrary(db, 'csv')).bytes }])).added).toBe(3);
  });
});

describe('merging into a library', () => {
  it('updates the page already saved (same canonical URL) instead of duplicating it, keeping its notes and states', async () => {
    await seed(db);
    const pocket = 'title,url,time_added,tags,status\nSaved here,https://c.example/a?utm_medium=email,100,imported,archive\nNew,https://d.example/,200,,unread\n';
    const summary = await importFiles(db, [file('part_000000.csv', pocket)]);
    expect(summary).toEqual({ added: 1, updated: 1, unchanged: 0, skipped: 0 });
    const saved = await db.articles.where('canonicalUrl').equals('https://c.example/a').first();
    expect(saved).toMatchObject({ tags: ['imported'], archived: false, contentStatus: 'saved', savedAt: 5000 });
    expect((await db.notes.get(saved!.id))?.text).toBe('catatan saya');
    expect(await db.articles.where('canonicalUrl').equals('https://d.example/').first()).toMatchObject({ contentStatus: 'pending-fetch', readState: 'unread' });
    expect(await db.articles.count()).toBe(4);
  });

  it('never loses either of two different notes', () => {
    expect(mergeNotes({ articleId: 1, text: 'mine', updatedAt: 2 }, { text: 'theirs', updatedAt: 1 })?.text).toBe('mine\n\ntheirs');
    expect(mergeNotes({ articleId: 1, text: 'mine', updatedAt: 1 }, { text: 'theirs', updatedAt: 2 })?.text).toBe('theirs\n\nmine');
    expect(mergeNotes({ articleId: 1, text: 'mine and more', updatedAt: 1 }, { text: 'mine', updatedAt: 2 })?.text).toBe('mine and more');
    expect(mergeNotes(undefined, { text: 'theirs', updatedAt: 2 })?.text).toBe('theirs');
  });

  it('fills an imported link with content when a Kliping export has it', async () => {
    await importFiles(db, [file('part_000000.csv', 'title,url,time_added,tags,status\nX,https://news.example/a/1,100,,unread\n')]);
    const exported = await (async () => {
      const other = await freshDb();
      await applyImport(other, { source: 'kliping', skipped: 0, articles: [transferArticle()] });
      return exportLibrary(other, 'kliping-json');
    })();
    await importFiles(db, [{ name: 'k.json', bytes: exported.bytes }]);
    const record = await db.articles.where('canonicalUrl').equals('https://news.example/a/1').first();
    expect(record).toMatchObject({ contentStatus: 'saved', title: transferArticle().title, favorite: true });
    expect((await db.contents.get(record!.id))?.text).toBe(transferArticle().content!.text);
  });
});

describe('a file that cannot be imported', () => {
  it('names the line at fault and writes nothing of it', async () => {
    await seed(db);
    const before = await snapshot(db);
    const rows = Array.from({ length: 5000 }, (_, i) => `T${i},https://e.example/${i},${1_700_000_000 + i},,unread`);
    rows[4321] = 'Broken,htp:/nope,1,,unread';
    const error = await importFiles(db, [file('part_000000.csv', `title,url,time_added,tags,status\n${rows.join('\n')}\n`)]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFormatError);
    expect((error as ImportFormatError).message).toContain('part_000000.csv, line 4323');
    expect(await snapshot(db)).toEqual(before);
  });

  it('leaves the library as it was when writing fails halfway (one transaction)', async () => {
    await seed(db);
    const before = await snapshot(db);
    const batch = {
      source: 'kliping' as const,
      skipped: 0,
      articles: Array.from({ length: 2500 }, (_, i) => transferArticle({ url: `https://f.example/${i}`, canonicalUrl: `https://f.example/${i}`, highlights: [] })),
    };
    batch.articles[2400]!.highlights = [transferArticle().highlights[0]!];
    const spy = vi.spyOn(db.highlights, 'bulkPut').mockRejectedValue(new DOMException('disk full', 'QuotaExceededError'));
    await expect(applyImport(db, batch)).rejects.toThrow('disk full');
    spy.mockRestore();
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('progress', () => {
  it('reports writing progress up to the total', async () => {
    const calls: [number, number, string][] = [];
    const rows = Array.from({ length: 2500 }, (_, i) => `T${i},https://g.example/${i},1,,unread`).join('\n');
    await importFiles(db, [file('part_000000.csv', `title,url,time_added,tags,status\n${rows}\n`)], { onProgress: (d, t, p) => calls.push([d, t, p]) });
    const writing = calls.filter(([, , p]) => p === 'writing').map(([d]) => d);
    expect(writing).toEqual([0, 1000, 2000, 2500]);
    expect(await db.articles.count()).toBe(2500);
  });
});
