import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noteDraftKey } from '../../utils/core/note-draft';
import { FIXTURES_DIR, LibraryPage, PopupPage, freshProfileEachTest, launchExtension, serveDirs, tabIdOf, type ExtensionBrowser, type StaticServer, screenshotPath } from './harness';

const TITLE = 'Petani Kopi Gayo Panen Raya, Harga Naik 20 Persen';

let ext: ExtensionBrowser;
let site: StaticServer;

// Each test starts in a fresh profile (an empty library) and saves what it needs itself.
beforeAll(async () => {
  site = await serveDirs(FIXTURES_DIR);
});
afterAll(async () => {
  await site?.close();
});
freshProfileEachTest((launched) => (ext = launched));

async function openArticleTab(query = '') {
  const page = await ext.newPage();
  await page.goto(site.url(`/article-kompas-like.html${query}`));
  return { page, tabId: await tabIdOf(ext, page) };
}

/** Saves the article through the popup, reached by the link with `query`. */
async function saveArticle(query = ''): Promise<void> {
  const { page, tabId } = await openArticleTab(query);
  const popup = await PopupPage.open(ext, tabId);
  await expect.poll(() => popup.saveButton().textContent()).toBe('Save');
  await popup.save();
  await popup.close();
  await page.close();
}

describe('saving the article being read', () => {
  it('shows the article, saves it, and still knows it is saved when reopened', async () => {
    const { tabId } = await openArticleTab('?utm_source=newsletter&fbclid=abc');
    const popup = await PopupPage.open(ext, tabId);
    await expect.poll(() => popup.title().textContent()).toBe(TITLE);
    const facts = await popup.facts().textContent();
    expect(facts).toContain('Warta Nusantara');
    expect(facts).toContain('Siti Rahmawati');
    expect(facts).toContain('2024');
    expect(facts).toMatch(/\d+ min read/);
    await expect.poll(() => popup.saveButton().textContent()).toBe('Save');

    await popup.page.locator('main').screenshot({ path: screenshotPath('popup.png') });
    await popup.save();
    await popup.reload();
    await popup.savedStatus().waitFor();
    expect(await popup.saveButton().textContent()).toBe('Update');
    await popup.close();
  });

  it('keeps the last keystroke of a note when the popup closes at once, and never duplicates the page', async () => {
    await saveArticle('?utm_source=newsletter&fbclid=abc');
    // The same article reached by another link: tracking parameters and fragment differ.
    const { tabId } = await openArticleTab('?utm_campaign=x#comments');
    const popup = await PopupPage.open(ext, tabId);
    await popup.notes().waitFor();
    await popup.notes().click();
    await popup.page.keyboard.type('Harga naik karena ekspor!');
    await popup.close(); // no wait: the popup dies one keystroke after typing

    const again = await PopupPage.open(ext, tabId);
    await expect.poll(() => again.notes().inputValue()).toBe('Harga naik karena ekspor!');
    await again.tags().fill('kopi, ekonomi');
    await again.close();

    const library = await LibraryPage.open(ext);
    await expect.poll(() => library.items().count()).toBe(1);
    expect(await library.items().first().textContent()).toContain('kopi');
    await library.openArticle(TITLE);
    expect(await library.savedCopy().textContent()).toContain('Petani kopi di dataran tinggi Gayo');
    expect(await library.savedNotes().inputValue()).toBe('Harga naik karena ekspor!');
    // The saved copy carries nothing of the page but its article.
    expect(await library.savedCopy().textContent()).not.toContain('Terpopuler');
    await library.page.close();
  });

  it('hands on again the words of a note that never reached the background', async () => {
    const { tabId } = await openArticleTab();
    const popup = await PopupPage.open(ext, tabId);
    await popup.notes().waitFor();
    await popup.notes().click();
    await popup.page.keyboard.type('Harga naik');
    const key = noteDraftKey(site.url('/ekonomi/2024/05/02/petani-kopi-gayo-panen-raya'));
    // Kept until the database says it has the note, then gone.
    await expect.poll(() => popup.page.evaluate((k) => localStorage.getItem(k), key)).toBeNull();
    // What a popup leaves when it dies with its last keystrokes still on their way.
    await popup.page.evaluate(
      (k) => localStorage.setItem(k, JSON.stringify({ text: 'Harga naik karena ekspor!', base: 'Harga naik', at: Date.now() })),
      key,
    );
    await popup.close();

    const again = await PopupPage.open(ext, tabId);
    await expect.poll(() => again.notes().inputValue()).toBe('Harga naik karena ekspor!');
    await expect.poll(() => again.page.evaluate((k) => localStorage.getItem(k), key)).toBeNull();
    await again.close();
    const library = await LibraryPage.open(ext);
    await library.openArticle(TITLE);
    expect(await library.savedNotes().inputValue()).toBe('Harga naik karena ekspor!');
    await library.page.close();
  });

  it('opens the library from the popup', async () => {
    await saveArticle();
    const { tabId } = await openArticleTab();
    const popup = await PopupPage.open(ext, tabId);
    const opened = ext.waitForPage((url) => url.endsWith('/library.html'));
    await popup.page.getByTestId('open-library').click();
    const library = await opened;
    await library.getByTestId('article-item').first().waitFor();
    expect(await library.getByTestId('article-item').count()).toBe(1);
    await library.close();
  });
});

