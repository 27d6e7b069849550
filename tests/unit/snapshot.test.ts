// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { inPageLateClutter, offPageLateClutter } from '@/utils/core/declutter';
import { lateClutterInSnapshot } from '@/utils/core/snapshot/analyze';
import { readSnapshot } from '@/utils/core/snapshot/read';
import { serializeInTasks, takeSnapshot, takeSubtreeSnapshot } from '@/utils/core/snapshot/take';
import { loadNewsId } from '../../support/corpus';
import { CORPUS_DIR, describeCorpus } from '../support/corpus-gate';
import { HEAD_ATTR, NOSCRIPT_TEXT_ATTR, NUMBER_ATTR } from '@/utils/core/snapshot/types';

/*
 * The page's snapshot and its reading in the extension (#15): the parsed copy must be what a
 * clone of the page would be, with every element's number pointing at its live twin.
 */

function page(html: string, url = 'https://news.example/2024/story.html'): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  // A page's own document: its address is the page's (DOMParser's would be this test's).
  Object.defineProperties(doc, { URL: { value: url }, documentURI: { value: url }, baseURI: { value: url } });
  return doc;
}

const HTML = `<!DOCTYPE html><html><head><title>T</title><meta name="author" content="Ani">
</head><body><div id="a"><p>One <b>two</b></p></div><ul><li>x</li></ul></body></html>`;

/** The page as a browser with scripting on holds it: each `<noscript>`'s content is one text node. */
function withNoscripts(doc: Document): Document {
  const add = (before: Element, markup: string) => {
    const noscript = doc.createElement('noscript');
    noscript.textContent = markup;
    before.before(noscript);
  };
  add(doc.querySelector('meta[name="author"]')!, '<img src="https://px.example/p.gif">');
  doc.querySelector('#a p')!.after(doc.createElement('span'));
  add(doc.querySelector('#a span')!, '<img src="/big.jpg">');
  return doc;
}

