import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, LibraryPage, PopupPage, freshProfileEachTest, serveDirs, tabIdOf, type E2ELocator, type E2EPage, type ExtensionBrowser, type StaticServer, screenshotPath } from './harness';

const TITLE = 'Jalur Sepeda Kota Ditata Ulang';

let ext: ExtensionBrowser;
let site: StaticServer;

beforeAll(async () => {
  site = await serveDirs(FIXTURES_DIR);
});
afterAll(async () => {
  await site?.close();
});
// Each test in a fresh profile: reading settings, saves and "always open reader" are its own.
freshProfileEachTest((launched) => (ext = launched));

/** The reader view inside a page; Playwright's locators pierce its (open) shadow root. */
class ReaderOverlay {
  constructor(readonly page: E2EPage) {}
  host() {
    return this.page.locator('kliping-reader');
  }
  get(testId: string) {
    return this.host().getByTestId(testId);
  }
  overlay() {
    return this.get('reader-overlay');
  }
  article() {
    return this.get('reader-article');
  }
  firstParagraph() {
    return this.get('reader-body').locator('p').first();
  }
  style(testIdOrLocator: string | E2ELocator, property: string) {
    const target = typeof testIdOrLocator === 'string' ? this.get(testIdOrLocator) : testIdOrLocator;
    return target.evaluate((el, name) => getComputedStyle(el).getPropertyValue(name), property);
  }
  /** Opens the reader the way a user does: popup → Reader view; the popup closes itself. */
  async openFromPopup(tabId: number): Promise<void> {
    const popup = await PopupPage.open(ext, tabId);
    await popup.page.getByTestId('reader-view').click();
    await expect.poll(() => popup.page.isClosed()).toBe(true);
    await this.page.bringToFront();
    await this.overlay().waitFor();
  }
}

async function openFixture(path: string) {
  const page = await ext.newPage();
  await page.goto(site.url(path));
  return { page, tabId: await tabIdOf(ext, page), reader: new ReaderOverlay(page) };
}

