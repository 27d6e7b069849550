import { describe, expect, it } from 'vitest';
import { isProbablyReaderable } from '@mozilla/readability';
import { declutter, DeclutteredPage, HIDDEN_ATTR, layoutFreeVisibleText, planDeclutter, showMissingArticle } from '@/utils/core/declutter';
import { extractArticle } from '@/utils/core/extract';
import { load, SENTENCES } from '../support/article-fragments';
import { visibleLines, visibleText } from '../support/visible-text';

/**
 * Pages built the way real news pages are, where trusting Readability's node set hid part of the
 * article: the article must stay whole whatever the heuristics think of its wrappers.
 */

const NAV = '<nav class="site-nav"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/business">Business</a></nav>';
const SIDEBAR =
  '<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Ten things to do this weekend in town</a></li><li><a href="/b">Prices of chilies rise again</a></li><li><a href="/c">The new toll road opens</a></li></ul></aside>';
const FOOTER = '<footer class="site-footer"><a href="/about">About us</a> <a href="/contact">Contact</a> © Example News</footer>';

function page(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${NAV}${body}${SIDEBAR}${FOOTER}</body></html>`;
}

function expectArticleVisible(doc: Document, texts: string[]): void {
  const text = visibleText(doc.body);
  for (const sentence of texts) expect(text, `hidden: ${sentence.slice(0, 50)}…`).toContain(sentence);
}

describe('declutter keeps the whole article visible', () => {
  it('keeps a <header> with the headline, its kicker, date, standfirst and byline, even when the page names the article differently', () => {
    const headline = 'Council votes to rebuild the old market hall';
    const doc = load(
      page(
        `<main><article>
          <header class="entry-header">
            <div class="kicker"><a href="/city">City</a></div>
            <time datetime="2024-05-12">12 May 2024</time>
            <h1 class="entry-title">${headline}</h1>
            <p class="standfirst">Traders get temporary stalls during two years of building</p>
            <div class="byline">By <a rel="author" href="/staff/ana">Ana Putri</a></div>
          </header>
          <div class="entry-content">${SENTENCES.slice(0, 6).map((s) => `<p>${s}</p>`).join('')}</div>
        </article></main>`,
        // The page's own names for it are longer than the headline, and Readability takes them.
        `<title>Old market hall: council votes to rebuild it | Example News — City</title><meta property="og:title" content="Council votes to rebuild the old market hall after a decade - Example News">`,
      ),
    );
    const result = declutter(doc);
    if (!result.ok) throw new Error(result.detail);
    expectArticleVisible(doc, [headline, 'Traders get temporary stalls during two years of building', 'Ana Putri', '12 May 2024', 'City', ...SENTENCES.slice(0, 6)]);
    expect(visibleText(doc.body)).not.toContain('Ten things to do this weekend');
  });

  it("keeps the headline when the page's <title> is an SEO title repeated in an <h2> below, and a logo <h1> names the site", () => {
    const doc = load(
      `<!doctype html><html><head><title>Market hall rebuild 2024: costs, dates and stalls | City Daily</title><meta property="og:site_name" content="City Daily"></head><body>
        <header class="site-header"><h1 class="logo">City Daily</h1>${NAV}</header>
        <section class="hero"><div class="crumbs"><a href="/">Home</a> › <a href="/city">City</a></div><h1 class="hero-title">Council votes to rebuild the old market hall</h1><span class="date">12 May 2024</span></section>
        <div class="post-body"><h2>Market hall rebuild 2024: costs, dates and stalls</h2>${SENTENCES.slice(0, 6).map((s) => `<p>${s}</p>`).join('')}</div>
        ${SIDEBAR}${FOOTER}</body></html>`,
    );
    const result = declutter(doc);
    if (!result.ok) throw new Error(result.detail);
    expectArticleVisible(doc, ['Council votes to rebuild the old market hall', '12 May 2024', ...SENTENCES.slice(0, 6)]);
    expect(doc.querySelector('.logo')!.closest(`[${HIDDEN_ATTR}]`)).not.toBeNull();
  });

  it('keeps the headline of a page whose <title> puts the site first ("Site | Headline")', () => {
    const doc = load(
      page(
        `<div class="blog-item-top"><span class="date">12 May 2024</span><h1>Council votes to rebuild the old market hall</h1></div>
        <div class="post-body">${SENTENCES.slice(0, 6).map((s) => `<p>${s}</p>`).join('')}</div>`,
        '<title>City Daily | Council votes to rebuild the old market hall</title>',
      ),
    );
    const result = declutter(doc);
    if (!result.ok) throw new Error(result.detail);
    expectArticleVisible(doc, ['Council votes to rebuild the old market hall', '12 May 2024', ...SENTENCES.slice(0, 6)]);
  });

  it("keeps the headline in the <article>'s <header> when the body opens with an <h1> of its own and the <title> is an SEO title", () => {
    const headline = 'Council votes to rebuild the old market hall';
    const doc = load(
      page(
        `<main><article class="entry">
          <header class="entry-header"><h1 class="entry-title"><a href="/market-hall">${headline}</a></h1><div class="meta-below-title">12 May 2024 · Ana Putri</div></header>
          <div class="entry-content"><h1>What the rebuild of the old market hall means for its traders</h1>
            <h2>Rebuild of the old market hall</h2>${SENTENCES.slice(0, 6).map((s) => `<p>${s}</p>`).join('')}</div>
        </article></main>`,
        '<title>Rebuild of the old market hall: what it costs the council and why traders wait — City Daily</title>',
      ),
    );
    const result = declutter(doc);
    if (!result.ok) throw new Error(result.detail);
    expectArticleVisible(doc, [headline, '12 May 2024 · Ana Putri', ...SENTENCES.slice(0, 6)]);
  });

  it("keeps an <h2> headline in the <article>'s <header> on a page with no <h1> (a blog's about page)", () => {
    const headline = "About Ana's market hall journal and this project";
    const doc = load(
      page(
        `<main><article class="page"><header class="entry-header"><h2 class="entry-title">${headline}</h2></header>
          <div class="entry-content">${SENTENCES.slice(0, 6).map((s) => `<p>${s}</p>`).join('')}</div></article></main>`,
        "<title>A journal of the market hall - Ana's Blog</title>",
      ),
    );
    const result = declutter(doc);
    if (!result.ok) throw new Error(result.detail);
    expectArticleVisible(doc, [headline, ...SENTENCES.slice(0, 6)]);
  });

  it("keeps an <h1> headline above the <article>'s <header> whose <h2> is a standfirst", () => {
    const headline = 'Council votes to rebuild the old market hall';
    const doc = load(
      page(
        `<article class="leaf"><div class="content-header"><nav class="crumbs"><a href="/">Home</a> › <a href="/news">News</a></nav></div>
          <div class="content"><div class="content-title"><h1>${headline}</h1></div>
            <header class="title-image"><img src="/hall.jpg" alt=""><h2 class="section-title">Traders get temporary stalls during the rebuild</h2></header>
            <div class="body">${SENTENCES.slice(0, 6).map((s) => `<p>${s}</p>`).join('')}</div></div></article>`,
        '<title>Why the old market hall must go - City Daily</title><meta property="og:title" content="The old market hall rebuild">',
      ),
    );
    const result = declutter(doc);
    if (!result.ok) throw new Error(result.detail);
    expectArticleVisible(doc, [headline, 'Traders get temporary stalls during the rebuild', ...SENTENCES.slice(0, 6)]);
  });

  it('keeps the headline when the site\'s name is the longer part of the <title> and a logo <h1> shows it (Substack)', () => {
    const headline = 'Choosing a market hall';
    const doc = load(
      page(
        `<div class="pub-header"><h1 class="logo">Ana Putri's Weekly Newsletter</h1><a href="/subscribe">Subscribe</a></div>
        <article class="post"><div class="post-header"><h1 class="post-title">${headline}</h1><div class="meta">Ana Putri · 12 May 2024</div></div>
          <div class="body markup">${SENTENCES.slice(0, 6).map((s) => `<p>${s}</p>`).join('')}</div></article>`,
        `<title>${headline} - Ana Putri's Weekly Newsletter</title><meta property="og:title" content="${headline}">`,
      ),
    );
    const result = declutter(doc);
    if (!result.ok) throw new Error(result.detail);
    expectArticleVisible(doc, [headline, ...SENTENCES.slice(0, 6)]);
  });

  it('keeps an <h2> headline worded nearly as the <title> on a page with no <h1> (shop blog themes)', () => {
    const headline = '7 ways to help you rebuild an old market hall';
    const doc = load(
      page(
        `<main><section class="shop-section"><div class="grid"><div class="col"><span class="date">Blog | 12 May 2024</span><h2 class="font-heading">${headline}</h2></div><div class="col"><img src="/hall.jpg" alt=""></div></div></section>
          <section class="shop-section"><div class="rte">${SENTENCES.slice(0, 6).map((s) => `<p>${s}</p>`).join('')}</div></section></main>`,
        '<title>7 Ways to Rebuild an Old Market Hall | City Shop – Buy Online</title>',
      ),
    );
    const result = declutter(doc);
    if (!result.ok) throw new Error(result.detail);
    expectArticleVisible(doc, [headline, ...SENTENCES.slice(0, 6)]);
  });

  it("keeps a page's only <h1> as its headline when the <title> words it otherwise and a section heading below repeats the <title>", () => {
    const headline = 'How much does it cost to rebuild a market hall?';
    const doc = load(
      page(
        `<div class="hero"><div class="inner"><h1 class="mb-6">${headline}</h1><p class="range">Typical range: 30 to 45 billion rupiah</p></div></div>
          <div class="content"><h2>What is the price for Market hall rebuilds in Bandung, JB?</h2>${SENTENCES.slice(0, 6).map((s) => `<p>${s}</p>`).join('')}</div>`,
        '<title>Market hall rebuilds in Bandung, JB - Costs 05 / 2024 - hallcost</title>',
      ),
    );
    const result = declutter(doc);
    if (!result.ok) throw new Error(result.detail);
    expectArticleVisible(doc, [headline, 'Typical range: 30 to 45 billion rupiah', ...SENTENCES.slice(0, 6)]);
  });

  it('keeps a headline the page shows in a plain element, as site builders do (no heading at all)', () => {
    const headline = 'Council votes to rebuild the old market hall';
    const doc = load(
      page(
        `<div class="hero"><div class="hero-inner"><a href="/market-hall" rel="bookmark"><div class="big-text">Council votes to rebuild the <span class="caps">old market</span> hall</div></a><div class="meta">Ana Putri · 12 May 2024</div></div>
          <div class="tease"><a href="/other">Prices of chilies rise again</a></div></div>
        <div class="post-body">${SENTENCES.slice(0, 6).map((s) => `<p>${s}</p>`).join('')}</div>`,
        // The page names it only with the site's name after it.
        `<title>${headline} | City Daily</title><meta property="og:title" content="${headline} | City Daily">`,
      ),
    );
    const result = declutter(doc);
    if (!result.ok) throw new Error(result.detail);
    expectArticleVisible(doc, [headline, ...SENTENCES.slice(0, 6)]);
    // Only the headline is taken for the title: the site's menu around it still goes.
    expect(doc.querySelector('.site-nav')!.closest(`[${HIDDEN_ATTR}]`)).not.toBeNull();
  });

  it("keeps a section heading Readability drops because it repeats the page's title", () => {
    const section = 'How the new hall will be built';
    const doc = load(
      page(
        `<article><h1>Council votes to rebuild the old market hall</h1>
          <div class="body">${SENTENCES.slice(0, 4).map((s) => `<p>${s}</p>`).join('')}<h2>${section}</h2>${SENTENCES.slice(4, 8).map((s) => `<p>${s}</p>`).join('')}</div>
        </article>`,
        `<title>${section}</title>`,
      ),
    );
    const result = declutter(doc);
    if (!result.ok) throw new Error(result.detail);
    expectArticleVisible(doc, ['Council votes to rebuild the old market hall', section, ...SENTENCES]);
  });

  it('keeps the paragraphs after a tweet embedded in mid-article, and those the embed swallowed', () => {
    const doc = load(
      page(
        `<h1>Council votes to rebuild the old market hall</h1>
        <div class="detail-text">
          ${SENTENCES.slice(0, 3).map((s) => `<p>${s}</p>`).join('')}
          <div class="embed-social twitter">
            <blockquote class="twitter-tweet"><p lang="id">Pasar lama akan dibangun ulang! <a href="https://t.co/x">pic.twitter.com/x</a></p>— Pemkot (@pemkot) <a href="https://twitter.com/pemkot/status/1">May 12, 2024</a></blockquote>
            ${SENTENCES.slice(3, 6).map((s) => `<p>${s}</p>`).join('')}
          </div>
        </div>
        <div class="ad-slot"></div>
        <div class="detail-text-2">${SENTENCES.slice(6).map((s) => `<p>${s}</p>`).join('')}</div>`,
        '<title>Council votes to rebuild the old market hall</title>',
      ),
    );
    const result = declutter(doc);
    if (!result.ok) throw new Error(result.detail);
    expectArticleVisible(doc, SENTENCES);
    expect(visibleText(doc.body)).not.toContain('Ten things to do this weekend');
  });

  it('keeps an Instagram embed in mid-article from ending the article', () => {
    const doc = load(
      page(
        `<div class="read__content">
          <h1>Council votes to rebuild the old market hall</h1>
          <div class="clearfix">${SENTENCES.slice(0, 4).map((s) => `<p>${s}</p>`).join('')}</div>
          <blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/x/"><div><a href="https://www.instagram.com/p/x/">View this post on Instagram</a></div><p><a href="https://www.instagram.com/p/x/">A post shared by Pemkot (@pemkot)</a></p></blockquote>
          <div class="clearfix">${SENTENCES.slice(4).map((s) => `<p>${s}</p>`).join('')}</div>
        </div>`,
        '<title>Council votes to rebuild the old market hall</title>',
      ),
    );
    const result = declutter(doc);
    if (!result.ok) throw new Error(result.detail);
    expectArticleVisible(doc, SENTENCES);
  });

  it('keeps a block of the article that Readability drops when its paragraphs are bare <div>s (page builders)', () => {
    const notes = [
      'The hall keeps its old clock tower, which the heritage office listed in 1990 and which engineers say is sound enough to stay as it is.',
      'Stall holders will draw lots for their places in the new hall, with those who have traded longest given the first choice of corner stalls.',
    ];
    const doc = load(
      page(
        `<article><h1>Council votes to rebuild the old market hall</h1>
          <div class="body">${SENTENCES.slice(0, 4).map((s) => `<p>${s}</p>`).join('')}
            <div class="extra-notes"><div class="note-text">${notes[0]}</div><div class="note-text">${notes[1]}</div></div>
            ${SENTENCES.slice(4, 8).map((s) => `<p>${s}</p>`).join('')}</div>
        </article>`,
        '<title>Council votes to rebuild the old market hall</title>',
      ),
    );
    const result = declutter(doc);
    if (!result.ok) throw new Error(result.detail);
    expectArticleVisible(doc, [...SENTENCES, ...notes]);
    expect(visibleText(doc.body)).not.toContain('Ten things to do this weekend');
  });

  it('keeps paragraphs made of <br><br> runs on lines of their own', () => {
    const doc = load(
      page(
        `<div class="content"><h1>Council votes to rebuild the old market hall</h1>
          <div class="txt-article">${SENTENCES.slice(0, 6).join('<br><br>')}<br><br><strong>(ana/eko)</strong></div>
        </div>`,
        '<title>Council votes to rebuild the old market hall</title>',
      ),
    );
    const result = declutter(doc);
    if (!result.ok) throw new Error(result.detail);
    const lines = visibleLines(doc.body);
    for (const sentence of SENTENCES.slice(0, 6)) expect(lines, `not a line of its own: ${sentence.slice(0, 40)}…`).toContain(sentence);
    expect(visibleText(doc.body)).not.toContain('Ten things to do this weekend');
  });

  it('never hides a wrapper holding article text, whatever its class says, and counts what it held back', () => {
    // Short paragraphs (a news wire's style) in the box a font-size tool enlarges: the class says
    // "text-size tool", and no paragraph is long enough for the clutter rules' prose guard.
    const short = [
      'Rain flooded four villages in the district on Sunday night.',
      'About two hundred families left their homes for the mosque.',
      'The water was knee-deep by morning, the village head said.',
      'Soldiers and volunteers brought rice, water and blankets.',
      'The weather office expects more rain until Wednesday.',
    ];
    const doc = load(
      page(
        `<h1>Floods reach four villages after a night of rain</h1>
        <div class="post"><div class="textsize">${short.map((s) => `<p>${s}</p>`).join('')}</div></div>`,
        '<title>Floods reach four villages after a night of rain</title>',
      ),
    );
    const result = declutter(doc);
    if (!result.ok) throw new Error(result.detail);
    expectArticleVisible(doc, short);
    expect(result.page.heldBack).toBeGreaterThan(0);
    expect(visibleText(doc.body)).not.toContain('Ten things to do this weekend');
  });

  it('shows again what the check after hiding finds missing, hiding only the parts without article text', () => {
    const doc = load(
      page(
        `<h1>Council votes to rebuild the old market hall</h1><div class="story">${SENTENCES.map((s) => `<p>${s}</p>`).join('')}<div class="share-buttons"><a href="https://facebook.com/share">Facebook</a> <a href="https://twitter.com/share">Twitter</a></div></div>`,
        '<title>Council votes to rebuild the old market hall</title>',
      ),
    );
    const plan = planDeclutter(doc);
    if (!plan.ok) throw new Error(plan.detail);
    const story = doc.querySelector('.story')!;
    // A plan that went wrong after the check before hiding: the whole story hidden.
    const decluttered = new DeclutteredPage(doc, plan.span, [...plan.hide, story]);
    expect(visibleText(doc.body)).not.toContain(SENTENCES[0]);
    expect(showMissingArticle(decluttered, plan.pieces, plan.held, layoutFreeVisibleText)).toBe(1);
    expectArticleVisible(doc, SENTENCES);
    expect(doc.querySelector('.share-buttons')!.hasAttribute(HIDDEN_ATTR)).toBe(true);
    expect(showMissingArticle(decluttered, plan.pieces, plan.held, layoutFreeVisibleText)).toBe(0);
    decluttered.restore();
  });

  it('keeps the headline a page shows in a plain element, not the copy in a "Republish" dialog or the breadcrumb trail', () => {
    const headline = 'Six gardening shows to watch for backyard inspiration';
    const doc = load(
      `<!doctype html><html><head><title>${headline}</title></head><body>${NAV}
        <section id="breadcrumbs"><a href="/">Home</a> » <a href="/garden">Garden</a> » <span aria-current="page"><strong>${headline}</strong></span></section>
        <main><section class="hero"><div class="post-category"><a href="/garden">Garden</a></div><p class="post-title h2">${headline}</p>
          <div class="post-excerpt"><p>Stream these shows and spark your imagination.</p></div></section>
          <div class="entry">${SENTENCES.map((s) => `<p>${s}</p>`).join('')}</div></main>
        <div class="sidebar"><div class="follow-us">Republish our articles for free.
          <div id="republish-modal" style="display:none" role="dialog" aria-modal="true"><h2>Republish this article</h2><h1>${headline}</h1><textarea>${SENTENCES[0]}</textarea></div></div></div>
        ${FOOTER}</body></html>`,
    );
    const result = declutter(doc);
    if (!result.ok) throw new Error(result.detail);
    const hero = doc.querySelector('.post-title')!;
    expect(hero.closest(`[${HIDDEN_ATTR}]`), 'the headline the page shows is hidden').toBeNull();
    expectArticleVisible(doc, ['Stream these shows and spark your imagination.', ...SENTENCES]);
    expect(doc.getElementById('breadcrumbs')!.closest(`[${HIDDEN_ATTR}]`)).not.toBeNull();
  });

  it("keeps the headline when the theme's state classes on <body> name breadcrumbs or hidden things", () => {
    const headline = 'Council votes to rebuild the old market hall';
    const doc = load(
      `<!doctype html><html><head><title>${headline}</title></head><body class="genesis-breadcrumbs-hidden content-sidebar" aria-current="false">${NAV}
        <main><article><header class="entry-header"><h1 class="entry-title">${headline}</h1><p class="entry-meta">By Ana Putri</p></header>
        <div class="entry-content">${SENTENCES.map((s) => `<p>${s}</p>`).join('')}</div></article></main>${SIDEBAR}${FOOTER}</body></html>`,
    );
    const result = declutter(doc);
    if (!result.ok) throw new Error(result.detail);
    expectArticleVisible(doc, [headline, 'By Ana Putri', ...SENTENCES]);
  });

  it("keeps a buyer's guide's products visible, as the reader view has them, when Readability's first pick is the intro alone", () => {
    // Each product sits in a "widget" (a class Readability weighs down and cuts): the first pick is
    // the intro, under half the page's prose, and the extraction tries again with fewer cuts.
    const product = (n: number) =>
      `<div class="product-widget"><h3>Pick ${n}: the Juara rice cooker</h3><img src="/p${n}.jpg"><p>${SENTENCES[n]} It cooks ${n + 2} cups at a time and keeps the rice warm all day.</p>` +
      `<p><a href="/review/${n}">Read our full review of the Juara rice cooker ${n}</a></p><p><a href="/buy/${n}">Rp 899.000 at one shop</a> <a href="/buy2/${n}">Rp 929.000 at another</a> <a href="/buy3/${n}">Compare prices in every shop</a></p></div>`;
    const html = page(
      `<main><article><h1>The best rice cookers</h1><div class="intro">${SENTENCES.slice(0, 4).map((s) => `<p>${s}</p>`).join('')}</div>${[1, 2, 3, 4, 5, 6].map(product).join('')}</article></main>`,
      '<title>The best rice cookers</title>',
    );
    const extracted = extractArticle(load(html), 'https://guide.example/rice-cookers', { force: true });
    if (!extracted.ok) throw new Error(extracted.detail);
    const products = [1, 2, 3, 4, 5, 6].map((n) => `It cooks ${n + 2} cups at a time`);
    for (const text of products) expect(extracted.article.textContent).toContain(text);

    const doc = load(html);
    const result = declutter(doc);
    if (!result.ok) throw new Error(result.detail);
    expectArticleVisible(doc, ['The best rice cookers', ...SENTENCES.slice(0, 4), ...products]);
    expect(visibleText(doc.body)).not.toContain('Ten things to do this weekend');
  });
});

