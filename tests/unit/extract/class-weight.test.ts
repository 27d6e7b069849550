import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/utils/core/extract';
import { MISREAD_CLASS_TOKENS, unweightMisreadClasses } from '@/utils/core/extract/class-weight';
import { load, SENTENCES } from '../../support/article-fragments';

/**
 * Class names Readability's weighing misreads as clutter ("hidden" inside a CSS utility's name): a section of the article in such a box was cut (wcxb-dev 2976's Tailwind card,
 * 0312's clipped sections).
 */

const HEADLINE = 'Council votes to rebuild the old market hall';
const paragraphs = (texts: readonly string[]) => texts.map((s) => `<p>${s}</p>`).join('');

/** The story's first four paragraphs in a plain box, the other four in a box with `boxClass`. */
function page(boxClass: string, aside = ''): string {
  return `<!doctype html><html lang="en"><head><title>${HEADLINE} | Example News</title></head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article><h1>${HEADLINE}</h1><div class="story"><div class="lead">${paragraphs(SENTENCES.slice(0, 4))}</div>
    <div class="${boxClass}">${paragraphs(SENTENCES.slice(4))}</div></div></article>${aside}
    <footer><a href="/about">About us</a></footer></body></html>`;
}

const extracted = (html: string): string => {
  const result = extractArticle(load(html), 'https://news.example/market-hall', { force: true });
  if (!result.ok) throw new Error(result.detail);
  return result.article.textContent;
};

describe('class names Readability misreads as clutter', () => {
  const boxes: [string, string][] = [
    ['a Tailwind card that clips its overflow', 'relative rounded-lg overflow-hidden'],
    ['a responsive Tailwind utility', 'md:overflow-x-hidden px-4'],
    ['a Bootstrap box', 'card overflow-y-hidden'],
  ];
  it.each(boxes)('keeps the part of the article in %s', (_name, boxClass) => {
    const text = extracted(page(boxClass));
    for (const sentence of SENTENCES) expect(text, `lost: ${sentence.slice(0, 40)}…`).toContain(sentence);
  });

  it('takes only whole misread tokens out of a clone: a sidebar widget and a hidden box keep theirs', () => {
    const doc = load('<body><div id="a" class="widget  sidebar-widget overflow-hidden"></div><div id="b" class="hidden md:hidden promo"></div><div id="c" class="overflow-hidden-banner"></div><div id="d" class="lg:overflow-hidden"></div></body>');
    expect(unweightMisreadClasses(doc)).toBe(2);
    expect(doc.getElementById('a')!.className).toBe('widget sidebar-widget');
    expect(doc.getElementById('b')!.className).toBe('hidden md:hidden promo');
    expect(doc.getElementById('c')!.className).toBe('overflow-hidden-banner');
    expect(doc.getElementById('d')!.className).toBe('');
  });

  it('names the pattern each token serves', () => {
    for (const { serves } of MISREAD_CLASS_TOKENS) expect(serves.length).toBeGreaterThan(10);
  });

  it('still leaves out a sidebar of other stories beside the article', () => {
    const other = 'The regional football league announced on Monday that the final will be played in the new stadium, after the old ground failed its safety inspection in the spring.';
    const text = extracted(page('relative overflow-hidden', `<aside class="sidebar widget"><h2>Other news</h2><p>${other}</p></aside>`));
    expect(text).not.toContain(other);
  });
});
