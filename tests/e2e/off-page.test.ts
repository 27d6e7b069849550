import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchExtension, PopupPage, tabIdOf, type ExtensionBrowser, type StaticServer } from './harness';
import { comparePaths, differences, offPagePages, pagePath, serveCorpusPages, type CorpusPage } from '../../support/offpage-corpus';
import { CORPUS_DIR, describeCorpus } from '../support/corpus-gate';

/*
 * Parsing moved off the page (#15) and must not change a single answer: on a sample of corpus
 * pages, the off-page path (snapshot parsed in the extension) gives the very extraction and hides
 * the very elements the in-page pipeline (the e2e build's baseline script) does, each path on its
 * own load of the page. `npm run diff:offpage` runs the same diff on every page.
 */
const SAMPLE_PER_CORPUS = 3;

const STORY = Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i + 1} of the council's account of the market hall: the vote, the cost, the builders chosen and the date the doors open again to traders and shoppers.</p>`).join('');

/**
 * Pages written for a way the live page and its snapshot parsed again once differed. The page's
 * own script runs as it loads, as a site's does.
 */
const WRITTEN: CorpusPage[] = [
  {
    // An ad script's <iframe> put into the head before the <title> (sfgate.com, thesun.co.uk in
    // scrapinghub-dev): parsed again in place, it ended the head and took the title into the body.
    corpus: 'written',
    id: 'head-iframe',
    html: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Council votes to rebuild the market hall</title>
      <noscript><img src="/pixel.gif" alt=""></noscript><meta name="author" content="Ani Rahma">
      <script>document.head.insertBefore(document.createElement('iframe'), document.head.firstChild);</script></head>
      <body><nav class="site-nav"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
      <article><h1>Council votes to rebuild the market hall</h1>${STORY}
      <div class="share-buttons"><a href="https://facebook.com/share">Facebook</a> <a href="https://twitter.com/share">Twitter</a></div></article>
      <footer class="site-footer">© The Daily Example · <a href="/privacy">Privacy</a></footer></body></html>`,
  },
  {
    // A <pre> whose text starts with newlines (three in the source, wcxb-dev 0435): serialized,
    // the first is not written back, and parsed again the listing lost a line.
    corpus: 'written',
    id: 'pre-newline',
    html: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Reviving an old router from its serial console</title></head>
      <body><nav class="site-nav"><a href="/">Home</a> <a href="/howto">How-to</a></nav>
      <article><h1>Reviving an old router from its serial console</h1>${STORY}
      <p>Wait for the boot messages to appear on the console, then interrupt the boot to reach the monitor:</p>
      <pre>\n\n\n----------------------------------------\nBootRom Version    1.1\nMemory Size:  128 MB\n----------------------------------------\n</pre>
      ${STORY}</article><footer class="site-footer">© The Daily Example</footer></body></html>`,
  },
];

describeCorpus('off the page, the same answers as in it', () => {
  const pages = [...WRITTEN, ...(CORPUS_DIR ? offPagePages(CORPUS_DIR, SAMPLE_PER_CORPUS) : [])];
  let ext: ExtensionBrowser;
  let site: StaticServer;

  beforeAll(async () => {
    [ext, site] = await Promise.all([launchExtension(), serveCorpusPages(pages)]);
  });
  afterAll(async () => {
    await ext?.close();
    await site?.close();
  });

  it('starts the parser when the page asks and none runs (Chromium: its offscreen document closed), and declutters', async () => {
    const offscreenOpen = () =>
      ext.inExtension(async () => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        // Firefox has neither API: its background page is the parser, always there.
        if (!api.offscreen) return null;
        return (await api.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType] })).length;
      });
    // Closed if open: the popup's Declutter asks the page directly, and nothing readies the parser first.
    await ext.inExtension(async () => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      if (api.offscreen && (await api.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType] })).length) await api.offscreen.closeDocument();
    });
    if (ext.name === 'chromium') expect(await offscreenOpen()).toBe(0);
    const page = await ext.newPage();
    await page.goto(site.url(pagePath(WRITTEN[0]!)));
    const popup = await PopupPage.open(ext, await tabIdOf(ext, page));
    const button = popup.page.getByTestId('declutter');
    await expect.poll(() => button.textContent()).toBe('Declutter');
    await button.click();
    await expect.poll(() => button.textContent()).toBe('Restore page');
    expect(await page.locator('nav.site-nav').isVisible()).toBe(false);
    expect(await page.locator('article p').first().isVisible()).toBe(true);
    if (ext.name === 'chromium') expect(await offscreenOpen()).toBe(1);
    await popup.close();
    await page.close();
  });

  for (const corpusPage of pages) {
    it(`${corpusPage.corpus}/${corpusPage.id.slice(0, 24)}: every extracted field and every hidden element match`, async () => {
      const comparison = await comparePaths(ext, site.url(pagePath(corpusPage)));
      // A diff of two empty answers proves nothing: the sample pages are articles.
      expect(comparison.inPage.extract.ok).toBe(true);
      expect(comparison.inPage.declutter.active).toBe(true);
      expect(comparison.inPage.hidden.length).toBeGreaterThan(0);
      expect(differences(comparison)).toEqual([]);
    });
  }
});
