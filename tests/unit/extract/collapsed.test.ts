import { describe, expect, it } from 'vitest';
import { declutter, HIDDEN_ATTR } from '@/utils/core/declutter';
import { extractArticle } from '@/utils/core/extract';
import { load, SENTENCES } from '../../support/article-fragments';

/**
 * Collapsed panels (an FAQ's answers, a guide's steps, a review's "What to know"): the page hides
 * each one until its control is pressed, and Readability dropped them as invisible (wcxb-dev 4193,
 * an installation guide, kept its step headings without a step; 1821, 4472 and 4497 lost their
 * collapsible sections).
 */

const TITLE = 'What to expect when the market hall is rebuilt';
const ANSWERS = [
  'Traders move to temporary stalls on the station square in January, with the same rents, water and electricity, and move back when the new hall opens two years later.',
  'The heritage office asked that the facade of 1938 be kept, so the new hall is built behind it and the old front stays as the city has known it since before the war.',
  'The council pays for both moves out of the building budget, and a fund of two billion rupiah covers the trade lost in the first month at the new stalls for each family.',
];

function page(body: string): string {
  const story = SENTENCES.slice(0, 4).map((s) => `<p>${s}</p>`).join('');
  return `<!doctype html><html lang="en"><head><title>${TITLE}</title></head><body><nav><a href="/">Home</a> <a href="/city">City</a></nav>` +
    `<main><article><h1>${TITLE}</h1>${story}<h2>Questions and answers</h2>${body}</article></main><footer>© The city paper</footer></body></html>`;
}

function extracted(html: string) {
  const result = extractArticle(load(html), 'https://news.example/market-hall', { force: true });
  if (!result.ok) throw new Error(result.detail);
  return result.article;
}

const QUESTIONS = ['Where do the traders go?', 'What happens to the old front?', 'Who pays for the move?'];

const patterns: [string, (q: string, a: string, n: number) => string][] = [
  // A button naming its panel (React Accessible Accordion, Headless UI): the panel aria-hidden, height 0.
  ['a button naming its panel by aria-controls', (q, a, n) =>
    `<div class="faq-item"><button type="button" aria-expanded="false" aria-controls="faq-${n}">${q}</button><div id="faq-${n}" aria-hidden="true" style="height:0;overflow:hidden"><p>${a}</p></div></div>`],
  // A heading holding the button, then the panel with `hidden` (a disclosure without aria-controls).
  ['a heading holding a collapsed button, then a hidden panel', (q, a) =>
    `<h3><button aria-expanded="false">${q}</button></h3><div hidden aria-hidden="true"><p>${a}</p></div>`],
  // A link acting as a button, the panel hidden by an inline style (a Vue accordion).
  ['a link with role=button and aria-controls, the panel display:none', (q, a, n) =>
    `<div class="accordion"><a role="button" tabindex="0" aria-controls="panel-${n}"><span role="heading" aria-level="3">${q}</span></a><div id="panel-${n}" role="region" style="display:none;"><p>${a}</p></div></div>`],
  // The control names the region inside a wrapper that the page hides (Chakra UI's Collapse).
  ['a wrapper hidden around the region the control names', (q, a, n) =>
    `<h3><button aria-expanded="false" aria-controls="region-${n}">${q}</button></h3><div class="collapse" style="overflow:hidden;display:none;opacity:0;height:0px"><div role="region" id="region-${n}"><p>${a}</p></div></div>`],
];

describe('collapsed panels', () => {
  it.each(patterns)('keeps the answers behind %s, and shows them open in the saved copy', (_name, item) => {
    const article = extracted(page(QUESTIONS.map((q, n) => item(q, ANSWERS[n]!, n)).join('')));
    for (const answer of ANSWERS) expect(article.textContent).toContain(answer);
    expect(article.textContent).toContain(SENTENCES[0]);
    const saved = load(`<body>${article.contentHtml}</body>`);
    for (const el of saved.body.querySelectorAll('*')) {
      expect(el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true', el.outerHTML.slice(0, 80)).toBe(false);
    }
  });

  it('leaves out hidden boxes that no collapsed control opens', () => {
    const promo = 'Subscribe now and get the first three months of the city paper for the price of one, delivered to your door every morning before seven.';
    const toolbar = `<div class="toolbar"><p>${SENTENCES[6]} ${SENTENCES[7]}</p><button aria-expanded="false">Share</button></div>`;
    const article = extracted(page(`<p>${ANSWERS[0]}</p><div style="display:none"><p>${promo}</p></div>${toolbar}<div hidden><p>${promo.replace('Subscribe', 'Sign up')}</p></div>`));
    expect(article.textContent).toContain(ANSWERS[0]);
    expect(article.textContent).not.toContain(promo);
    // A long block before it is not an accordion's header, whatever control it holds.
    expect(article.textContent).not.toContain(promo.replace('Subscribe', 'Sign up'));
  });

  it('leaves the live page as it was: Declutter neither opens nor hides a collapsed panel', () => {
    const doc = load(page(QUESTIONS.map((q, n) => patterns[0]![1](q, ANSWERS[n]!, n)).join('')));
    const result = declutter(doc);
    if (!result.ok) throw new Error(result.detail);
    for (const n of [0, 1, 2]) {
      const panel = doc.getElementById(`faq-${n}`)!;
      expect(panel.getAttribute('aria-hidden')).toBe('true');
      expect(panel.closest(`[${HIDDEN_ATTR}]`)).toBeNull();
    }
    expect(doc.querySelector('footer')!.hasAttribute(HIDDEN_ATTR)).toBe(true);
  });
});
