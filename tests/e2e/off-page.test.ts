import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchExtension, tabIdOf, type ExtensionBrowser, type StaticServer } from './harness';
import { differences, offPagePages, pagePath, serveCorpusPages, type Comparison } from '../../support/offpage-corpus';
import { CORPUS_DIR, describeCorpus } from '../support/corpus-gate';

/*
 * Parsing moved off the page (#15) and must not change a single answer: on a sample of corpus
 * pages, the off-page path (snapshot parsed in the extension) gives the very extraction and hides
 * the very elements the in-page pipeline (the e2e build's baseline script) does. `bench:offpage`
 * runs the same diff on every page.
 */
const SAMPLE_PER_CORPUS = 3;

describeCorpus('off the page, the same answers as in it', () => {
  const pages = CORPUS_DIR ? offPagePages(CORPUS_DIR, SAMPLE_PER_CORPUS) : [];
  let ext: ExtensionBrowser;
  let site: StaticServer;

  beforeAll(async () => {
    [ext, site] = await Promise.all([launchExtension(), serveCorpusPages(pages)]);
  });
  afterAll(async () => {
    await ext?.close();
    await site?.close();
  });

  for (const corpusPage of pages) {
    it(`${corpusPage.corpus}/${corpusPage.id.slice(0, 24)}: every extracted field and every hidden element match`, async () => {
      const page = await ext.newPage();
      await page.goto(site.url(pagePath(corpusPage)));
      const comparison = (await ext.compareOffPage(await tabIdOf(ext, page))) as Comparison;
      // A diff of two empty answers proves nothing: the sample pages are articles.
      expect(comparison.inPage.extract.ok).toBe(true);
      expect(comparison.inPage.declutter.active).toBe(true);
      expect(comparison.inPage.hidden.length).toBeGreaterThan(0);
      expect(differences(comparison)).toEqual([]);
      await page.close();
    });
  }
});