describe('an explicit action is never told "not an article" while there is one', () => {
  const SHORT = `<!doctype html><html lang="en"><head><title>Bridge reopens after repairs</title></head><body>${NAV}<h1>Bridge reopens after repairs</h1>
    <div class="story">${[
      'The old bridge over the river reopened on Monday after three months of repairs to its steel frame and deck, the roads office said.',
      'Drivers had used a detour through the market district, which added up to half an hour to the trip at the busiest times of day.',
      'The office said the bridge can again carry lorries of up to twenty tonnes, and that the speed limit stays at thirty kilometres an hour.',
      'A second phase of the work, on the footpaths and the lamps, will be done at night so that the bridge does not have to close again.',
      'Residents of the villages on the far bank said the reopening came just in time for the harvest, when trucks carry rice to the mills.',
    ]
      .map((s) => `<p>${s}</p>`)
      .join('')}</div>${FOOTER}</body></html>`;

  it('extracts a short five-paragraph article that the readerable pre-check refuses, when forced', () => {
    const doc = load(SHORT);
    expect(isProbablyReaderable(doc)).toBe(false);
    expect(extractArticle(doc, 'https://example.com/bridge').ok).toBe(false);
    const forced = extractArticle(doc, 'https://example.com/bridge', { force: true });
    if (!forced.ok) throw new Error(forced.detail);
    expect(forced.article.title).toBe('Bridge reopens after repairs');
    expect(forced.article.textContent).toContain('Residents of the villages on the far bank');
  });

  it('says "no article" when forced extraction finds less than a short paragraph', () => {
    const doc = load(`<html><head><title>Home</title></head><body>${NAV}<div class="hero"><p>Welcome to our site. Read the news.</p></div>${FOOTER}</body></html>`);
    const forced = extractArticle(doc, 'https://example.com/', { force: true });
    expect(forced).toMatchObject({ ok: false, reason: 'no-content' });
  });
});
