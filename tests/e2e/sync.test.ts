import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUCH_ADMIN, CountingProxy, CouchServer } from '../../support/couch-server';
import { FIXTURES_DIR, LibraryPage as LibraryApp, PopupPage, launchExtension, serveDirs, tabIdOf, type E2EPage, type ExtensionBrowser, type StaticServer } from './harness';

/*
 * Two profiles of the run's browser (two devices) syncing through a real PouchDB Server the test
 * starts on 127.0.0.1, with CORS off, reached through a counting proxy that can also play the
 * server being down. Everything is done as a user: the popup, the library, Settings.
 */

const GAYO = 'Petani Kopi Gayo Panen Raya, Harga Naik 20 Persen';
const MARKER = 'Kliping: edited on two devices';
/** Polls for what a user would wait for; generous, since a loaded machine answers late. */
const eventually = <T>(read: () => Promise<T> | T, message?: string) => expect.poll(read, { timeout: 20_000, interval: 200, message });

let couch: CouchServer;
/** One proxy per device: its requests counted, its connection to the server cut at will. */
const proxies = new Map<ExtensionBrowser, CountingProxy>();
const proxyOf = (ext: ExtensionBrowser) => proxies.get(ext)!;
const setDown = (down: boolean) => {
  for (const proxy of proxies.values()) proxy.setDown(down);
};
let site: StaticServer;
let a: ExtensionBrowser;
let b: ExtensionBrowser;

beforeAll(async () => {
  [couch, site, a, b] = await Promise.all([CouchServer.launch(), serveDirs(FIXTURES_DIR), launchExtension(), launchExtension()]);
  for (const ext of [a, b]) proxies.set(ext, await CountingProxy.launch(couch.origin));
}, 120_000);
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await Promise.all([...proxies.values()].map((proxy) => proxy.close()));
  await site?.close();
  await couch?.close();
});

class SettingsPage {
  private constructor(
    readonly page: E2EPage,
    private readonly ext: ExtensionBrowser,
  ) {}
  static async open(ext: ExtensionBrowser): Promise<SettingsPage> {
    const page = await ext.newPage();
    await page.goto(ext.extensionUrl('options.html'));
    await page.getByTestId('sync-settings').waitFor();
    return new SettingsPage(page, ext);
  }
  async start(password = COUCH_ADMIN.password, { user = COUCH_ADMIN.user, database = 'kliping-e2e' } = {}): Promise<void> {
    await this.page.getByTestId('sync-server').fill(proxyOf(this.ext).origin);
    await this.page.getByTestId('sync-database').fill(database);
    await this.page.getByTestId('sync-user').fill(user);
    await this.page.getByTestId('sync-password').fill(password);
    await this.page.getByTestId('sync-start').click();
  }
  text(testId: string) {
    return this.page.getByTestId(testId).textContent();
  }
}

/** Opens the fixture page and the popup on it: saves it (when asked), then fills the fields given. */
async function withPopup(ext: ExtensionBrowser, fixture: string, act: (popup: PopupPage) => Promise<void>): Promise<void> {
  const page = await ext.newPage();
  await page.goto(site.url(fixture));
  const popup = await PopupPage.open(ext, await tabIdOf(ext, page));
  await eventually(() => popup.saveButton().isVisible()).toBe(true);
  await act(popup);
  await popup.close();
  await page.close();
}

