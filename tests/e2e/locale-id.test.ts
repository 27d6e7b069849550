import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, LibraryPage, PopupPage, freshProfileEachTest, serveDirs, tabIdOf, type E2EPage, type ExtensionBrowser, type StaticServer, screenshotPath } from './harness';

let ext: ExtensionBrowser;
let site: StaticServer;

// Each test starts in a fresh profile: the library's count and the popup's Save are its own.
beforeAll(async () => {
  site = await serveDirs(FIXTURES_DIR);
});
afterAll(async () => {
  await site?.close();
});
freshProfileEachTest((launched) => (ext = launched), { lang: 'id' });

it('speaks Bahasa Indonesia when the browser does', async () => {
  const page = await ext.newPage();
  await page.goto(site.url('/article-kompas-like.html'));
  const popup = await PopupPage.open(ext, await tabIdOf(ext, page));
  await expect.poll(() => popup.saveButton().textContent()).toBe('Simpan');
  expect(await popup.facts().textContent()).toMatch(/\d+ menit baca/);
  expect(await popup.page.getByTestId('open-library').textContent()).toBe('Buka pustaka');
  await popup.save();
  expect(await popup.savedStatus().textContent()).toContain('Tersimpan di pustaka Anda');
  await popup.page.locator('main').screenshot({ path: screenshotPath('popup-id.png') });

  const library = await LibraryPage.open(ext);
  await expect.poll(() => library.page.title()).toBe('Pustaka Kliping');
  await expect.poll(() => library.page.getByText('1 artikel').count()).toBe(1);
});

const buttonRows = (page: E2EPage) =>
  page.evaluate(() => new Set(Array.from(document.querySelectorAll('.popup__actions > .button')).map((b) => Math.round(b.getBoundingClientRect().top))).size);

// Bahasa Indonesia runs longer than English: the popup and the search box must still fit.
describe('in Bahasa Indonesia, the longer words still fit', () => {
  it('keeps the popup within 600 px with a long title, its buttons on one row, before and after saving', async () => {
    const page = await ext.newPage();
    await page.goto(site.url('/news-long-title.html'));
    const popup = await PopupPage.open(ext, await tabIdOf(ext, page));
    await expect.poll(() => popup.saveButton().textContent()).toBe('Simpan');
    await popup.notes().waitFor();
    expect(await buttonRows(popup.page)).toBe(1);
    expect(await popup.page.evaluate(() => document.body.scrollHeight)).toBeLessThanOrEqual(600);
    await popup.save();
    expect(await popup.saveButton().textContent()).toBe('Perbarui');
    expect(await buttonRows(popup.page)).toBe(1);
    expect(await popup.page.evaluate(() => document.body.scrollHeight)).toBeLessThanOrEqual(600);
    await popup.close();
    await page.close();
  });

  it('shows the whole search placeholder, and the search qualifiers beside it', async () => {
    const page = await ext.newPage();
    await page.goto(site.url('/news-long-title.html'));
    const popup = await PopupPage.open(ext, await tabIdOf(ext, page));
    await expect.poll(() => popup.saveButton().textContent()).toBe('Simpan');
    await popup.save();
    await popup.close();
    await page.close();
    const library = await LibraryPage.open(ext);
    await library.items().first().waitFor();
    expect(await library.placeholderFits()).toBe(true);
    expect(await library.page.locator('#library-search-help').textContent()).toContain('tag:kopi');
    expect(await library.items().first().textContent()).toMatch(/Disimpan (sekarang|\d+ detik yang lalu|\d+ menit yang lalu)/);
    await library.page.close();
  });
});
