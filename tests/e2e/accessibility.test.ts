import axe from 'axe-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, LibraryPage, PopupPage, launchExtension, serveDirs, tabIdOf, type E2EPage, type ExtensionBrowser, type StaticServer } from './harness';

// axe-core (pinned in package.json) runs inside each page under test: the popup, the library's
// list, saved copy and export/import panel, the settings page and the reader over a web page,
// in every reader theme on a light and a dark system. The system's scheme is set at launch
// (Firefox takes it only as a pref), so each scheme has its own browser.

const LONG_TITLE = 'Pelabuhan Tanjung Emas Perpanjang Jam Layanan Bongkar Muat Selama Musim Angkutan Lebaran untuk Mengurai Antrean Truk Logistik di Semarang';
const SHORT_TITLE = 'Petani Kopi Gayo Panen Raya, Harga Naik 20 Persen';
const QUOTE = 'antrean truk di jalan akses';
/** The saved-copy check makes its own highlight, apart from the keyboard test's. */
const SECOND_QUOTE = 'lapangan parkir sementara';
const THEMES = ['system', 'light', 'sepia', 'dark'] as const;
const SYSTEMS = ['light', 'dark'] as const;
/** The tallest a Chromium popup may be; past it the popup scrolls. */
const POPUP_MAX_HEIGHT = 600;

type Api = typeof chrome;

interface Violation {
  id: string;
  nodes: string[];
}

