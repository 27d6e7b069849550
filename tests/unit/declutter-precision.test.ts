import { describe, expect, it } from 'vitest';
import { declutter, planDeclutter } from '@/utils/core/declutter';
import { DECLUTTER_RULES, extractArticle, findClutter } from '@/utils/core/extract';
import { load, SENTENCES as STORY } from '../support/article-fragments';
import { visibleText } from '../support/visible-text';

/**
 * Declutter shows only the article: what real pages leave visible after it when nothing hides
 * them (issue #9, the scrapinghub pages' precision after Declutter), on fragments built like them.
 */

/** The first six paragraphs of the shared story: the article every fragment here must keep. */
const SENTENCES = STORY.slice(0, 6);
const HEADLINE = 'Council votes to rebuild the old market hall';
const NAV = '<nav class="site-nav"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>';
const FOOTER = '<footer class="site-footer"><a href="/about">About us</a> © Example News</footer>';
const paragraphs = (texts: readonly string[]) => texts.map((s) => `<p>${s}</p>`).join('');

function page(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${HEADLINE} | Example News</title></head><body>${NAV}${body}${FOOTER}</body></html>`;
}

function decluttered(html: string): { doc: Document; text: string } {
  const doc = load(html);
  const result = declutter(doc);
  if (!result.ok) throw new Error(result.detail);
  const text = visibleText(doc.body);
  expect(text).toContain(HEADLINE);
  for (const sentence of SENTENCES) expect(text, `hidden: ${sentence.slice(0, 40)}…`).toContain(sentence);
  return { doc, text };
}

describe('declutter hides what is not the article inside the article container', () => {
  it("hides the author's bio box Readability keeps at the end of the post (WordPress .post-author), however long its paragraph", () => {
    const bio =
      'Regan is a writer from the coast now living inland with her husband, two sons and a dog, and has covered city politics, the courts and the markets of the province for more than fifteen years, first for a weekly and now for this paper.';
    const { text } = decluttered(
      page(`<article class="post"><h1>${HEADLINE}</h1><div class="entry-content">${paragraphs(SENTENCES)}</div>
        <div class="post-author"><div class="author-content"><p>${bio}</p></div></div></article>`),
    );
    expect(text).not.toContain(bio);
  });

  it('hides a cookie notice that sits inside the article container', () => {
    const notice = 'We use cookies to make sure you get the best experience on our website. If you continue we will assume you agree.';
    const { text } = decluttered(
      page(`<article><h1>${HEADLINE}</h1>${paragraphs(SENTENCES)}<div id="cookie-notice"><div class="cookie-notice-container">${notice} <a href="#">OK</a></div></div></article>`),
    );
    expect(text).not.toContain('We use cookies');
  });

  it("hides a hover card spliced into a sentence, and keeps the sentence around it", () => {
    const [first, ...rest] = SENTENCES;
    const { text } = decluttered(
      page(`<article><h1>${HEADLINE}</h1><p>The mayor, <a href="/people/jane-roe">Jane Roe</a><span class="rollover-people-block"><span>Jane Roe</span> <a href="/x">Roe opens the new bus terminal</a> <a href="/y">Roe backs the toll road plan</a></span>, spoke first. ${first}</p>${paragraphs(rest)}</article>`),
    );
    expect(text).toContain('The mayor, Jane Roe, spoke first.');
    expect(text).not.toContain('Roe backs the toll road plan');
  });

  it('takes the copy a page keeps for printing (its URL in a print header) for clutter on the live page', () => {
    const doc = load(page(`<article><h1>${HEADLINE}</h1><div class="story">${paragraphs(SENTENCES.slice(0, 2))}<div class="print-header">https://news.example/city/market-hall-14848176.php</div>${paragraphs(SENTENCES.slice(2))}</div></article>`));
    const found = findClutter(doc.querySelector('article')!, DECLUTTER_RULES).map(({ el, rule }) => [el.className, rule]);
    expect(found).toContainEqual(['print-header', 'print-only']);
    decluttered(doc.documentElement.outerHTML);
  });

  it("hides the site's copyright line and a vendor's pitch inside the article container, and keeps an affiliate disclosure", () => {
    const copyright = '© 2024 Example News Corp. All rights reserved.';
    const disclosure = 'We may earn a commission when you buy through links on our site.';
    const { text } = decluttered(
      page(`<article><h1>${HEADLINE}</h1><div class="story"><p class="note">${disclosure}</p>${paragraphs(SENTENCES)}<div class="cta"><a href="/demo">Book a demo</a></div><p>${copyright}</p></div></article>`),
    );
    // WCXB's truth counts a page's disclosure as part of its article: it stays in place.
    expect(text).toContain(disclosure);
    expect(text).not.toContain('Book a demo');
    expect(text).not.toContain('All rights reserved');
  });
});

