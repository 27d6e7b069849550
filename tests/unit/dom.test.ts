import { describe, expect, it } from 'vitest';
import { asciiLowerCase, elementsByTag, firstElement, hasAttrToken } from '@/utils/core/dom';
import { readMetadata } from '@/utils/core/extract/metadata';
import { canonicalUrlOf } from '@/utils/core/url';

const docOf = (body: string, head = '') => new DOMParser().parseFromString(`<html><head>${head}</head><body>${body}</body></html>`, 'text/html');

// The helpers stand in for selectors: each answer must be the one the selector gives.
describe('DOM helpers', () => {
  it('lists elements by tag as querySelectorAll does, nested ones included, in document order', () => {
    const doc = docOf('<div><img id="a"><p><img id="b"></p></div><section><img id="c"></section>');
    expect(elementsByTag(doc.body, 'img')).toEqual(Array.from(doc.body.querySelectorAll('img')));
    expect(elementsByTag(doc, 'img').map((el) => el.id)).toEqual(['a', 'b', 'c']);
  });

  it('finds the first element below the root in document order, never the root itself', () => {
    const doc = docOf('<div id="root" class="x"><p><span id="deep" class="x"></span></p><span id="late" class="x"></span></div>');
    const root = doc.getElementById('root')!;
    expect(firstElement(root, (el) => el.classList.contains('x'))?.id).toBe('deep');
    expect(firstElement(root, () => false)).toBeNull();
  });

  it('matches attribute tokens like ~=, with the i flag folding ASCII letters only', () => {
    const doc = docOf('<a id="a" rel="nofollow\tCanonical"></a><a id="b" rel="x\u00a0canonical"></a><a id="c" rel="CANONİCAL"></a>');
    const [a, b, c] = ['a', 'b', 'c'].map((id) => doc.getElementById(id)!);
    expect(hasAttrToken(a!, 'rel', 'canonical')).toBe(false);
    expect(hasAttrToken(a!, 'rel', 'canonical', true)).toBe(true);
    expect(hasAttrToken(b!, 'rel', 'canonical', true)).toBe(false); // no-break space does not separate tokens
    expect(hasAttrToken(c!, 'rel', 'canonical', true)).toBe(false);
    expect(asciiLowerCase('ÀBC İ')).toBe('Àbc İ');
  });
});

describe('selector stand-ins in the pipeline', () => {
  it('reads the canonical link whatever the case of rel', () => {
    const doc = docOf('', '<link rel="alternate" href="/amp"><link rel="Canonical" href="/news/1">');
    expect(canonicalUrlOf(doc, 'https://site.example/x')).toBe('https://site.example/news/1');
  });

  it('takes the first publishing <time> in document order, then any datePublished item', () => {
    expect(readMetadata(docOf('<time datetime="2024-01-02">x</time><time class="PublishDate" datetime="2024-05-06">y</time>')).publishedTime).toBe('2024-01-02');
    expect(readMetadata(docOf('<time>no date</time><time class="post-PUBLISHED" content="2024-05-06">y</time>')).publishedTime).toBe('2024-05-06');
    expect(readMetadata(docOf('<span itemprop="author datePublished" content="2023-07-08">July</span>')).publishedTime).toBe('2023-07-08');
    expect(readMetadata(docOf('<span itemprop="datepublished" content="2023-07-08">July</span>')).publishedTime).toBeNull();
  });

  it('reads JSON-LD whatever the case of its type attribute', () => {
    const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'Harbour gets a breakwater', datePublished: '2024-03-02' });
    const doc = docOf('', `<script type="Application/LD+JSON">${ld}</script>`);
    expect(readMetadata(doc)).toMatchObject({ title: 'Harbour gets a breakwater', publishedTime: '2024-03-02' });
  });
});
