import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/utils/core/extract';
import { parseHtml } from '../../../support/corpus';

const URL_ = 'https://berita.example/2024/05/01/banjir?utm_source=x';
const SENTENCE =
  'Air sungai naik sepanjang malam sehingga pada pagi hari alun-alun pasar terendam, dan para pedagang memindahkan lapak mereka ke halaman sekolah di atas bukit.';

function extract(body: string, head = '', htmlAttrs = 'lang="id"') {
  const { doc, error } = parseHtml(`<!doctype html><html ${htmlAttrs}><head>${head}</head><body>${body}</body></html>`, URL_);
  if (!doc) throw new Error(error ?? 'no document');
  return { doc, result: extractArticle(doc, URL_, { force: true }) };
}

const prose = (count: number) => Array.from({ length: count }, (_, i) => `<p>${i + 1}. ${SENTENCE}</p>`).join('');

describe('extraction pipeline: what it returns', () => {
  it('reads every metadata field, cleaned', () => {
    const { result } = extract(
      `<article><h1>Banjir rendam pasar</h1><p class="byline">Oleh: Siti Aminah</p>${prose(8)}</article>`,
      `<title>Banjir rendam pasar | Berita Contoh</title><meta property="og:site_name" content="Berita Contoh">
       <meta name="author" content="Penulis: Siti Aminah"><meta property="article:published_time" content="2024-05-01T07:30:00+07:00">
       <meta property="og:image" content="/img/lead.jpg"><meta name="description" content="Pasar terendam banjir.">
       <link rel="canonical" href="https://berita.example/2024/05/01/banjir">`,
    );
    if (!result.ok) throw new Error(result.detail);
    const { article } = result;
    expect(article).toMatchObject({
      title: 'Banjir rendam pasar',
      byline: 'Siti Aminah',
      siteName: 'Berita Contoh',
      publishedTime: '2024-05-01T07:30:00+07:00',
      lang: 'id',
      excerpt: 'Pasar terendam banjir.',
      leadImageUrl: 'https://berita.example/img/lead.jpg',
      canonicalUrl: 'https://berita.example/2024/05/01/banjir',
    });
    expect(article.wordCount).toBeGreaterThan(180);
    // Indonesian reads at 200 words a minute, not English's 238.
    expect(article.readingMinutes).toBe(Math.round(article.wordCount / 200));
    expect(article.textContent).not.toContain('Oleh: Siti Aminah');
  });

  it('gives the text direction of a right-to-left page', () => {
    const { result } = extract(`<article>${prose(6)}</article>`, '', 'lang="ar" dir="rtl"');
    expect(result.ok && result.article.dir).toBe('rtl');
  });

  it('resolves lazy images from data-src, data-lazy-src, srcset and noscript, and makes URLs absolute', () => {
    const { result } = extract(
      `<article>${prose(3)}
        <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/a.jpg" alt="a">
        <img src="/img/placeholder.gif" data-lazy-src="img/b.jpg" alt="b">
        <img srcset="/img/c-320.jpg 320w, /img/c-1280.jpg 1280w" alt="c">
        <img class="lazy" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt=""><noscript><img src="/img/d.jpg" alt="d"></noscript>
        <p>${SENTENCE} <a href="../lain/berita">Berita lain di situs</a> dalam kalimat.</p>${prose(3)}</article>`,
    );
    if (!result.ok) throw new Error(result.detail);
    const html = result.article.contentHtml;
    expect(html).toContain('src="https://berita.example/img/a.jpg"');
    expect(html).toContain('src="https://berita.example/2024/05/01/img/b.jpg"');
    expect(html).toContain('src="https://berita.example/img/c-1280.jpg"');
    expect(html).toContain('src="https://berita.example/img/d.jpg"');
    expect(html).toContain('href="https://berita.example/2024/05/lain/berita"');
    expect(html).not.toMatch(/src="data:|placeholder\.gif/);
  });

  it('keeps figures and captions in the HTML, and leaves captions out of the plain text', () => {
    const { result } = extract(
      `<article>${prose(3)}<figure><img src="/img/pasar.jpg" alt=""><figcaption>Pedagang di halaman sekolah. Foto: Antara</figcaption></figure>
       <div class="wp-caption"><img src="/img/sekolah.jpg" alt=""><p class="wp-caption-text">Tenda darurat di bukit</p></div>${prose(3)}</article>`,
    );
    if (!result.ok) throw new Error(result.detail);
    const { article } = result;
    expect(article.contentHtml).toContain('<figcaption>Pedagang di halaman sekolah.');
    expect(article.contentHtml).toContain('Tenda darurat di bukit');
    expect(article.textContent).not.toContain('Pedagang di halaman sekolah');
    expect(article.textContent).not.toContain('Tenda darurat');
    expect(article.textContent.split('\n').filter((line) => line.includes('Air sungai naik'))).toHaveLength(6);
  });

  it('writes plain text one block a line, so neighbouring blocks never glue together', () => {
    const { result } = extract(`<article>${prose(3)}<ul><li>Satu</li><li>Dua</li></ul><p>Akhir<br>baris baru</p>${prose(3)}</article>`);
    if (!result.ok) throw new Error(result.detail);
    const lines = result.article.textContent.split('\n');
    expect(lines).toContain('Satu');
    expect(lines).toContain('Dua');
    expect(lines).toContain('Akhir');
    expect(lines).toContain('baris baru');
  });

  it('says why a page is not an article when not forced', () => {
    const { doc } = extract('<nav><a href="/">Beranda</a><a href="/news">Berita</a></nav><p>Selamat datang.</p>');
    const result = extractArticle(doc, URL_);
    expect(result).toMatchObject({ ok: false, reason: 'not-readerable' });
    if (!result.ok) expect(result.detail).toMatch(/too little text/);
  });
});