/** axe's violations on the page (or under `include`, a selector that may be a shadow host). */
async function violations(page: E2EPage, include?: string): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScript(axe.source);
  return page.evaluate(async (within: string | null) => {
    const engine = (window as unknown as { axe: typeof axe }).axe;
    const result = await engine.run(within ? { include: [within] } : document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`) }));
  }, include ?? null);
}

const activeText = (page: E2EPage) => page.evaluate(() => document.activeElement?.textContent ?? null);
const focusInList = (page: E2EPage) => page.evaluate(() => !!document.activeElement?.closest('.vlist'));
const buttonRows = (page: E2EPage) =>
  page.evaluate(() => new Set(Array.from(document.querySelectorAll('.popup__actions > .button')).map((b) => Math.round(b.getBoundingClientRect().top))).size);

for (const system of SYSTEMS) {
  describe(`on a ${system} system`, () => {
    let ext: ExtensionBrowser;
    let site: StaticServer;

    beforeAll(async () => {
      [ext, site] = await Promise.all([launchExtension({ colorScheme: system }), serveDirs(FIXTURES_DIR)]);
    });
    afterAll(async () => {
      await ext?.close();
      await site?.close();
    });

    const setReaderTheme = (theme: (typeof THEMES)[number]) =>
      ext.inExtension(
        (value) => ((globalThis as unknown as { browser?: Api }).browser ?? chrome).storage.sync.set({ readerPrefs: { font: 'serif', size: 19, lineHeight: 1.6, width: 36, theme: value } }),
        theme,
      );
    const openArticleTab = async (path: string) => {
      const page = await ext.newPage();
      await page.goto(site.url(path));
      return { page, tabId: await tabIdOf(ext, page) };
    };

    describe('the popup', () => {
      it('fits in a Chromium popup with a long title, before and after saving, and has no axe violations', async () => {
        const { page, tabId } = await openArticleTab('/news-long-title.html');
        const popup = await PopupPage.open(ext, tabId);
        await expect.poll(() => popup.title().textContent()).toBe(LONG_TITLE);
        await popup.notes().waitFor();
        expect(await violations(popup.page), 'popup').toEqual([]);
        expect(await popup.page.evaluate(() => document.body.scrollHeight), 'popup height').toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
        expect(await buttonRows(popup.page), 'Save, Reader view and Declutter on one row').toBe(1);

        await popup.save();
        expect(await popup.page.evaluate(() => document.body.scrollHeight), 'saved popup height').toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
        // Saved: the button offers to save again in a word; the ✓ line says it is saved.
        expect(await popup.saveButton().textContent()).toBe('Update');
        expect(await popup.savedStatus().textContent()).toContain('Saved to your library');
        expect(await buttonRows(popup.page), 'saved: still one row').toBe(1);
        // The site is named as it names itself (og:site_name), not by its host.
        expect(await popup.page.getByTestId('site-actions').locator('legend').textContent()).toBe('Harian Pesisir');
        expect(await violations(popup.page), 'saved popup').toEqual([]);
        await popup.close();
        await page.close();
      });

      it('opens the settings page', async () => {
        const { page, tabId } = await openArticleTab('/article-kompas-like.html');
        const popup = await PopupPage.open(ext, tabId);
        const opened = ext.waitForPage((url) => url.endsWith('/options.html'));
        await popup.page.getByTestId('open-settings').click();
        const settings = await opened;
        await settings.locator('h1').waitFor();
        await settings.close();
        await page.close();
      });
    });

    describe('the library', () => {
      let library: LibraryPage;

      beforeAll(async () => {
        // Two articles, the long-titled one first, so the list has rows to Tab past. The library's
        // tests save what they read themselves (saving the popup's article again only updates it).
        for (const path of ['/news-long-title.html', '/article-kompas-like.html']) {
          const { page, tabId } = await openArticleTab(path);
          const popup = await PopupPage.open(ext, tabId);
          await popup.title().waitFor();
          await popup.save();
          await popup.close();
          await page.close();
        }
      });
      // Each test starts from the list in a page of its own, whatever the one before it opened.
      beforeEach(async () => {
        library = await LibraryPage.open(ext);
        await library.items().nth(1).waitFor();
      });
      afterEach(async () => {
        await library?.page.close();
      });

      it('lists newest first without a query, says when each was saved, and fits its placeholder', async () => {
        expect(await library.page.getByTestId('sort').inputValue()).toBe('saved-desc');
        expect(await library.page.getByTestId('sort').locator('option').allTextContents()).not.toContain('Best match');
        expect(await library.items().first().textContent()).toContain(SHORT_TITLE);
        expect(await library.items().first().textContent()).toMatch(/Saved (now|\d+ seconds? ago|\d+ minutes? ago)/);
        await library.search().fill('kopi');
        await expect.poll(() => library.page.getByTestId('sort').inputValue()).toBe('relevance');
        await library.search().fill('');
        expect(await library.placeholderFits()).toBe(true);
      });

      it('has no axe violations on the list and the export/import panel', async () => {
        expect(await violations(library.page), 'list').toEqual([]);
        await library.page.getByTestId('transfer-toggle').locator('summary').click();
        await library.page.getByTestId('transfer-panel').waitFor();
        expect(await violations(library.page), 'export/import').toEqual([]);
        await library.page.getByTestId('transfer-toggle').locator('summary').click();
      });

      it('opens the settings page', async () => {
        const opened = ext.waitForPage((url) => url.endsWith('/options.html'));
        await library.page.getByTestId('open-settings').click();
        const settings = await opened;
        await settings.locator('h1').waitFor();
        await settings.close();
      });

      if (system === 'light') {
        it('costs one Tab stop for the whole list', async () => {
          // j moves the list's one Tab stop; focus follows it.
          await library.page.locator('.article-row--current .article-row__title').evaluate((el) => el.focus());
          await library.page.keyboard.press('j');
          await expect.poll(() => activeText(library.page)).toBe(LONG_TITLE);
          // From the control before the list, Tab lands on that row, and the next Tab leaves the list.
          await library.page.getByTestId('select-all').evaluate((el) => el.focus());
          await library.page.keyboard.press('Tab');
          expect(await activeText(library.page)).toBe(LONG_TITLE);
          await library.page.keyboard.press('Tab');
          expect(await focusInList(library.page)).toBe(false);
          // And back: Shift+Tab from the row leaves the list at once.
          await library.page.locator('.article-row--current .article-row__title').evaluate((el) => el.focus());
          await library.page.keyboard.press('Shift+Tab');
          expect(await focusInList(library.page)).toBe(false);
          expect(await library.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('select-all');
        });
      }

      it('opens with Enter onto the title, highlights a selection with H, and goes back with Esc', async () => {
        await library.page.locator('.article-row--current .article-row__title').evaluate((el) => el.focus());
        await library.page.keyboard.press('j');
        await expect.poll(() => activeText(library.page)).toBe(LONG_TITLE);
        await library.page.keyboard.press('Enter');
        await library.body().waitFor();
        await expect.poll(() => library.page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
        expect(await activeText(library.page)).toBe(LONG_TITLE);

        await library.select(QUOTE, 'keyboard');
        await library.page.keyboard.press('Shift'); // a keyboard selection ends with a key coming up
        await library.page.getByTestId('highlight-selection').waitFor();
        await library.page.keyboard.press('h');
        await expect.poll(() => library.marks().allTextContents()).toEqual([QUOTE]);

        await library.page.keyboard.press('Escape');
        await library.items().first().waitFor();
        await expect.poll(() => activeText(library.page)).toBe(LONG_TITLE);
      });

      it('has no axe violations on a saved copy with a highlight and an undescribed image, in every reader theme', async () => {
        await library.openArticle(LONG_TITLE);
        await library.select(SECOND_QUOTE);
        await library.page.getByTestId('highlight-selection').click();
        await expect.poll(() => library.marks().allTextContents()).toContain(SECOND_QUOTE);
        expect(await library.page.locator('[data-testid="reader-body"] img').getAttribute('alt')).toBe('');
        for (const theme of THEMES) {
          await setReaderTheme(theme);
          await expect.poll(() => library.page.getByTestId('saved-copy').getAttribute('data-theme')).toBe(theme === 'system' ? system : theme);
          // The whole page takes the article's theme: bar, sidebar and article share one background.
          const backgrounds = await library.page.evaluate(() =>
            ['.library__bar', '.library__side', '[data-testid="saved-copy"]'].map((s) => getComputedStyle(document.querySelector(s)!).backgroundColor),
          );
          expect(new Set(backgrounds.filter((b) => b !== 'rgba(0, 0, 0, 0)')).size, `${theme}: ${backgrounds.join(', ')}`).toBe(1);
          expect(await violations(library.page), `saved copy, ${theme} theme`).toEqual([]);
        }
        await setReaderTheme('system');
      });

      it('lines the saved copy toolbar up with the text column, its buttons apart', async () => {
        await library.openArticle(LONG_TITLE);
        const box = await library.page.evaluate(() => {
          // Plain numbers: a DOMRect does not survive WebDriver BiDi's serialization.
          const right = (s: string) => document.querySelector(s)!.getBoundingClientRect().right;
          const buttons = Array.from(document.querySelectorAll('.saved-copy__bar .button')).map((b) => b.getBoundingClientRect());
          return { bar: { right: right('.saved-copy__bar') }, p: { right: right('[data-testid="reader-body"] p') }, gap: buttons.length > 1 ? buttons[1]!.left - buttons[0]!.right : null };
        });
        // The bar has the column's padding (20 px): its inner edge is the text's edge.
        expect(Math.abs(box.bar.right - 20 - box.p.right)).toBeLessThanOrEqual(1);
        expect(box.gap).toBeGreaterThanOrEqual(6);
      });
    });

    describe('the settings page', () => {
      it('offers the reader defaults, was granted every shortcut, and has no axe violations', async () => {
        const page = await ext.newPage();
        await page.goto(ext.extensionUrl('options.html'));
        await page.getByTestId('reader-controls').waitFor();
        await page.getByTestId('reader-size-up').click();
        const storedSize = () => ext.inExtension(async () => ((await ((globalThis as unknown as { browser?: Api }).browser ?? chrome).storage.sync.get('readerPrefs')).readerPrefs as { size: number }).size);
        await expect.poll(storedSize).toBe(20);
        await page.getByTestId('reader-size-down').click();
        await expect.poll(storedSize).toBe(19);
        // Every shortcut Kliping suggests is one the browser grants (Chromium refused Alt+Shift+R).
        const commands = await ext.inExtension(() => ((globalThis as unknown as { browser?: Api }).browser ?? chrome).commands.getAll());
        for (const command of commands.filter((c) => c.name && !c.name.startsWith('_'))) expect(command.shortcut, command.name).toBeTruthy();
        await page.getByTestId('shortcut-row').first().waitFor();
        expect(await page.getByTestId('shortcuts-missing').count()).toBe(0);
        expect(await violations(page), 'settings').toEqual([]);
        await page.close();
      });
    });

    describe('the reader over a page', () => {
      it('has no axe violations in every reader theme, its saved line on the text column', async () => {
        const { page, tabId } = await openArticleTab('/news-long-title.html');
        // Saved first, so the reader shows its "saved" line (what this test measures).
        const saving = await PopupPage.open(ext, tabId);
        await saving.title().waitFor();
        await saving.save();
        await saving.close();
        for (const theme of THEMES) {
          await setReaderTheme(theme);
          const popup = await PopupPage.open(ext, tabId);
          await popup.page.getByTestId('reader-view').click();
          await expect.poll(() => popup.page.isClosed()).toBe(true);
          await page.bringToFront();
          const overlay = page.locator('kliping-reader').getByTestId('reader-overlay');
          await overlay.waitFor();
          await expect.poll(() => overlay.getAttribute('data-theme')).toBe(theme === 'system' ? system : theme);
          await page.locator('kliping-reader').getByTestId('reader-saved').waitFor();
          const edges = await page.locator('kliping-reader').evaluate((host) => {
            const root = host.shadowRoot!;
            const status = root.querySelector('[data-testid="reader-saved"]')!.getBoundingClientRect();
            const title = root.querySelector('[data-testid="article-title"]')!.getBoundingClientRect();
            return { status: status.left + 20, title: title.left };
          });
          expect(Math.abs(edges.status - edges.title)).toBeLessThanOrEqual(1);
          expect(await violations(page, 'kliping-reader'), `reader, ${theme} theme`).toEqual([]);
          await page.keyboard.press('Escape');
          await page.locator('kliping-reader').waitFor({ state: 'detached' });
        }
        await setReaderTheme('system');
        await page.close();
      });
    });
  });
}
