import { expect, it } from 'vitest';
import { extractArticle } from '@/utils/core/extract';
import { loadNewsId, parseHtml } from '../../../support/corpus';
import { CORPUS_DIR, describeCorpus, UNHURRIED_MS } from '../../support/corpus-gate';
import { clutterLeft, paragraphKept } from '../../../support/score';

/**
 * The pipeline on the news-id corpus: every body paragraph kept, no clutter text left. The corpus
 * sits beside the repository (CI: ../shared/corpus); without it the suite is skipped and named.
 */
describeCorpus('news-id corpus', () => {
  const pages = CORPUS_DIR ? loadNewsId(CORPUS_DIR) : [];
  it('has its four pages', () => {
    expect(pages.map((page) => page.id)).toHaveLength(4);
  });

  for (const page of pages) {
    it(`${page.id}: keeps every body paragraph, leaves no clutter, reads the metadata`, () => {
      const { doc, error } = parseHtml(page.html, page.url);
      expect(error).toBeNull();
      const before = doc!.documentElement.outerHTML;
      const result = extractArticle(doc!, page.url, { force: true, budgetMs: UNHURRIED_MS });
      expect(doc!.documentElement.outerHTML).toBe(before);
      if (!result.ok) throw new Error(`${page.id}: ${result.reason} ${result.detail}`);
      const { article } = result;
      expect(page.truth.body.filter((paragraph) => !paragraphKept(paragraph, article.textContent))).toEqual([]);
      expect(clutterLeft(page.truth.clutter, article.textContent)).toEqual([]);
      expect(article.title).toBe(page.truth.title);
      expect(article.byline).toBe(page.truth.byline);
      expect(article.lang).toBe(page.truth.lang);
      expect(article.siteName).toBe(page.truth.siteName);
      expect(article.publishedTime).toBe(page.truth.published);
    });
  }
});
