import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/utils/core/extract';
import { revealStreamedContent } from '@/utils/core/extract/streamed';
import { parseHtml } from '../../../support/corpus';

const URL_ = 'https://guide.example/seo-tutorials';
const SENTENCE = 'Search engines rank pages by how well they answer a question, so a tutorial that answers one plainly, with examples, tends to rank and to be read.';
const prose = (count: number) => Array.from({ length: count }, (_, i) => `<p>${i + 1}. ${SENTENCE}</p>`).join('');

describe('pages as they are saved', () => {
  it('reads a page whose stylesheet jsdom rejects, without the stylesheet, and says why', () => {
    const html = `<html><head><style>a{width:calc(1px + (2px)}</style><style>p{color:red}</style></head><body><article>${prose(6)}</article></body></html>`;
    const parsed = parseHtml(html, URL_);
    expect(parsed.fallback).toMatch(/SyntaxError: "\)" is expected/);
    expect(parsed.doc!.querySelectorAll('style')).toHaveLength(2);
    expect(parsed.doc!.querySelector('style')!.textContent).toBe('');
    expect(extractArticle(parsed.doc!, URL_, { force: true }).ok).toBe(true);
    expect(parseHtml(`<html><head><style>p{color:red}</style></head><body>${prose(1)}</body></html>`, URL_).fallback).toBeNull();
  });

  it('puts React streamed content where its placeholder is, as the page script would', () => {
    const html = `<html><body><div hidden=""></div><header>Site</header><main><h1>The SEO tutorials you need</h1><template id="B:0"></template></main>
      <footer>Footer</footer><div hidden id="S:0"><div class="prose">${prose(8)}</div></div></body></html>`;
    const { doc } = parseHtml(html, URL_);
    const result = extractArticle(doc!, URL_, { force: true });
    if (!result.ok) throw new Error(result.detail);
    expect(result.article.textContent).toContain(`8. ${SENTENCE}`);
    // The live page is never changed: the clone is.
    expect(doc!.getElementById('S:0')).not.toBeNull();
    const clone = doc!.cloneNode(true) as Document;
    expect(revealStreamedContent(clone)).toBe(1);
    expect(clone.querySelector('main .prose')).not.toBeNull();
    expect(clone.getElementById('S:0')).toBeNull();
  });

  it('puts a streamed segment where its own placeholder is (React\'s $RS, template P:n)', () => {
    const html = `<html><body><main><h1>The SEO tutorials you need</h1><div class="post"><template id="P:7"></template></div></main>
      <aside>Sidebar</aside><div hidden id="S:7"><p class="lead">${SENTENCE}</p>${prose(6)}</div></body></html>`;
    const { doc } = parseHtml(html, URL_);
    const result = extractArticle(doc!, URL_, { force: true });
    if (!result.ok) throw new Error(result.detail);
    expect(result.article.textContent).toContain(`6. ${SENTENCE}`);
    const clone = doc!.cloneNode(true) as Document;
    expect(revealStreamedContent(clone)).toBe(1);
    expect(clone.querySelector('main .post > p.lead')).not.toBeNull();
    expect(clone.getElementById('P:7')).toBeNull();
  });

  it('leaves a hidden div alone when no template waits for it', () => {
    const { doc } = parseHtml(`<html><body><div hidden id="S:1"><p>Hidden</p></div><template id="B:2"></template></body></html>`, URL_);
    expect(revealStreamedContent(doc!)).toBe(0);
    expect(doc!.getElementById('S:1')!.hasAttribute('hidden')).toBe(true);
  });
});
