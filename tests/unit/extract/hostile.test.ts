import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/utils/core/extract';
import { parseHtml } from '../../../support/corpus';

const URL_ = 'https://news.example/2024/05/01/story';
const SENTENCE =
  'The harbour authority said the new breakwater would protect the fishing fleet from winter storms and let ferries keep running when the sea is rough.';

function docOf(html: string): Document {
  const { doc, error } = parseHtml(html, URL_);
  if (!doc) throw new Error(error ?? 'no document');
  return doc;
}

function prose(count: number): string {
  return Array.from({ length: count }, (_, i) => `<p>${i + 1}. ${SENTENCE}</p>`).join('');
}

/** Everything executable or able to reach out on its own, in markup the pipeline returns. */
function executableIn(html: string, doc: Document): string[] {
  const template = doc.createElement('template');
  template.innerHTML = html;
  const problems: string[] = [];
  for (const el of Array.from(template.content.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'style', 'form', 'input', 'button', 'object', 'embed', 'base', 'meta', 'link', 'frame'].includes(tag)) problems.push(`<${tag}>`);
    if (tag === 'iframe' && !/^https:\/\/www\.youtube(-nocookie)?\.com\/embed\//.test(el.getAttribute('src') ?? '')) problems.push(`iframe ${el.getAttribute('src')}`);
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name)) problems.push(`${tag}[${attr.name}]`);
      if (attr.name === 'style') problems.push(`${tag}[style]`);
      // Browsers ignore spaces and control characters inside a URL scheme: so does this check.
      const squeezed = [...attr.value].filter((c) => c.charCodeAt(0) > 0x20).join('');
      if (/^(javascript|vbscript|data:text\/html)/i.test(squeezed)) problems.push(`${tag}[${attr.name}=${attr.value}]`);
    }
  }
  return problems;
}

