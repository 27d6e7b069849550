// @vitest-environment jsdom
// jsdom here: DOMPurify needs a DOM it supports to sanitize (happy-dom let a <script> through in a trial).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fetchArticle, originPattern } from '@/utils/core/transfer/fetch-article';

const PAGE = readFileSync('tests/fixtures/article-kompas-like.html', 'utf8');

function fakeFetch(body: string, init: { status?: number; type?: string; url?: string } = {}): typeof fetch {
  return (async () => {
    const response = new Response(body, { status: init.status ?? 200, headers: { 'content-type': init.type ?? 'text/html; charset=utf-8' } });
    Object.defineProperty(response, 'url', { value: init.url ?? 'https://warta.example/ekonomi/kopi' });
    return response;
  }) as typeof fetch;
}

const env = (f: typeof fetch) => ({ fetch: f, win: window as Window & typeof globalThis });

describe('fetching an imported link', () => {
  it('asks for the one site it reads', () => {
    expect(originPattern('https://www.kompas.com/a/b?x=1')).toBe('https://www.kompas.com/*');
    expect(originPattern('http://127.0.0.1:8080/a')).toBe('http://127.0.0.1/*');
  });

  it('extracts the article with the one pipeline, sanitized, links made absolute', async () => {
    const hostile = PAGE.replace('<p>Takengon', '<p><img src="/foto.jpg" onerror="alert(1)"><script>alert(2)</script><a href="/lain">lain</a> Takengon');
    const result = await fetchArticle('https://warta.example/ekonomi/kopi?utm_source=x', env(fakeFetch(hostile)));
    if (!result.ok) throw new Error(result.detail);
    expect(result.article.title).toBe('Petani Kopi Gayo Panen Raya, Harga Naik 20 Persen');
    expect(result.article.textContent).toContain('Petani kopi di dataran tinggi Gayo');
    expect(result.article.contentHtml).not.toMatch(/onerror|<script/);
    expect(result.article.contentHtml).toContain('https://warta.example/lain');
    expect(result.article.canonicalUrl).toBe('https://warta.example/ekonomi/2024/05/02/petani-kopi-gayo-panen-raya');
  });

  it('says why when there is nothing to keep', async () => {
    expect(await fetchArticle('https://x.example/', env(fakeFetch('gone', { status: 404 })))).toMatchObject({ ok: false, reason: 'http', detail: 'HTTP 404' });
    expect(await fetchArticle('https://x.example/a.pdf', env(fakeFetch('%PDF', { type: 'application/pdf' })))).toMatchObject({ ok: false, reason: 'not-html' });
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await fetchArticle('https://x.example/', env(offline))).toMatchObject({ ok: false, reason: 'network' });
    expect(await fetchArticle('https://x.example/', env(fakeFetch('<html><body><nav>menu</nav></body></html>')))).toMatchObject({ ok: false, reason: 'no-content' });
  });
});