describe('page snapshots', () => {
  it('numbers every element on the copy only, and each number names its live twin', async () => {
    const live = withNoscripts(page(HTML));
    const before = live.documentElement.outerHTML;
    const { snapshot, elements } = await takeSnapshot(live, true);
    expect(live.documentElement.outerHTML).toBe(before);
    expect(snapshot.html.startsWith('<!DOCTYPE html>')).toBe(true);
    const { doc, numberOf } = readSnapshot(snapshot);
    expect(doc.querySelector(`[${NUMBER_ATTR}]`)).toBeNull();
    const parsed = [...doc.getElementsByTagName('*')];
    expect(parsed.length).toBe(elements.length);
    for (const el of parsed) {
      const twin = elements[numberOf(el)!]!;
      expect(twin.tagName).toBe(el.tagName);
      expect(twin.getAttribute('id')).toBe(el.getAttribute('id'));
    }
  });

  it('keeps a <noscript> as text, in the head too, so the head does not end early', async () => {
    const live = withNoscripts(page(HTML));
    const { doc } = readSnapshot((await takeSnapshot(live, false)).snapshot);
    expect(doc.querySelectorAll('noscript')).toHaveLength(2);
    expect(doc.head.querySelector('meta[name="author"]')).not.toBeNull();
    const noscripts = [...doc.querySelectorAll('noscript')];
    expect(noscripts.map((n) => n.textContent)).toEqual([...live.querySelectorAll('noscript')].map((n) => n.textContent));
    expect(noscripts.every((n) => n.attributes.length === 0)).toBe(true);
  });

  it('keeps a <pre> or <textarea> whose text starts with a newline as it is (wcxb-dev 0435)', async () => {
    // Two newlines in the source: the parser drops the first, the element's text starts with the second.
    const live = page('<!DOCTYPE html><html><head><title>T</title></head><body><pre>\n\nBootRom 1.1\n</pre><textarea>\n\nnote</textarea><pre>x\n</pre><pre></pre></body></html>');
    const texts = (doc: Document) => [...doc.querySelectorAll('pre, textarea')].map((el) => el.textContent);
    expect(texts(live)).toEqual(['\nBootRom 1.1\n', '\nnote', 'x\n', '']);
    const { snapshot, elements } = await takeSnapshot(live, true);
    const { doc } = readSnapshot(snapshot);
    expect(texts(doc)).toEqual(texts(live));
    expect(texts(live)).toEqual(['\nBootRom 1.1\n', '\nnote', 'x\n', '']);
    expect(elements).toHaveLength(live.getElementsByTagName('*').length);
    // A late subtree snapshot that is itself the <pre>.
    const pre = live.querySelector('pre')!;
    expect(readSnapshot(takeSubtreeSnapshot(pre).snapshot).doc.querySelector('pre')!.textContent).toBe(pre.textContent);
  });

  it('keeps in the head what a script put there that the parser would not (an ad\'s <iframe> before the <title>)', async () => {
    const live = page(HTML);
    // As sfgate.com's and thesun.co.uk's ad scripts do: the head then ends early when parsed again.
    live.head.insertBefore(live.createElement('iframe'), live.querySelector('title'));
    const { snapshot, elements } = await takeSnapshot(live, true);
    const { doc, numberOf } = readSnapshot(snapshot);
    expect(doc.head.outerHTML).toBe(live.head.outerHTML);
    expect(doc.body.outerHTML).toBe(live.body.outerHTML);
    const parsed = [...doc.getElementsByTagName('*')];
    expect(parsed.map((el) => numberOf(el))).toEqual(elements.map((_, i) => i));
    expect(parsed.map((el) => el.localName)).toEqual(elements.map((el) => el.localName));
  });

  it("carries the head's style sheets and scripts empty, its JSON-LD whole, the body's code as it is", async () => {
    const css = `p{color:red}${' '.repeat(5000)}`;
    const jsonLd = '{"@type":"NewsArticle","author":{"name":"Ani"}}';
    const live = page(
      `<!DOCTYPE html><html><head><title>T</title><style>${css}</style><script>window.big = "${'x'.repeat(5000)}";</script>` +
        `<script type="application/ld+json">${jsonLd}</script></head><body><p>One</p><style>b{color:blue}</style><script>var inBody = 1;</script></body></html>`,
    );
    const before = live.documentElement.outerHTML;
    const { snapshot, elements } = await takeSnapshot(live, true);
    expect(live.documentElement.outerHTML).toBe(before);
    expect(snapshot.html.length).toBeLessThan(1000);
    const { doc, numberOf } = readSnapshot(snapshot);
    expect([...doc.head.querySelectorAll('style, script:not([type])')].map((el) => el.textContent)).toEqual(['', '']);
    expect(doc.head.querySelector('script[type="application/ld+json"]')!.textContent).toBe(jsonLd);
    expect(doc.body.outerHTML).toBe(live.body.outerHTML);
    const parsed = [...doc.getElementsByTagName('*')];
    expect(parsed.map((el) => numberOf(el))).toEqual(elements.map((_, i) => i));
    expect(parsed.map((el) => el.localName)).toEqual(elements.map((el) => el.localName));
  });

  it('is the page as it was when taken, though the page runs between its tasks, and every number still names its twin', async () => {
    const live = withNoscripts(page(HTML));
    const expected = await takeSnapshot(live, true, async () => {});
    let pauses = 0;
    // What a page's script may do while the snapshot hands the thread back: add, remove, rewrite.
    const { snapshot, elements } = await takeSnapshot(live, true, async () => {
      pauses += 1;
      live.body.prepend(live.createElement('aside'));
      live.querySelector('ul')?.remove();
      live.querySelector('#a b')!.textContent = 'changed';
    });
    expect(pauses).toBeGreaterThanOrEqual(2);
    expect(snapshot.html).toBe(expected.snapshot.html);
    const { doc, numberOf } = readSnapshot(snapshot);
    const parsed = [...doc.getElementsByTagName('*')];
    expect(parsed.map((el) => elements[numberOf(el)!]!.localName)).toEqual(parsed.map((el) => el.localName));
    expect(elements.map((el) => el.localName)).toContain('ul');
  });

  it('serializes the page as a clone of its whole document did, attribute for attribute', async () => {
    const live = withNoscripts(page(HTML));
    live.head.insertBefore(live.createElement('iframe'), live.querySelector('title'));
    live.body.insertAdjacentHTML('beforeend', '<template><p>t</p></template><svg viewBox="0 0 1 1"><path d="M0 0"/></svg><style>p{color:red}</style>');
    // The way before the snapshot was cut into tasks: the page's document cloned, then written to.
    const copy = live.cloneNode(true) as Document;
    const copies = copy.getElementsByTagName('*');
    for (let i = 0; i < copies.length; i++) copies[i]!.setAttribute(NUMBER_ATTR, String(i));
    for (const noscript of copy.getElementsByTagName('noscript')) {
      noscript.setAttribute(NOSCRIPT_TEXT_ATTR, noscript.textContent ?? '');
      noscript.textContent = '';
    }
    const template = copy.createElement('template');
    template.setAttribute(HEAD_ATTR, '');
    while (copy.head.firstChild) template.content.appendChild(copy.head.firstChild);
    copy.head.appendChild(template);
    const { snapshot } = await takeSnapshot(live, true);
    expect(snapshot.html).toBe('<!DOCTYPE html>' + copy.documentElement.outerHTML);
  });

  it('serializes a big subtree in tasks, character for character as outerHTML does', async () => {
    const live = withNoscripts(page(HTML));
    live.body.insertAdjacentHTML(
      'beforeend',
      '<div>a &amp; b &lt; c\u00a0d <!-- note --> <template><p>t</p></template><svg viewBox="0 0 1 1"><foreignObject><p>x</p></foreignObject><path d="M0 0"/></svg>' +
        '<style>p > b { content: "<&>" }</style><script>if (a < b && c) {}</script><textarea>&lt;x&gt;</textarea><pre>\nline</pre><br><img alt="\u00a0&quot;"></div>',
    );
    live.querySelector('style')!.append(live.createElement('i'));
    let pauses = 0;
    const html = await serializeInTasks(live.documentElement, async () => void (pauses += 1), 3);
    expect(html).toBe(live.documentElement.outerHTML);
    expect(pauses).toBeGreaterThan(3);
  });

  it('answers baseURI and documentURI as the page did, clones included (Readability resolves links with them)', async () => {
    const live = page(HTML, 'https://news.example/a/b.html');
    const { doc } = readSnapshot((await takeSnapshot(live, false)).snapshot);
    const clone = doc.cloneNode(true) as Document;
    for (const d of [doc, clone]) {
      expect(d.baseURI).toBe('https://news.example/a/b.html');
      expect(d.documentURI).toBe('https://news.example/a/b.html');
    }
  });

  it('finds the same late clutter off the page as in it, inside the ancestors it sits in', async () => {
    const live = page(
      `<html><body><article class="post"><div class="content"><p>${'Words of the story. '.repeat(20)}</p>` +
        `<div class="baca-juga"><strong>Baca juga:</strong> <a href="/x">Another story</a></div>` +
        `<div class="share-buttons"><a href="#">Share</a></div><p>${'More of it. '.repeat(20)}</p></div></article></body></html>`,
    );
    const parent = live.querySelector('.content')!;
    const inPage = inPageLateClutter(parent);
    expect(inPage.length).toBeGreaterThan(0);
    const offPage = await offPageLateClutter(async (snapshot) => lateClutterInSnapshot(snapshot))(parent);
    expect(offPage).toEqual(inPage);
  });
});

describeCorpus('page snapshots of the news corpus', () => {
  for (const news of CORPUS_DIR ? loadNewsId(CORPUS_DIR) : []) {
    it(`${news.id}: serialized in tasks as in one`, async () => {
      const live = page(news.html);
      expect(await serializeInTasks(live.documentElement, async () => {}, 20)).toBe(live.documentElement.outerHTML);
    });
  }
});