describe('hostile input', () => {
  it('never returns executable content, whatever the page carries', () => {
    const doc = docOf(`<!doctype html><html><head><title>Harbour <script>alert(1)</script></title></head><body><article>
      <h1 onclick="alert(1)">Harbour gets a breakwater</h1>
      ${prose(4)}
      <p>Click <a href="javascript:alert(1)">here</a> or <a href="  JaVaScRiPt:alert(2)">there</a> or <a href="java&#x09;script:alert(3)">anywhere</a>.
         <img src="x" onerror="alert(4)"> <img src="/ok.jpg" onload="alert(5)"></p>
      <p>${SENTENCE}<svg><script>alert(6)</script><a xlink:href="javascript:alert(7)">svg link</a></svg></p>
      <p>${SENTENCE}<math><mtext><table><mglyph><style><img src=x onerror=alert(8)></style></mglyph></table></mtext></math></p>
      <p>${SENTENCE}<noscript><p title="</noscript><img src=x onerror=alert(9)>"></p></noscript></p>
      <iframe src="https://evil.example/frame"></iframe>
      <iframe src="javascript:alert(10)"></iframe>
      <iframe src="https://www.youtube.com/embed/abc123"></iframe>
      <form action="https://evil.example/steal"><input name="password"><button>Go</button></form>
      <p style="background:url(javascript:alert(11))">${SENTENCE} Text that shows &lt;script&gt;alert(12)&lt;/script&gt; as text.</p>
      <object data="evil.swf"></object><embed src="evil.swf"><base href="https://evil.example/">
      <a href="data:text/html,<script>alert(13)</script>">data link</a>
      ${prose(3)}
    </article></body></html>`);
    const result = extractArticle(doc, URL_, { force: true });
    if (!result.ok) throw new Error(result.detail);
    const { article } = result;
    expect(executableIn(article.contentHtml, doc)).toEqual([]);
    expect(article.contentHtml).not.toMatch(/<script|onerror|onload|onclick|javascript:/i);
    expect(article.contentHtml).toContain('https://www.youtube.com/embed/abc123');
    expect(article.textContent).toContain('<script>alert(12)</script> as text');
    expect(article.textContent.match(/harbour authority/g)?.length).toBeGreaterThanOrEqual(10);
  }, 60_000);

  it('reads malformed markup without throwing', () => {
    const doc = docOf(`<html><body><div><article><h1>Harbour news<p>${SENTENCE}<p>${SENTENCE}</b></i></div>
      <table><p>${SENTENCE}</td></tr><p>${SENTENCE}<li>${SENTENCE}</ul><p>${SENTENCE}<p>${SENTENCE} <a href="/x>broken</a>
      <p>${SENTENCE}</article></span></body></html></html>`);
    const result = extractArticle(doc, URL_, { force: true });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.article.textContent.match(/harbour authority/g)?.length).toBeGreaterThanOrEqual(5);
  });

  it('handles a page of tens of thousands of nodes', () => {
    const filler = Array.from({ length: 6000 }, (_, i) => `<li><a href="/n/${i}"><span>Link ${i}</span></a></li>`).join('');
    const doc = docOf(`<html><body><nav><ul>${filler}</ul></nav><article>${prose(400)}</article></body></html>`);
    expect(doc.getElementsByTagName('*').length).toBeGreaterThan(18_000);
    const result = extractArticle(doc, URL_, { force: true, budgetMs: 60_000 });
    // Within the budget it is an article; past it, the only other answer allowed is 'too-large'.
    if (!result.ok) throw new Error(`${result.reason}: ${result.detail}`);
    expect(result.article.textContent).toContain('400. The harbour');
    expect(result.article.textContent).not.toContain('Link 5999');
  }, 120_000);

  it('says too-large past the element limit, before doing the work', () => {
    const doc = docOf(`<html><body><article>${prose(50)}</article></body></html>`);
    const result = extractArticle(doc, URL_, { force: true, maxElements: 40 });
    expect(result).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('says too-large when the time budget runs out', () => {
    const doc = docOf(`<html><body><article>${prose(50)}</article></body></html>`);
    const result = extractArticle(doc, URL_, { force: true, budgetMs: -1 });
    expect(result).toMatchObject({ ok: false, reason: 'too-large' });
    if (!result.ok) expect(result.detail).toMatch(/longer than/);
  });

  it('refuses markup nested far too deep, without overflowing the stack', () => {
    const depth = 2_500;
    const doc = docOf(`<html><body><article>${prose(5)}</article><div id="deep"></div></body></html>`);
    let node = doc.getElementById('deep')!;
    for (let i = 0; i < depth; i++) node = node.appendChild(doc.createElement(i % 2 ? 'div' : 'span'));
    node.textContent = 'bottom';
    const result = extractArticle(doc, URL_, { force: true });
    expect(result).toMatchObject({ ok: false, reason: 'too-large' });
  }, 120_000);

  it('extracts an article nested deep but within the limit', () => {
    const open = '<div>'.repeat(300);
    const close = '</div>'.repeat(300);
    const doc = docOf(`<html><body>${open}<article>${prose(8)}</article>${close}</body></html>`);
    const result = extractArticle(doc, URL_, { force: true, budgetMs: 60_000 });
    if (!result.ok) throw new Error(result.detail);
    expect(result.article.textContent).toContain('8. The harbour');
  }, 120_000);

  it('leaves the live document unchanged', () => {
    const doc = docOf(`<html><body><article><img data-src="/lazy.jpg" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p>Baca juga: <a href="/x">Lain</a></p>${prose(6)}</article></body></html>`);
    const before = doc.documentElement.outerHTML;
    const result = extractArticle(doc, URL_, { force: true });
    expect(result.ok).toBe(true);
    expect(doc.documentElement.outerHTML).toBe(before);
    if (result.ok) expect(result.article.contentHtml).toContain('src="https://news.example/lazy.jpg"');
  });
});
