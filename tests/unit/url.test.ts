import { describe, expect, it } from 'vitest';
import { canonicalUrlOf, normalizeUrl, pageAccess } from '@/utils/core/url';

describe('normalizeUrl', () => {
  it('drops tracking parameters and the fragment, keeps the rest in order', () => {
    expect(normalizeUrl('https://news.example/a?id=7&utm_source=fb&utm_medium=x&fbclid=abc&page=2#comments')).toBe(
      'https://news.example/a?id=7&page=2',
    );
  });
  it('leaves no dangling question mark', () => {
    expect(normalizeUrl('https://news.example/a?gclid=1')).toBe('https://news.example/a');
  });
  it('returns unparsable input trimmed rather than throwing', () => {
    expect(normalizeUrl('  not a url ')).toBe('not a url');
  });
});

describe('canonicalUrlOf', () => {
  const docWith = (head: string) => new DOMParser().parseFromString(`<html><head>${head}</head><body></body></html>`, 'text/html');
  it('prefers the page canonical link, resolved and normalized', () => {
    const doc = docWith('<link rel="canonical" href="/news/1?utm_campaign=z">');
    expect(canonicalUrlOf(doc, 'https://m.site.example/x/1?amp=1')).toBe('https://m.site.example/news/1');
  });
  it('falls back to the visited URL when the canonical link is not http(s)', () => {
    const doc = docWith('<link rel="canonical" href="javascript:alert(1)">');
    expect(canonicalUrlOf(doc, 'https://site.example/a#top')).toBe('https://site.example/a');
  });
});

describe('pageAccess', () => {
  it.each([
    ['https://www.kompas.com/read/1', 'ok'],
    ['chrome://settings', 'browser-page'],
    ['about:blank', 'browser-page'],
    ['chrome-extension://abc/popup.html', 'browser-page'],
    ['https://chromewebstore.google.com/detail/x', 'browser-page'],
    ['https://chrome.google.com/webstore/detail/x', 'browser-page'],
    ['https://addons.mozilla.org/en-US/firefox/', 'browser-page'],
    ['https://site.example/report.PDF', 'pdf'],
    ['file:///home/me/page.html', 'file'],
    ['file:///home/me/doc.pdf', 'pdf'],
    [undefined, 'no-access'],
  ])('%s → %s', (url, expected) => {
    expect(pageAccess(url)).toBe(expected);
  });
});
