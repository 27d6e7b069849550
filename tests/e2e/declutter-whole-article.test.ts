import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, PopupPage, launchExtension, serveDirs, tabIdOf, type E2EPage, type ExtensionBrowser, type StaticServer } from './harness';

/**
 * Pages built the way real news pages are (a `<header>` around the headline, a tweet whose markup
 * swallowed the next paragraphs, an ad slot, `<br><br>` paragraphs, an Instagram embed; a short
 * five-paragraph story the readerable pre-check refuses): the explicit actions find the article,
 * and after Declutter the whole article and its title are in `document.body.innerText`.
 */
describe('declutter keeps the whole article, in the browser', () => {
  let ext: ExtensionBrowser;
  let site: StaticServer;
  const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

  beforeAll(async () => {
    [ext, site] = await Promise.all([launchExtension(), serveDirs(FIXTURES_DIR)]);
  });
  afterAll(async () => {
    await ext?.close();
    await site?.close();
  });

  async function open(name: string): Promise<{ page: E2EPage; tabId: number }> {
    const page = await ext.newPage();
    await page.goto(site.url(`/${name}`));
    return { page, tabId: await tabIdOf(ext, page) };
  }

  /** The article's own text, read from the served page: every paragraph line and the title block. */
  async function articleTexts(page: E2EPage): Promise<string[]> {
    return page.evaluate(() => {
      const article = document.querySelector('article, .story')!;
      const texts: string[] = [];
      for (const el of article.querySelectorAll('h1, .standfirst, .byline, time, p:not(blockquote p)')) texts.push(el.textContent ?? '');
      for (const el of article.querySelectorAll('.story-body-2')) texts.push(...(el as HTMLElement).innerText.split('\n'));
      return texts.map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t.length > 0);
    });
  }

  it('after Declutter from the popup, the headline, its header and every paragraph are visible; nav, sidebar and footer are not', async () => {
    const { page, tabId } = await open('article-embeds.html');
    const texts = await articleTexts(page);
    expect(texts.length).toBeGreaterThan(12);
    const popup = await PopupPage.open(ext, tabId);
    await expect.poll(() => popup.title().textContent()).toContain('market hall');
    const button = popup.page.getByTestId('declutter');
    await button.click();
    await expect.poll(() => button.textContent()).toBe('Restore page');
    const visible = squash(await page.evaluate(() => document.body.innerText));
    for (const text of texts) expect(visible, `hidden: ${text}`).toContain(text);
    expect(visible).toContain('Council votes to rebuild the old market hall');
    for (const clutter of ['Ten things to do this weekend', 'About us', 'Breaking: toll road opens early', 'Share on Facebook']) expect(visible).not.toContain(clutter);
    await popup.close();
    await page.close();
  });

  it('a popup opened before the page reloaded still declutters and restores it, as its button says', async () => {
    const { page, tabId } = await open('article-embeds.html');
    const popup = await PopupPage.open(ext, tabId);
    await expect.poll(() => popup.title().textContent()).toContain('market hall');
    const button = popup.page.getByTestId('declutter');
    const visible = async () => squash(await page.evaluate(() => document.body.innerText));
    // The reload takes the content script the popup injected with it.
    await page.reload();
    await button.click();
    await expect.poll(() => button.textContent()).toBe('Restore page');
    expect(await visible()).not.toContain('About us');
    expect(await popup.page.getByTestId('declutter-error').count()).toBe(0);
    // Reloaded while decluttered: the page shows all again, and "Restore page" must not declutter it.
    await page.reload();
    await button.click();
    await expect.poll(() => button.textContent()).toBe('Declutter');
    expect(await visible()).toContain('About us');
    expect(await popup.page.getByTestId('declutter-error').count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('a press after the popup opened uses the plan made while it was open, and hides what a plan made at the press hides; a page changed meanwhile is planned again', async () => {
    const hiddenIndexes = (page: E2EPage) =>
      page.evaluate(() => [...document.getElementsByTagName('*')].flatMap((el, i) => (el.hasAttribute('data-kliping-hidden') ? [i] : [])));
    // One address each: a tab is found by its address.
    const cold = await open('article-embeds.html?at-press');
    const atPress = await ext.callHook('declutterTab', cold.tabId, 'on');
    expect(atPress).toMatchObject({ active: true });
    expect(atPress).not.toHaveProperty('ahead');
    const hiddenAtPress = await hiddenIndexes(cold.page);
    expect(hiddenAtPress.length).toBeGreaterThan(0);

    // What the popup sends as it opens, then the press.
    const warm = await open('article-embeds.html?ahead');
    expect(await ext.callHook('declutterTab', warm.tabId, 'prepare')).toEqual({ active: false, ms: 0, heldBack: 0 });
    expect(await ext.callHook('declutterTab', warm.tabId, 'on')).toMatchObject({ active: true, ahead: true });
    expect(await hiddenIndexes(warm.page)).toEqual(hiddenAtPress);

    // The page adds a box after the plan was made and before the press: the plan is made again, and hides it.
    const changed = await open('article-embeds.html?changed');
    await ext.callHook('declutterTab', changed.tabId, 'prepare');
    await changed.page.evaluate(() => {
      document.querySelector('footer')!.insertAdjacentHTML('beforebegin', '<aside class="related-posts"><h3>Related posts</h3><ul><li><a href="/x">Tram fares rise in May</a></li><li><a href="/y">The bridge opens</a></li></ul></aside>');
    });
    const replanned = await ext.callHook('declutterTab', changed.tabId, 'on');
    expect(replanned).toMatchObject({ active: true });
    expect(replanned).not.toHaveProperty('ahead');
    expect(squash(await changed.page.evaluate(() => document.body.innerText))).not.toContain('Tram fares rise in May');
    for (const { page } of [cold, warm, changed]) await page.close();
  });

  it('a short article the readerable pre-check refuses is shown in the popup, with Reader and Declutter working', async () => {
    const { page, tabId } = await open('article-short.html');
    const popup = await PopupPage.open(ext, tabId);
    await expect.poll(() => popup.title().textContent()).toBe('Bridge reopens after repairs');
    expect(await popup.unreadable().count()).toBe(0);
    expect(await popup.page.getByTestId('unsure').textContent()).toContain('not sure this page is an article');
    expect(await popup.page.getByTestId('reader-view').isEnabled()).toBe(true);
    const button = popup.page.getByTestId('declutter');
    expect(await button.isEnabled()).toBe(true);
    await button.click();
    await expect.poll(() => button.textContent()).toBe('Restore page');
    const visible = squash(await page.evaluate(() => document.body.innerText));
    expect(visible).toContain('Bridge reopens after repairs');
    expect(visible).toContain('Residents of the villages on the far bank said the reopening came just in time for the harvest');
    expect(visible).not.toContain('About us');
    await button.click();
    await expect.poll(() => button.textContent()).toBe('Declutter');

    await popup.page.getByTestId('reader-view').click();
    await page.locator('kliping-reader').getByTestId('reader-overlay').waitFor();
    expect(await page.locator('kliping-reader').getByTestId('article-title').textContent()).toBe('Bridge reopens after repairs');
    await page.close();
  });
});
