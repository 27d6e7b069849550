import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, PopupPage, launchExtension, serveDirs, tabIdOf, type E2EPage, type ExtensionBrowser, type StaticServer } from './harness';
import { LibraryApp } from './library-page';

// Bahasa Indonesia runs longer than English: the popup and the search box must still fit.

let ext: ExtensionBrowser;
let site: StaticServer;

beforeAll(async () => {
  [ext, site] = await Promise.all([launchExtension({ lang: 'id' }), serveDirs(FIXTURES_DIR)]);
});
afterAll(async () => {
  await ext?.close();
  await site?.close();
});

const buttonRows = (page: E2EPage) =>
  page.evaluate(() => new Set(Array.from(document.querySelectorAll('.popup__actions > .button')).map((b) => Math.round(b.getBoundingClientRect().top))).size);

describe('in Bahasa Indonesia', () => {
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
    const library = await LibraryApp.open(ext);
    await library.items().first().waitFor();
    const fits = await library.search().evaluate((element) => {
      const input = element as HTMLInputElement;
      const style = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      return context.measureText(input.placeholder).width <= input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    });
    expect(fits).toBe(true);
    expect(await library.page.locator('#library-search-help').textContent()).toContain('tag:kopi');
    expect(await library.items().first().textContent()).toMatch(/Disimpan (sekarang|\d+ detik yang lalu|\d+ menit yang lalu)/);
    await library.page.close();
  });
});
