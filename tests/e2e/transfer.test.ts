import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, LibraryPage, PopupPage, launchExtension, serveDirs, tabIdOf, type E2EPage, type ExtensionBrowser, type StaticServer } from './harness';

/*
 * Export then import into an empty profile, through the library's own panel, and compare every
 * row of every table; a broken file that changes nothing; an imported link fetched when opened.
 */

const ARTICLE_TITLE = 'Petani Kopi Gayo Panen Raya, Harga Naik 20 Persen';

let site: StaticServer;
const browsers: ExtensionBrowser[] = [];
beforeAll(async () => {
  site = await serveDirs(FIXTURES_DIR);
});
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await site?.close();
});

async function launch(lang?: string): Promise<ExtensionBrowser> {
  const ext = await launchExtension({ lang });
  browsers.push(ext);
  return ext;
}

/** Every row of every table, row ids replaced by canonical URLs so two profiles compare. */
async function dump(page: E2EPage) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('kliping');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = (store: string) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const [articles, contents, notes, highlights] = await Promise.all(['articles', 'contents', 'notes', 'highlights'].map(all));
    db.close();
    const urlOf = new Map(articles!.map((a) => [a.id, a.canonicalUrl]));
    const sortByJson = <T,>(rows: T[]) => rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const keyed = (rows: Record<string, unknown>[]) => sortByJson(rows.map(({ articleId, ...rest }) => ({ article: urlOf.get(articleId), ...rest })));
    return {
      articles: sortByJson(articles!.map(({ id: _id, ...rest }) => rest)),
      contents: keyed(contents!),
      notes: keyed(notes!),
      highlights: keyed(highlights!),
    };
  });
}

class TransferPanel {
  constructor(readonly page: E2EPage) {}

  static async open(ext: ExtensionBrowser): Promise<TransferPanel> {
    const library = await LibraryPage.open(ext);
    await library.page.getByTestId('transfer-toggle').locator('summary').click();
    return new TransferPanel(library.page);
  }

  /** Exports and returns the file the browser downloaded. */
  async export(format: string): Promise<{ name: string; bytes: Buffer }> {
    await this.page.getByTestId('export-format').selectOption(format);
    return this.page.download(() => this.page.getByTestId('export-button').click());
  }

  async import(name: string, bytes: Buffer, mimeType = 'application/octet-stream'): Promise<void> {
    await this.page.getByTestId('import-file').setInputFiles({ name, mimeType, buffer: bytes });
  }

  result() {
    return this.page.getByTestId('transfer-result');
  }
  error() {
    return this.page.getByTestId('transfer-error');
  }
}

/** A library with every kind of data: saved through the popup, notes, tags, highlights, states. */
async function fillLibrary(ext: ExtensionBrowser): Promise<void> {
  const page = await ext.newPage();
  await page.goto(site.url('/article-kompas-like.html?utm_source=x'));
  const popup = await PopupPage.open(ext, await tabIdOf(ext, page));
  await popup.save();
  await popup.notes().fill('=HYPERLINK("http://evil.example")\nCatatan: harga "naik" — key: value\n---');
  await popup.tags().fill('kopi, ekonomi');
  await expect.poll(() => popup.notes().inputValue()).toContain('---');
  await popup.close();
  await page.close();

  const seed = {
    format: 'kliping',
    version: 1,
    exportedAt: new Date().toISOString(),
    articles: [
      {
        url: 'https://news.example/harga-cabai?utm_medium=x',
        canonicalUrl: 'https://news.example/harga-cabai',
        title: 'Harga <Cabai> & "Bawang"',
        byline: 'Rina',
        siteName: 'News Example',
        publishedTime: '2024-05-01T08:00:00+07:00',
        lang: 'id',
        dir: 'ltr',
        excerpt: 'Harga cabai naik.',
        leadImageUrl: null,
        wordCount: 6,
        readingMinutes: 1,
        tags: ['pasar'],
        savedAt: 1_714_000_000_000,
        updatedAt: 1_714_000_500_000,
        readState: 'read',
        readingProgress: 0.75,
        favorite: true,
        archived: true,
        contentStatus: 'saved',
        content: { html: '<p>Harga cabai naik lagi di pasar.</p>', text: 'Harga cabai naik lagi di pasar.' },
        notes: { text: 'penting', updatedAt: 1_714_000_400_000 },
        highlights: [
          {
            id: '0b6f4d0e-9a7c-4f51-8c3e-1d2a3b4c5d6e',
            quote: { type: 'TextQuoteSelector', exact: 'naik lagi', prefix: 'Harga cabai ', suffix: ' di pasar.' },
            position: { type: 'TextPositionSelector', start: 12, end: 21 },
            note: 'lihat ini',
            color: 'green',
            createdAt: 1_714_000_200_000,
            updatedAt: 1_714_000_300_000,
          },
        ],
      },
      {
        url: 'https://other.example/link',
        canonicalUrl: 'https://other.example/link',
        title: 'Only a link',
        byline: null,
        siteName: null,
        publishedTime: null,
        lang: null,
        dir: null,
        excerpt: null,
        leadImageUrl: null,
        wordCount: 0,
        readingMinutes: 0,
        tags: [],
        savedAt: 1_700_000_000_000,
        updatedAt: 1_700_000_000_000,
        readState: 'unread',
        readingProgress: 0,
        favorite: false,
        archived: false,
        contentStatus: 'pending-fetch',
        content: null,
        notes: null,
        highlights: [],
      },
    ],
  };
  const panel = await TransferPanel.open(ext);
  await panel.import('seed.json', Buffer.from(JSON.stringify(seed)), 'application/json');
  await expect.poll(() => panel.result().getAttribute('data-added')).toBe('2');
  await panel.page.close();
}