describe('pages where nothing can run', () => {
  it('says a PDF cannot be read and saves its link instead', async () => {
    const page = await ext.newPage();
    await page.goto(site.url('/report.pdf')).catch(() => undefined); // a PDF viewer or a download
    const popup = await PopupPage.open(ext, await tabIdOf(ext, page));
    await expect.poll(() => popup.unreadable().textContent()).toContain('This is a PDF');
    await expect.poll(() => popup.saveButton().textContent()).toBe('Save link');
    await popup.save();
    await popup.close();
    await page.close();
    const library = await LibraryPage.open(ext);
    await library.page.getByRole('link', { name: 'report.pdf' }).waitFor();
    await library.page.close();
  });

  it('says a browser page cannot be read, and does nothing to it', async () => {
    const popup = await PopupPage.open(ext, await ext.openBrowserPage());
    // Opened by automation, the tab's URL stays hidden (no activeTab grant): Kliping cannot even save it.
    await expect.poll(() => popup.unreadable().textContent()).toContain('cannot read this page');
    expect(await popup.saveButton().count()).toBe(0);
    await popup.close();
  });

  it('says when no article is found', async () => {
    const page = await ext.newPage();
    await page.goto(site.url('/not-an-article.html'));
    const popup = await PopupPage.open(ext, await tabIdOf(ext, page));
    await expect.poll(() => popup.unreadable().textContent()).toContain('No article found');
    // Enabled once the background has answered on the session port, which can come a moment later.
    await expect.poll(() => popup.saveButton().isEnabled()).toBe(true);
    await popup.close();
    await page.close();
  });
});

describe('a fresh start for every test', () => {
  // Firefox's harness keeps its process between tests and reinstalls the add-on (FirefoxPool):
  // what a test saved, set or left open must be gone for the next, as in a new profile.
  it('leaves the next launch no saved article, no stored setting and no open tab', async () => {
    await saveArticle();
    await ext.inExtension(async () => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      await api.storage.local.set({ leftBehind: true });
    });
    const leftOpen = await ext.newPage();
    await leftOpen.goto(site.url('/article-kompas-like.html'));
    await ext.close();

    const next = await launchExtension();
    try {
      const stored = await next.inExtension(async () => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        const tabs = await api.tabs.query({});
        return { keys: Object.keys(await api.storage.local.get(null)), tabUrls: tabs.map((tab) => tab.url ?? '') };
      });
      expect(stored.keys).not.toContain('leftBehind');
      expect(stored.tabUrls.filter((url) => url.includes('article-kompas-like'))).toEqual([]);
      const library = await LibraryPage.open(next);
      await library.page.locator('.library__empty').waitFor();
      expect(await library.items().count()).toBe(0);
    } finally {
      await next.close();
    }
  });
});

