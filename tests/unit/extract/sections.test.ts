import { describe, expect, it } from 'vitest';
import { declutter } from '@/utils/core/declutter';
import { extractArticle } from '@/utils/core/extract';
import { load } from '../../support/article-fragments';
import { visibleText } from '../../support/visible-text';

/**
 * Articles split into sibling section boxes (Asciidoctor's `sect1`, page builders' rows): each box
 * scores on its own in Readability, which picked one of them (wcxb-dev 0389 kept only its
 * "Thanks for your support!" section, 0164 one of nine tips, 4051 one part of an EV guide).
 */

const TITLE = 'Progress report: the new code generator';
const WORDS = ['compiler', 'backend', 'register', 'linker', 'optimizer', 'debugger', 'assembler', 'profiler'];
/** A paragraph of its own words, so each one is found (or missed) by itself. */
const sentence = (topic: string, n: number) =>
  `This month the ${topic} work moved forward in step ${n}: the team rewrote its ${WORDS[n % WORDS.length]} pass, fixed the failing tests and measured the build again on every machine it supports.`;

const paragraphs = (topic: string, count: number) => Array.from({ length: count }, (_, k) => `<p>${sentence(topic, k)}</p>`).join('');

const NAV = '<nav><a href="/">Home</a> <a href="/blog">Blog</a> <a href="/about">About</a></nav>';
const FOOTER = '<footer><a href="/feed">Feed</a> © The blog</footer>';

const asciidoc = (topics: string[], heavy = topics.length - 1) =>
  topics
    .map((topic, i) => {
      // The other sections hold subsections, which spread their paragraphs' score over more boxes.
      const sub = i !== heavy
        ? [1, 2].map((n) => `<div class="sect2"><h3>${topic} part ${n}</h3>${[1, 2].map((k) => `<div class="paragraph"><p>${sentence(`${topic} ${n}`, k)}</p></div>`).join('')}</div>`).join('')
        : `<div class="paragraph"><p>${sentence(topic, 1)}</p></div><div class="ulist"><ul>${WORDS.map((w) => `<li>${w} sponsor</li>`).join('')}</ul></div>${[2, 3, 4, 5, 6, 7, 8, 9].map((k) => `<div class="paragraph"><p>${sentence(topic, k)}</p></div>`).join('')}`;
      return `<div class="sect1"><h2>${topic}</h2><div class="sectionbody">${sub}</div></div>`;
    })
    .join('');

function page(body: string): string {
  return `<!doctype html><html lang="en"><head><title>${TITLE}</title></head><body>${NAV}<main>${body}</main>${FOOTER}</body></html>`;
}

function extracted(html: string) {
  const result = extractArticle(load(html), 'https://blog.example/report', { force: true });
  if (!result.ok) throw new Error(result.detail);
  return result.article;
}