describe('reader view', () => {
  it('shows the extracted article isolated from the page, and Esc returns to the page where it was', async () => {
    const { page, tabId, reader } = await openFixture('/reader-long.html');
    await page.evaluate(() => window.scrollTo(0, 700));
    const pageParagraphBefore = await page.locator('article p').nth(3).evaluate((el) => {
      const s = getComputedStyle(el);
      return { color: s.color, font: s.fontFamily, line: s.lineHeight, spacing: s.letterSpacing };
    });
    const htmlBefore = await page.evaluate(() => ({ style: document.documentElement.getAttribute('style'), overflow: getComputedStyle(document.documentElement).overflow }));

    await reader.openFromPopup(tabId);
    expect(await reader.host().evaluate((el) => el.shadowRoot !== null)).toBe(true);
    expect(await reader.get('article-title').textContent()).toBe(TITLE);
    const facts = await reader.get('article-facts').textContent();
    expect(facts).toContain('Kabar Kota');
    expect(facts).toContain('Dewi Lestari');
    expect(facts).toMatch(/\d+ min read/);
    expect(await reader.get('reader-body').textContent()).toContain('Bagian 24.');
    expect(await reader.get('reader-body').textContent()).not.toContain('Unduh aplikasi');

    // The page's hostile CSS (red fantasy paragraphs, spaced letters, hiding our host) stays out.
    expect(await reader.overlay().isVisible()).toBe(true);
    const p = reader.firstParagraph();
    expect(await reader.style(p, 'color')).not.toBe('rgb(255, 0, 0)');
    expect(await reader.style(p, 'font-family')).not.toContain('fantasy');
    expect(await reader.style(p, 'letter-spacing')).toBe('normal');
    // ...and ours does not reach the page: its paragraphs look as before.
    const pageParagraphOpen = await page.locator('article p').nth(3).evaluate((el) => {
      const s = getComputedStyle(el);
      return { color: s.color, font: s.fontFamily, line: s.lineHeight, spacing: s.letterSpacing };
    });
    expect(pageParagraphOpen).toEqual(pageParagraphBefore);

    // The page underneath does not scroll while the reader is open.
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).toBe('hidden');
    await page.mouse.wheel(0, 400);
    await expect.poll(() => reader.style('reader-progress', 'transform')).not.toBe('matrix(0, 0, 0, 1, 0, 0)');
    expect(await page.evaluate(() => window.scrollY)).toBe(700);
    // Scrolling to the end fills the progress bar.
    await reader.overlay().evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect.poll(() => reader.style('reader-progress', 'transform')).toBe('matrix(1, 0, 0, 1, 0, 0)');

    // Tab and Shift+Tab stay inside the reader, never reaching the page hidden beneath.
    const focusInReader = () => page.evaluate(() => document.activeElement?.tagName === 'KLIPING-READER');
    await page.keyboard.press('Shift+Tab');
    expect(await focusInReader()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focusInReader()).toBe(true);
    expect(await reader.host().evaluate((host) => host.shadowRoot?.activeElement?.getAttribute('data-testid'))).toBe('reader-close');

    await page.screenshot({ path: screenshotPath('reader.png') });
    await page.keyboard.press('Escape');
    await reader.host().waitFor({ state: 'detached' });
    expect(await page.evaluate(() => window.scrollY)).toBe(700);
    expect(
      await page.evaluate(() => ({ style: document.documentElement.getAttribute('style'), overflow: getComputedStyle(document.documentElement).overflow })),
    ).toEqual(htmlBefore);
    expect(await page.locator('style[data-kliping-reader-page]').count()).toBe(0);
    await page.close();
  });

  it('applies typography and theme controls at once and remembers them when reopened', async () => {
    const { page, tabId, reader } = await openFixture('/reader-long.html');
    await reader.openFromPopup(tabId);
    expect(await reader.style(reader.firstParagraph(), 'font-size')).toBe('19px');

    await reader.get('reader-settings').click();
    await reader.get('reader-font-sans').click();
    await reader.get('reader-size-up').click();
    await reader.get('reader-size-up').click();
    await reader.get('reader-lineHeight-up').click();
    await reader.get('reader-width-down').click();
    await reader.get('reader-theme-sepia').click();
    await expect.poll(() => reader.style(reader.firstParagraph(), 'font-size')).toBe('21px');
    expect(await reader.get('reader-size-value').textContent()).toBe('21px');
    expect(await reader.style(reader.firstParagraph(), 'font-family')).toContain('system-ui');
    expect(parseFloat(await reader.style(reader.firstParagraph(), 'line-height'))).toBeCloseTo(21 * 1.7, 1);
    expect(await reader.style('reader-article', 'max-width')).toBe(`${32 * 21}px`);
    expect(await reader.overlay().getAttribute('data-theme')).toBe('sepia');
    expect(await reader.style('reader-overlay', 'background-color')).toBe('rgb(244, 236, 216)');

    // The dyslexia-friendly face is shipped with the extension and loads on demand.
    await reader.get('reader-font-dyslexic').click();
    await expect
      .poll(() => page.evaluate(() => [...document.fonts].some((face) => face.family.includes('Kliping OpenDyslexic') && face.status === 'loaded')))
      .toBe(true);
    expect(await reader.style(reader.firstParagraph(), 'font-family')).toContain('Kliping OpenDyslexic');
    await reader.get('reader-font-sans').click();

    await reader.get('reader-close').click();
    await reader.host().waitFor({ state: 'detached' });

    await page.reload();
    await reader.openFromPopup(tabId);
    expect(await reader.style(reader.firstParagraph(), 'font-size')).toBe('21px');
    expect(await reader.style(reader.firstParagraph(), 'font-family')).toContain('system-ui');
    expect(await reader.overlay().getAttribute('data-theme')).toBe('sepia');

    // Printing shows the article alone. (Firefox's automation cannot emulate print: README.)
    if (ext.supports.printMedia) {
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('nav').isVisible()).toBe(false);
      expect(await reader.get('reader-body').isVisible()).toBe(true);
      expect(await reader.get('reader-close').isVisible()).toBe(false);
      await page.emulateMedia({ media: 'screen' });
    }
    await page.close();
  });

  it('opens from the reader command (Alt+Shift+R, context menu) and reports the time to paint', async () => {
    const { page, tabId, reader } = await openFixture('/reader-long.html');
    const result = (await ext.callHook('runPageCommand', 'reader', tabId)) as { command: string; opened: { ok: boolean; msToPaint: number } };
    expect(result.command).toBe('reader');
    expect(result.opened.ok).toBe(true);
    expect(result.opened.msToPaint).toBeGreaterThan(0);
    // Resolved only once painted: the reader is there the moment the command returns.
    expect(await reader.overlay().isVisible()).toBe(true);
    expect(await reader.get('article-title').textContent()).toBe(TITLE);
    await page.keyboard.press('Escape');
    await reader.host().waitFor({ state: 'detached' });
    await page.close();
  });

  it('renders a right-to-left article right to left', async () => {
    const { page, tabId, reader } = await openFixture('/reader-rtl.html');
    await reader.openFromPopup(tabId);
    expect(await reader.article().getAttribute('dir')).toBe('rtl');
    expect(await reader.article().getAttribute('lang')).toBe('ar');
    expect(await reader.style(reader.firstParagraph(), 'direction')).toBe('rtl');

    // Read-aloud is offered only when the browser has a voice (headless Chromium usually has
    // none); offered, it highlights the paragraph being read or says why it cannot.
    const voices = await page.evaluate(() => speechSynthesis.getVoices().length);
    if (voices === 0) {
      expect(await reader.get('reader-listen').count()).toBe(0);
    } else {
      await reader.get('reader-listen').click();
      await expect
        .poll(async () => (await reader.host().locator('.reader__speaking').count()) + (await reader.get('reader-speech-failed').count()))
        .toBeGreaterThan(0);
    }
    await page.close();
  });

  it('saves and keeps notes from the reader, through the background, into the library', async () => {
    const { page, tabId, reader } = await openFixture('/reader-long.html');
    await reader.openFromPopup(tabId);
    await reader.get('reader-settings').click();
    await reader.get('reader-size-up').click();
    await reader.get('reader-theme-dark').click();
    await expect.poll(() => reader.overlay().getAttribute('data-theme')).toBe('dark');
    const readerSize = await reader.style(reader.firstParagraph(), 'font-size');
    await expect.poll(() => reader.get('reader-save').isEnabled()).toBe(true);
    await reader.get('reader-save').click();
    await reader.get('reader-saved').waitFor();
    await reader.get('reader-notes').click();
    await reader.host().getByTestId('notes').click();
    // Typed keys stay in the reader: the page's own key handlers never see them.
    await page.evaluate(() => {
      (window as unknown as { pageKeys: number }).pageKeys = 0;
      addEventListener('keydown', () => (window as unknown as { pageKeys: number }).pageKeys++);
    });
    await page.keyboard.type('Jalur harus tersambung ke stasiun.');
    await reader.host().getByTestId('tags').fill('kota, sepeda');
    expect(await page.evaluate(() => (window as unknown as { pageKeys: number }).pageKeys)).toBe(0);
    await page.keyboard.press('Escape'); // closes the notes panel
    await page.keyboard.press('Escape'); // closes the reader
    await reader.host().waitFor({ state: 'detached' });

    const library = await LibraryPage.open(ext);
    await expect.poll(() => library.items().count()).toBe(1);
    expect(await library.items().first().textContent()).toContain('sepeda');
    await library.openArticle(TITLE);
    await expect.poll(() => library.savedNotes().inputValue()).toBe('Jalur harus tersambung ke stasiun.');
    // The saved copy is the same reader component, with the same (remembered) settings.
    const paragraph = library.page.getByTestId('reader-body').locator('p').first();
    expect(await paragraph.evaluate((el) => getComputedStyle(el).fontSize)).toBe(readerSize);
    expect(await library.savedCopy().getAttribute('data-theme')).toBe('dark');
    await library.page.close();
    await page.close();
  });

  it('opens by itself on a site set to "always open reader", loading its UI on demand', async () => {
    const { page, tabId } = await openFixture('/reader-rtl.html');
    const popup = await PopupPage.open(ext, tabId);
    await popup.page.getByTestId('always-reader').check();
    await expect.poll(() => popup.page.getByTestId('always-reader').isChecked()).toBe(true);
    await popup.close();

    const next = new ReaderOverlay(await ext.newPage());
    await next.page.goto(site.url('/reader-long.html'));
    await next.overlay().waitFor();
    expect(await next.get('article-title').textContent()).toBe(TITLE);

    const again = await PopupPage.open(ext, tabId);
    await again.page.getByTestId('always-reader').uncheck();
    await expect.poll(() => again.page.getByTestId('always-reader').isChecked()).toBe(false);
    await again.close();
    // Turning it off unregisters the site's script in the background, a moment after the box
    // shows unchecked: a page loaded from then on opens without the reader.
    await expect
      .poll(async () => {
        await next.page.reload();
        await next.page.locator('main article h1, body > article h1').first().waitFor();
        await next.page.waitForTimeout(300);
        return next.host().count();
      }, { timeout: 20_000, interval: 500 })
      .toBe(0);
    await next.page.close();
    await page.close();
  });
});