describe('export then import into an empty profile', () => {
  it('brings back every article, copy, note, highlight, tag and state', async () => {
    const source = await launch();
    await fillLibrary(source);
    const panel = await TransferPanel.open(source);
    const before = await dump(panel.page);
    expect(before.articles).toHaveLength(3);
    expect(before.highlights).toHaveLength(1);
    expect(before.notes).toHaveLength(2);

    const exported = await panel.export('kliping-json');
    expect(exported.name).toMatch(/^kliping-\d{4}-\d{2}-\d{2}\.json$/);
    await expect.poll(() => panel.result().textContent()).toContain(exported.name);
    // The other formats download too, each with every article in it.
    const csv = await panel.export('csv');
    // A note starting like a formula stays text in a spreadsheet.
    expect(csv.bytes.toString('utf8')).toContain('"\'=HYPERLINK(""http://evil.example"")');
    const bookmarks = await panel.export('bookmarks-html');
    expect(bookmarks.bytes.toString('utf8')).toContain('Harga &lt;Cabai&gt; &amp; &quot;Bawang&quot;');
    const markdown = await panel.export('markdown-zip');
    expect(markdown.bytes.subarray(0, 2).toString()).toBe('PK');

    const target = await launch();
    const empty = await TransferPanel.open(target);
    expect((await dump(empty.page)).articles).toEqual([]);
    await empty.import(exported.name, exported.bytes, 'application/json');
    await expect.poll(() => empty.result().getAttribute('data-added')).toBe('3');
    expect(await dump(empty.page)).toEqual(before);

    // Again: merged by canonical URL, nothing doubled, nothing changed.
    await empty.import(exported.name, exported.bytes, 'application/json');
    await expect.poll(() => empty.result().textContent()).toContain('3 already here');
    expect(await dump(empty.page)).toEqual(before);

    // The imported library works: the copy reads offline with its highlight re-attached.
    const library = await LibraryPage.open(target);
    await library.page.getByRole('link', { name: ARTICLE_TITLE }).waitFor();
    await library.page.getByRole('link', { name: 'Harga <Cabai> & "Bawang"' }).click();
    const mark = library.page.locator('[data-highlight-id="0b6f4d0e-9a7c-4f51-8c3e-1d2a3b4c5d6e"]');
    await mark.waitFor();
    expect(await mark.textContent()).toBe('naik lagi');
    await library.page.close();
  });
});

describe('a file that cannot be imported', () => {
  it('names the line at fault, in the user language, and changes nothing', async () => {
    const ext = await launch('id');
    const panel = await TransferPanel.open(ext);
    await panel.import('part_000000.csv', Buffer.from('title,url,time_added,tags,status\nOk,https://ok.example/,1700000000,,unread\n'), 'text/csv');
    await expect.poll(() => panel.result().getAttribute('data-added')).toBe('1');
    const before = await dump(panel.page);

    const broken = 'title,url,time_added,tags,status\nA,https://a.example/,1700000000,x,unread\nB,https://b.example/,1700000001,,unread\nC,bukan alamat,1700000002,,archive\n';
    await panel.import('part_000000.csv', Buffer.from(broken), 'text/csv');
    await expect.poll(() => panel.error().textContent()).toContain('part_000000.csv, baris 4');
    expect(await panel.error().textContent()).toContain('"bukan alamat" bukan alamat web');
    expect(await dump(panel.page)).toEqual(before);

    const badJson = JSON.stringify({ format: 'kliping', version: 1, articles: [{ url: 'https://x.example/' }] });
    await panel.import('kliping.json', Buffer.from(badJson), 'application/json');
    await expect.poll(() => panel.error().textContent()).toContain('kliping.json, entri 1');
    expect(await dump(panel.page)).toEqual(before);
  });
});

describe('an imported link', () => {
  it('is fetched and saved for offline reading when opened', async () => {
    const ext = await launch();
    const panel = await TransferPanel.open(ext);
    const url = site.url('/article-kompas-like.html');
    await panel.import('part_000000.csv', Buffer.from(`title,url,time_added,tags,status\nImported link,${url},1700000000,kopi,unread\n`), 'text/csv');
    await expect.poll(() => panel.result().getAttribute('data-added')).toBe('1');
    const before = await dump(panel.page);
    expect(before.articles[0]).toMatchObject({ contentStatus: 'pending-fetch' });
    // No body stored yet (what the retired `hasContent: false` said).
    expect(before.contents.filter((row) => (row as { articleId?: unknown }).articleId === (before.articles[0] as { id?: unknown }).id)).toEqual([]);

    // The e2e build holds the 127.0.0.1 permission, so opening fetches at once (no prompt to click).
    await panel.page.getByRole('link', { name: 'Imported link' }).click();
    await panel.page.getByTestId('reader-body').waitFor();
    expect(await panel.page.getByTestId('reader-body').textContent()).toContain('Petani kopi di dataran tinggi Gayo');
    const after = await dump(panel.page);
    expect(after.articles[0]).toMatchObject({ contentStatus: 'saved', title: ARTICLE_TITLE, tags: ['kopi'] });
    expect(String((after.contents[0] as { text?: string }).text)).toContain('Petani kopi di dataran tinggi Gayo');
  });
});