describe('a box whose class names it a modal is never the article', () => {
  // A disclosure or sign-in popup the site's CSS keeps hidden, with no ARIA role: its terms can
  // outweigh a short article (wcxb-dev 0334: the "Advertiser Disclosure" box was the pick).
  const terms = [
    'Many of the offers that appear on this site are from companies from which we may receive financial compensation when a customer clicks on a link, when an application is approved, or when an account is opened.',
    'This compensation may influence how and where products appear on this site, including, for example, the order in which they appear within listing categories, except where prohibited by law for our mortgage, home equity and other home lending products.',
    'Other factors, such as our own proprietary website rules and whether a product is offered in your area or at your self-selected credit score range, can also impact how and where products appear on this site.',
    'While we strive to provide a wide range of offers, we do not include information about every financial or credit product or service, and the editorial content on this page is not provided by any company mentioned.',
  ];
  const story = SENTENCES.slice(0, 2);
  const page = (modalClass: string) => `<!doctype html><html lang="en"><head><title>${HEADLINE} | Example News</title></head><body>${NAV}
    <div class="${modalClass}"><p class="title">Advertiser Disclosure</p><div class="content">${paragraphs(terms)}</div></div>
    <article><h1>${HEADLINE}</h1><div class="entry-content">${paragraphs(story)}</div></article>${FOOTER}</body></html>`;

  for (const modalClass of ['disclosure-modal-container', 'cli-modal', 'modal fade', 'modalWindow']) {
    it(`extraction takes the article, not the ".${modalClass}" box`, () => {
      const result = extractArticle(load(page(modalClass)), 'https://news.example/market-hall', { force: true });
      if (!result.ok) throw new Error(result.detail);
      expect(result.article.textContent).toContain(story[0]);
      expect(result.article.textContent).not.toContain(terms[0]);
    });
  }

  it('a page that says a modal is open (modal-open on <html>) shows it: the story opened in a modal over the front page is the article', () => {
    // readability-test-pages' yahoo-2: the story is in `render-target-modal`, over the front page's teasers.
    const teasers = ['<li><a href="/a">Storm closes schools in three counties</a></li>', '<li><a href="/b">Rates rise again</a></li>'].join('');
    const html = `<!doctype html><html lang="en" class="desktop modal-open"><head><title>${HEADLINE} | Example News</title></head><body>${NAV}
      <ul class="front">${teasers}</ul><div class="render-target-modal"><article><h1>${HEADLINE}</h1>${paragraphs(SENTENCES)}</article></div>${FOOTER}</body></html>`;
    const result = extractArticle(load(html), 'https://news.example/market-hall', { force: true });
    if (!result.ok) throw new Error(result.detail);
    for (const sentence of SENTENCES) expect(result.article.textContent).toContain(sentence);
  });

  it('a class that only mentions a modal (a state, a trigger) leaves its box in: here the box is the article', () => {
    const result = extractArticle(load(page('modal-enabled')), 'https://news.example/market-hall', { force: true });
    if (!result.ok) throw new Error(result.detail);
    expect(result.article.textContent).toContain(terms[0]);
  });
});

describe('a dialog is never the article', () => {
  // A "Republish this article" box: a closed <dialog> holding a copy of the whole article to paste
  // elsewhere, with the licence terms, so it reads as more article than the article itself.
  const terms = [
    'You may republish this article for free, online or in print, under a Creative Commons licence, as long as you credit the author and the newsroom.',
    'Do not edit the text beyond small changes for style, and do not sell the article on its own or as part of a bundle of stories for a fee.',
    'If you share it online, keep the links in the text and the tracking pixel at the end, which tells us how many people read it on your site.',
  ];
  const html = `<!doctype html><html lang="en"><head><title>${HEADLINE} | Example News</title></head><body>${NAV}
    <article><h1>${HEADLINE}</h1><div class="entry-content">${paragraphs(SENTENCES)}</div></article>
    <dialog class="republish-modal"><h2>Republish this article</h2>${paragraphs(terms)}<div class="copy"><h1>${HEADLINE}</h1>${paragraphs(SENTENCES)}</div></dialog>
    ${FOOTER}</body></html>`;

  it('extraction takes the article, not the republish box that copies it', () => {
    const result = extractArticle(load(html), 'https://news.example/market-hall', { force: true });
    if (!result.ok) throw new Error(result.detail);
    expect(result.article.textContent).toContain(SENTENCES[0]);
    expect(result.article.textContent).not.toContain('Republish this article');
    expect(result.article.textContent).not.toContain(terms[0]);
  });

  it('declutter keeps the article and hides the box', () => {
    const doc = load(html);
    const plan = planDeclutter(doc);
    if (!plan.ok) throw new Error(plan.detail);
    const article = doc.querySelector('article')!;
    expect(plan.span.kept.has(article.querySelector('p')!)).toBe(true);
    const { text } = decluttered(html);
    expect(text).not.toContain('Republish this article');
  });
});
