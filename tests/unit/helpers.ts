import type { Article } from '@/utils/core/article';

/** A saved-looking article for tests that need one; override what the test is about. */
export function sampleArticle(overrides: Partial<Article> = {}): Article {
  return {
    url: 'https://news.example/a/1?utm_source=x',
    canonicalUrl: 'https://news.example/a/1',
    title: 'Harga Cabai Naik',
    byline: 'Rina',
    siteName: 'News Example',
    publishedTime: '2024-05-01T08:00:00+07:00',
    lang: 'id',
    dir: 'ltr',
    excerpt: 'Harga cabai naik lagi.',
    leadImageUrl: null,
    wordCount: 400,
    readingMinutes: 2,
    contentHtml: '<p>Harga cabai naik lagi.</p>',
    textContent: 'Harga cabai naik lagi.',
    ...overrides,
  };
}