/** Appends to a field as typed at its end (a popup field shows what is saved already). */
async function typeAtEnd(page: E2EPage, field: ReturnType<E2EPage['getByTestId']>, text: string): Promise<void> {
  await field.click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

/** Opens the library in a new page, opens the Gayo article's saved copy, reads it, closes the page. */
async function savedCopyOf<T>(ext: ExtensionBrowser, read: (library: LibraryApp) => Promise<T>): Promise<T> {
  const library = await LibraryApp.open(ext);
  try {
    await library.openArticle(GAYO);
    return await read(library);
  } finally {
    await library.page.close();
  }
}

/** Deletes the article titled `title` from an open library, as a user: its checkbox, then Delete. */
async function deleteFromList(library: LibraryApp, title: string): Promise<void> {
  const before = await library.items().count();
  const titles = await library.page.locator('[data-testid="article-item"] .article-row__title').allTextContents();
  await library.items().nth(titles.indexOf(title)).getByRole('checkbox').check();
  await library.page.getByTestId('bulk-bar').getByTestId('delete').click();
  await eventually(() => library.items().count()).toBe(before - 1);
}

/** The server back: Sync now on A (its Settings stays open), then on B. */
async function backOnlineSyncBoth(settingsA: SettingsPage): Promise<void> {
  setDown(false);
  await settingsA.page.getByTestId('sync-now').click();
  const settingsB = await SettingsPage.open(b);
  await settingsB.page.getByTestId('sync-now').click();
  await settingsB.page.close();
}

/** The list row showing `title` (its whole text: title, site, tags...), or null. */
async function rowText(library: LibraryApp, title: string): Promise<string | null> {
  return (await library.items().allTextContents()).find((text) => text.includes(title)) ?? null;
}

describe('sync through the user’s own CouchDB server', () => {
  let libraryB: LibraryApp;
  let settingsA: SettingsPage;

  it('sends nothing anywhere until sync is turned on', async () => {
    await withPopup(a, '/article-kompas-like.html', async (popup) => {
      await popup.save();
      await popup.notes().fill('Catatan awal');
      await eventually(() => popup.notes().inputValue()).toBe('Catatan awal');
    });
    await withPopup(b, '/article-short.html', (popup) => popup.save());
    // The address typed in, not yet started: still nothing goes out.
    const settings = await SettingsPage.open(a);
    await settings.page.getByTestId('sync-server').fill(proxyOf(a).origin);
    await settings.page.waitForTimeout(1500);
    expect([proxyOf(a).requests, proxyOf(b).requests]).toEqual([0, 0]);
    await settings.page.close();
  });

  it('says a wrong password in plain words, and keeps the form', async () => {
    settingsA = await SettingsPage.open(a);
    await settingsA.start('bukan-kata-sandinya');
    await eventually(() => settingsA.text('sync-error')).toBe('The user name or password is wrong.');
    expect(await settingsA.page.getByTestId('sync-start').isVisible()).toBe(true);
  });

  it('says in plain words that a user who may log in has no rights on a database kept for others', async () => {
    // A real non-admin user, and a database whose _security names only another member.
    await couch.addUser('tamu', 'tamu-123');
    await couch.restrict('kliping-e2e-terkunci', [COUCH_ADMIN.user]);
    await settingsA.start('tamu-123', { user: 'tamu', database: 'kliping-e2e-terkunci' });
    await eventually(() => settingsA.text('sync-error')).toBe('This user has no rights on that database, or may not create it.');
    expect(await settingsA.page.getByTestId('sync-start').isVisible()).toBe(true);
  });

  it('first sync both ways: each device gets the other’s library, its note included', async () => {
    await settingsA.start();
    await eventually(() => settingsA.text('sync-waiting')).toBe('No changes waiting.');
    expect(await settingsA.text('sync-last')).not.toContain('not yet');
    const settingsB = await SettingsPage.open(b);
    await settingsB.start();
    await eventually(() => settingsB.text('sync-waiting')).toBe('No changes waiting.');
    await settingsB.page.close();

    libraryB = await LibraryApp.open(b);
    await eventually(() => libraryB.items().count()).toBe(2);
    const libraryA = await LibraryApp.open(a);
    await eventually(() => libraryA.items().count()).toBe(2);
    await libraryA.page.close();
    await libraryB.openArticle(GAYO);
    expect(await libraryB.page.getByTestId('saved-notes').inputValue()).toBe('Catatan awal');
    await libraryB.page.goto((await libraryB.page.url()).replace(/#.*$/, '#/'));
  });

  it('a change on one device shows in the other’s open library list, without a reload', async () => {
    await withPopup(a, '/article-kompas-like.html', (popup) => popup.tags().fill('kopi'));
    await eventually(() => rowText(libraryB, GAYO)).toContain('kopi');
  });

  it('while the server is down: Settings says so, changes wait; a note and tags edited on both all arrive once it is back', async () => {
    setDown(true);
    await withPopup(a, '/article-kompas-like.html', async (popup) => {
      await typeAtEnd(popup.page, popup.notes(), ' — dari laptop');
      await typeAtEnd(popup.page, popup.tags(), ', ekspor');
    });
    await withPopup(b, '/article-kompas-like.html', async (popup) => {
      await typeAtEnd(popup.page, popup.notes(), ' — dari desktop');
      await typeAtEnd(popup.page, popup.tags(), ', gayo');
    });
    await settingsA.page.getByTestId('sync-now').click();
    await eventually(() => settingsA.text('sync-last-error')).toContain('The server could not be reached.');
    // The count is the background's status, shown once it has answered: read as it settles.
    await eventually(() => settingsA.text('sync-waiting')).toBe('1 change waiting to be sent.');

    setDown(false);
    await settingsA.page.getByTestId('sync-now').click();
    await eventually(() => settingsA.page.getByTestId('sync-last-error').count()).toBe(0);
    // The error goes as the run starts; B can only pull A's change once A has sent it.
    await eventually(() => settingsA.text('sync-waiting')).toBe('No changes waiting.');
    const settingsB = await SettingsPage.open(b);
    await settingsB.page.getByTestId('sync-now').click();
    await eventually(() => rowText(libraryB, GAYO)).toContain('ekspor');
    await settingsB.page.close();

    for (const ext of [a, b]) {
      // A fresh page per look: the note field shows what was stored when the copy opened.
      await eventually(() => savedCopyOf(ext, (library) => library.page.getByTestId('saved-notes').inputValue()), `${ext === a ? 'A' : 'B'}: both notes`).toMatch(
        new RegExp(`Catatan awal — dari (laptop|desktop)\\n\\n.*${MARKER}.*\\nCatatan awal — dari (laptop|desktop)`),
      );
      const note = await savedCopyOf(ext, (library) => library.page.getByTestId('saved-notes').inputValue());
      expect(note).toContain('dari laptop');
      expect(note).toContain('dari desktop');
      const tags = await savedCopyOf(ext, (library) => library.page.getByTestId('article-tags').inputValue());
      expect(tags.split(', ').sort()).toEqual(['ekspor', 'gayo', 'kopi']);
    }
  });

  it('highlights made on both devices are on both', async () => {
    for (const [ext, quote] of [
      [a, 'permintaan ekspor yang terus menguat'],
      [b, 'biji hijau yang sudah disortir'],
    ] as const) {
      const library = await LibraryApp.open(ext);
      await library.openArticle(GAYO);
      await library.select(quote);
      await library.page.getByTestId('highlight-selection').click();
      await eventually(() => library.marks().allTextContents()).toContain(quote);
      await library.page.close();
    }
    for (const ext of [a, b]) {
      await eventually(() => savedCopyOf(ext, async (library) => (await library.marks().allTextContents()).sort())).toEqual([
        'biji hijau yang sudah disortir',
        'permintaan ekspor yang terus menguat',
      ]);
    }
  });

  it('a delete on one device against a later edit on the other: the article comes back with the edit', async () => {
    setDown(true);
    const libraryA = await LibraryApp.open(a);
    await eventually(() => libraryA.items().count()).toBe(2);
    const titles = await libraryA.page.locator('[data-testid="article-item"] .article-row__title').allTextContents();
    const title = titles.find((t) => t !== GAYO)!;
    await deleteFromList(libraryA, title);
    await withPopup(b, '/article-short.html', (popup) => popup.notes().fill('Masih perlu dibaca'));
    await backOnlineSyncBoth(settingsA);
    await eventually(() => libraryA.items().count()).toBe(2);
    await libraryA.openArticle(title);
    expect(await libraryA.page.getByTestId('saved-notes').inputValue()).toBe('Masih perlu dibaca');
    await libraryA.page.close();
  });

  it('an article deleted on one device and edited later on the other comes back with its highlights', async () => {
    setDown(true);
    const libraryA = await LibraryApp.open(a);
    await eventually(() => libraryA.items().count()).toBe(2);
    await deleteFromList(libraryA, GAYO);
    await withPopup(b, '/article-kompas-like.html', (popup) => typeAtEnd(popup.page, popup.notes(), ' — dibaca lagi'));
    await backOnlineSyncBoth(settingsA);
    await eventually(() => libraryA.items().count()).toBe(2);
    await libraryA.page.close();
    for (const ext of [a, b]) {
      await eventually(() => savedCopyOf(ext, async (library) => (await library.marks().allTextContents()).sort()), `${ext === a ? 'A' : 'B'}: both highlights`).toEqual([
        'biji hijau yang sudah disortir',
        'permintaan ekspor yang terus menguat',
      ]);
      expect(await savedCopyOf(ext, (library) => library.page.getByTestId('saved-notes').inputValue())).toContain('dibaca lagi');
    }
  });

  it('Stop syncing keeps the library and forgets the account', async () => {
    await settingsA.page.getByTestId('sync-stop').click();
    await settingsA.page.getByTestId('sync-start').waitFor();
    const stored = await a.inExtension(async () => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      return (await api.storage.local.get('syncAccount')).syncAccount ?? null;
    });
    expect(stored).toBeNull();
    const libraryA = await LibraryApp.open(a);
    await eventually(() => libraryA.items().count()).toBe(2);
    const before = proxyOf(a).requests;
    await withPopup(a, '/article-kompas-like.html', (popup) => popup.tags().fill('kopi, ekspor, gayo, lokal'));
    await libraryA.page.waitForTimeout(1500);
    expect(proxyOf(a).requests).toBe(before);
  });
});
