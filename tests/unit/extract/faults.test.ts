import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/utils/core/extract';
import { chooseExcerpt, cleanByline, signedByline, splitBylineDate } from '@/utils/core/extract/metadata';
import { parseHtml } from '../../../support/corpus';
import { articleWith, clutterTexts, proseKept } from './fragment';

const URL_ = 'https://news.example/2024/05/01/story';
const SENTENCE =
  'The river rose through the night and by morning the market square was under water, so traders moved their stalls to the school yard on the hill.';
const prose = (count: number) => Array.from({ length: count }, (_, i) => `<p>${i + 1}. ${SENTENCE}</p>`).join('');

function extract(body: string, head = '') {
  const { doc, error } = parseHtml(`<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`, URL_);
  if (!doc) throw new Error(error ?? 'no document');
  const result = extractArticle(doc, URL_, { force: true });
  if (!result.ok) throw new Error(result.detail);
  return result.article;
}

describe('reader text: what players and promos leave behind', () => {
  it('removes "Media playback is unsupported on your device" and "Video Ad Feedback"', () => {
    const root = articleWith('<div class="media-player"><p>Media playback is unsupported on your device</p></div><div>Video Ad Feedback</div>');
    expect(clutterTexts(root)).toEqual(['Media playback is unsupported on your device', 'Video Ad Feedback']);
    expect(proseKept(root)).toBe(true);
  });

  it('removes the "Loading …" placeholders a script left in the page, and keeps a heading that only starts with the word', () => {
    const root = articleWith(
      '<div class="specs"><span>Loading specifications…</span></div><div class="prices"><p>Loading prices for your region...</p></div><h3>Loading docks and what they cost</h3>',
    );
    expect(clutterTexts(root)).toEqual(['Loading specifications…', 'Loading prices for your region...']);
    expect(proseKept(root)).toBe(true);
  });

  it('removes a screen-reader caption label, so it never glues to the caption', () => {
    const article = extract(
      `<article><h1>Story</h1>${prose(3)}<figure><img src="/a.jpg" alt=""><figcaption><span class="ssrcss-1qr-VisuallyHidden">Media caption</span>Who is the new mayor?</figcaption></figure>${prose(3)}</article>`,
    );
    expect(article.contentHtml).toContain('Who is the new mayor?');
    expect(article.contentHtml).not.toContain('Media caption');
    // A screen-reader hint that is not a media label stays: it is the sentence's own text.
    const root = articleWith('<p>Prices rose <span class="sr-only">by ten percent</span> this week.</p>');
    expect(clutterTexts(root)).toEqual([]);
  });

  it('removes Indonesian and English video promo lines', () => {
    const root = articleWith(
      '<p><strong>Simak Video "Banjir Rendam Pasar Senen"</strong></p><p>Lihat juga Video: Detik-detik Hujan Es di Bogor</p><p>Gambas:Video CNN</p><p>Watch the video: floods in Jakarta</p>',
    );
    expect(clutterTexts(root)).toEqual([
      'Simak Video "Banjir Rendam Pasar Senen"',
      'Lihat juga Video: Detik-detik Hujan Es di Bogor',
      'Gambas:Video CNN',
      'Watch the video: floods in Jakarta',
    ]);
  });

  it('keeps a sentence that talks about a video', () => {
    const root = articleWith('<p>Simak videonya: the mayor said the clip showed the river at its highest point in a decade, and residents shared it widely.</p><p>The video showed water up to the roofs.</p>');
    expect(clutterTexts(root)).toEqual([]);
  });

  it('removes a bare "COPYRIGHT ©" line, keeps a year heading', () => {
    const root = articleWith('<p>COPYRIGHT ©</p><div>© 2024</div><h3>2024</h3>');
    expect(clutterTexts(root)).toEqual(['COPYRIGHT ©', '© 2024']);
  });

  it('removes affiliate disclosures and calls to action, keeps prose that mentions them', () => {
    const root = articleWith(
      '<p>Products are chosen independently by our editors. Purchases made through our links may earn us a commission.</p><p><a class="button" href="/demo">Book a demo</a></p><div class="blog-cta"><h3>Want to win more jobs?</h3><a href="/trial">Start your free trial</a></div>',
    );
    expect(clutterTexts(root)).toEqual([
      'Products are chosen independently by our editors. Purchases made through our links may earn us a commission.',
      'Book a demo',
      'Want to win more jobs?Start your free trial',
    ]);
    const kept = articleWith('<p>Regulators said affiliate links must be labelled, and that sites which earn a commission on sales have to say so plainly to every reader before a purchase.</p>');
    expect(clutterTexts(kept)).toEqual([]);
  });

  it('keeps a WordPress paragraph classed by its font size', () => {
    const root = articleWith('<p class="has-medium-font-size">So, if you are wading through a bit of chaos right now, remember you are not alone. Try a little yoga.</p>');
    expect(clutterTexts(root)).toEqual([]);
  });

  it('removes "You may be interested in" and "Good articles to read together" boxes', () => {
    const root = articleWith(
      '<div><h3>You may be interested in the following topics as well</h3><ul><li><a href="/a">Tax tips</a></li><li><a href="/b">Budgeting</a></li></ul></div><div><h4>Good articles to read together</h4><a href="/c">Saving for school</a></div>',
    );
    expect(clutterTexts(root)).toEqual(['You may be interested in the following topics as wellTax tipsBudgeting', 'Good articles to read togetherSaving for school']);
  });
});