describe('an article split into sibling sections', () => {
  const TOPICS = ['What is it', 'The state of the backend', 'How to contribute', 'Thanks for your support'];

  it('keeps every section of an Asciidoctor page, not the one Readability scored highest', () => {
    const article = extracted(page(`<article><h2>${TITLE}</h2><div class="asciidoc">${asciidoc(TOPICS)}</div></article>`));
    for (const topic of TOPICS.slice(0, -1)) {
      for (const n of [1, 2]) for (const k of [1, 2]) expect(article.textContent, `lost: ${topic} ${n}.${k}`).toContain(sentence(`${topic} ${n}`, k));
    }
    for (const k of [1, 2, 3, 4, 5, 6, 7, 8, 9]) expect(article.textContent).toContain(sentence(TOPICS[3]!, k));
    // In reading order, headings included, and no trace of how the sections were traced.
    const text = article.textContent;
    expect(text.indexOf('The state of the backend')).toBeLessThan(text.indexOf(sentence('The state of the backend 1', 1)));
    expect(text.indexOf(sentence('What is it 2', 2))).toBeLessThan(text.indexOf(sentence('How to contribute 1', 1)));
    expect(article.contentHtml).not.toContain('data-kliping');
  });

  it('keeps every section visible when the page is decluttered, as the reader view has them', () => {
    // The heaviest section first: Readability's pick ends there, and Declutter hides what follows the article.
    const doc = load(page(`<article><h2>${TITLE}</h2><div class="asciidoc">${asciidoc(TOPICS, 0)}</div></article><aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Ten things to do this weekend</a></li></ul></aside>`));
    const result = declutter(doc);
    if (!result.ok) throw new Error(result.detail);
    const text = visibleText(doc.body);
    expect(text).toContain(sentence(TOPICS[0]!, 9));
    for (const topic of TOPICS.slice(1)) expect(text, `hidden: ${topic}`).toContain(sentence(`${topic} 2`, 2));
    expect(text).not.toContain('Ten things to do this weekend');
  });

  it("keeps every row of a page builder's layout", () => {
    const row = (n: number, count: number) =>
      `<div class="builder-row builder-row-${n}"><div class="builder-column"><div class="builder-module rich-copy"><h2>Tip ${n}</h2>${Array.from({ length: count }, (_, k) => `<p>${sentence(`tip ${n}`, k)}</p>`).join('')}</div></div></div>`;
    const article = extracted(page(`<div class="builder-section">${row(1, 2)}${row(2, 2)}${row(3, 6)}${row(4, 2)}</div>`));
    for (const [n, count] of [[1, 2], [2, 2], [3, 6], [4, 2]] as const) {
      for (let k = 0; k < count; k++) expect(article.textContent, `lost: tip ${n}.${k}`).toContain(sentence(`tip ${n}`, k));
    }
  });

  it("keeps every entry of a listicle whose entries are a list's items", () => {
    const entry = (n: number, count: number) => `<li><div class="entry-card"><h3>${n}. The car number ${n}</h3>${paragraphs(`car ${n}`, count)}</div></li>`;
    const counts = [2, 2, 6, 2, 2];
    const article = extracted(page(`<div class="list-intro"><h2>${TITLE}</h2></div><ol class="ranked">${counts.map((count, i) => entry(i + 1, count)).join('')}</ol>`));
    counts.forEach((count, i) => {
      for (let k = 0; k < count; k++) expect(article.textContent, `lost: car ${i + 1}.${k}`).toContain(sentence(`car ${i + 1}`, k));
    });
  });

  it("does not join an author's bio or a contact box that sits in a box of the same kind beside the whole article", () => {
    const row = (inner: string) => `<div class="builder-row"><div class="builder-column"><div class="builder-module">${inner}</div></div></div>`;
    const bio = 'Ana Putri has written about the city for twenty years, first for the evening paper and now for this site, and teaches journalism at the university on Fridays.';
    const article = extracted(page(`<div class="builder-section">${row(`<h2>${TITLE}</h2>${paragraphs('report', 10)}`)}${row(`<h3>About the author</h3><p>${bio}</p><p>${bio.replace('Ana Putri', 'She')}</p>`)}</div>`));
    expect(article.textContent).toContain(sentence('report', 9));
    expect(article.textContent).not.toContain(bio);
  });

  it("does not join boxes whose class a page builder puts on everything (Elementor's elementor-element)", () => {
    const widget = (inner: string) => `<div class="elementor-element elementor-widget">${inner}</div>`;
    const contact = 'Call our office any day of the week, or fill in the form below, and one of our lawyers will call you back within one working day to talk about your case for free.';
    const header = [1, 2, 3, 4, 5, 6].map((n) => widget(`<a href="/area-${n}">Practice area ${n}</a>`)).join('');
    const article = extracted(
      page(`<div class="elementor">${widget(header)}<div class="elementor-element elementor-element-3f2a e-con">${widget(`<h2>${TITLE}</h2>${paragraphs('report', 10)}`)}</div>` +
        `<div class="elementor-element elementor-element-9c1d e-con">${widget('<h2>Contact us</h2>')}${widget(widget(widget(['Call', 'Write to', 'Visit', 'Phone', 'Email', 'Text', 'Ring'].map((verb) => `<p>${contact.replace('Call', verb)}</p>`).join(''))))}${widget('<form><input name="email"><button>Send</button></form>')}</div></div>`),
    );
    expect(article.textContent).toContain(sentence('report', 9));
    expect(article.textContent).not.toContain(contact);
  });

  // A news site's grid (Bootstrap's `row`) puts the story and a rail of other stories in boxes of one kind.
  const rails: [string, (n: number) => string][] = [
    ['<article> cards', (n) => `<article class="item"><h4><a href="/story-${n}">Other story ${n}</a></h4><p class="dek">${sentence(`other story ${n}`, n)}</p></article>`],
    ['cards whose summary is inside the link', (n) => `<div class="item"><a href="/story-${n}"><h4>Other story ${n}</h4><p class="dek">${sentence(`other story ${n}`, n)}</p></a></div>`],
  ];
  it.each(rails)('does not join a rail of other stories in %s', (_name, card) => {
    const row = (name: string, inner: string) => `<div class="row ${name}"><div class="col">${inner}</div></div>`;
    const cards = [1, 2, 3, 4, 5, 6].map(card).join('');
    const article = extracted(page(`<div class="container">${row('story', `<h2>${TITLE}</h2>${paragraphs('report', 8)}`)}${row('more-news', `<h3>More news</h3>${cards}`)}</div>`));
    expect(article.textContent).toContain(sentence('report', 7));
    expect(article.textContent).not.toContain(sentence('other story 1', 1));
  });

  it('does not join the next story of a feed, whose box holds its own headline', () => {
    const story = (topic: string, count: number) => `<div class="feed-item"><h1>${topic}</h1><div class="copy">${paragraphs(topic, count)}</div></div>`;
    const article = extracted(page(`<div class="feed">${story('The report itself', 8)}${story('The next report', 6)}${story('An older report', 6)}</div>`));
    expect(article.textContent).toContain(sentence('The report itself', 7));
    expect(article.textContent).not.toContain(sentence('The next report', 0));
  });
});
