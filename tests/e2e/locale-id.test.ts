import { afterAll, beforeAll, expect, it } from 'vitest';
import { FIXTURES_DIR, LibraryPage, PopupPage, launchExtension, serveDirs, tabIdOf, type ExtensionBrowser, type StaticServer, screenshotPath } from './harness';

let ext: ExtensionBrowser;
let site: StaticServer;

beforeAll(async () => {
  [ext, site] = await Promise.all([launchExtension({ lang: 'id' }), serveDirs(FIXTURES_DIR)]);
});
afterAll(async () => {
  await ext?.close();
  await site?.close();
});

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