describe('metadata faults', () => {
  it('splits a date glued to the byline, and uses it when the page has no other', () => {
    expect(splitBylineDate('Carrie ArnoldNovember 15, 2019')).toEqual({ byline: 'Carrie Arnold', date: 'November 15, 2019' });
    expect(cleanByline('By Jane Doe | 3 May 2024')).toBe('Jane Doe');
    expect(cleanByline('May Lee')).toBe('May Lee');
    const article = extract(`<article><h1>Story</h1><div class="byline"><span>Carrie Arnold</span><span>November 15, 2019</span></div>${prose(6)}</article>`);
    expect(article.byline).toBe('Carrie Arnold');
    expect(article.publishedTime?.slice(0, 4)).toBe('2019');
  });

  it('drops byline prefixes of other languages', () => {
    expect(cleanByline('Текст: Анна Иванова')).toBe('Анна Иванова');
    expect(cleanByline('Автор: Иван Петров')).toBe('Иван Петров');
    expect(cleanByline('Publicado por: Juan Pérez')).toBe('Juan Pérez');
    expect(cleanByline('Por Ana García')).toBe('Ana García');
    expect(cleanByline('Von Max Mustermann')).toBe('Max Mustermann');
    // A name that starts like a prefix is still a name.
    expect(cleanByline('Von Miller')).toBe('Von Miller');
    expect(cleanByline('Di Wu')).toBe('Di Wu');
  });

  it('prefers a signed "Publicado por: <person>" over a desk name', () => {
    const article = extract(
      `<article><h1>Historia</h1><p class="meta">Publicado por: Juan Pérez</p>${prose(6)}</article>`,
      '<meta name="author" content="Redacción">',
    );
    expect(article.byline).toBe('Juan Pérez');
    expect(signedByline(null)).toBeNull();
  });

  it('keeps a byline that is the site name (a personal blog), and says it once in text', () => {
    const article = extract(
      `<article><h1>Story</h1>${prose(6)}</article>`,
      `<meta property="og:site_name" content="BBC News"><script type="application/ld+json">{"@type":"NewsArticle","headline":"Story","author":{"@type":"Organization","name":"BBC News"},"publisher":{"name":"BBC News"}}</script>`,
    );
    expect(article.siteName).toBe('BBC News');
    expect(article.byline).toBe('BBC News');
    expect(cleanByline('Last Updated: January 7, 2025')).toBeNull();
  });

  it('gives an excerpt that is neither the title again nor the byline', () => {
    const text = `Story of the flood\nBy Jane Doe\n${SENTENCE}`;
    expect(chooseExcerpt(['Story of the flood', 'By Jane Doe'], 'Story of the flood', 'Jane Doe', text)).toBe(SENTENCE);
    expect(chooseExcerpt(['A short summary of what happened.'], 'Story of the flood', null, text)).toBe('A short summary of what happened.');
    const article = extract(`<article><h1>Story of the flood</h1>${prose(6)}</article>`, '<title>Story of the flood</title><meta name="description" content="Story of the flood">');
    expect(article.excerpt).toBe(`1. ${SENTENCE}`);
  });
});
