import { expect, it } from 'vitest';
import { declutter, HIDDEN_ATTR, INDEX_ATTR, layoutFreeVisibleText, offPagePlanner, planDeclutter, STYLE_ID } from '@/utils/core/declutter';
import { planSnapshot } from '@/utils/core/snapshot/analyze';
import type { PageSnapshot } from '@/utils/core/snapshot/types';
import { loadNewsId } from '../../support/corpus';
import { CORPUS_DIR, describeCorpus } from '../support/corpus-gate';
import { visibleText } from '../support/visible-text';

function load(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

const newsPages = () => (CORPUS_DIR ? loadNewsId(CORPUS_DIR) : []);

describeCorpus('declutter on the news corpus', () => {
  for (const page of newsPages()) {
    it(`${page.id}: keeps every body paragraph, the title and byline, and hides every clutter text`, () => {
      const doc = load(page.html);
      const before = doc.documentElement.outerHTML;
      const result = declutter(doc);
      expect(result.ok).toBe(true);
      const text = squash(visibleText(doc.body));
      for (const paragraph of page.truth.body) expect(text).toContain(squash(paragraph));
      for (const clutter of page.truth.clutter) expect(text, clutter).not.toContain(squash(clutter));
      expect(text).toContain(squash(page.truth.title));
      expect(text).toContain(squash(page.truth.byline));
      // the lead image stays
      const images = [...doc.body.querySelectorAll('img')].filter((img) => !img.closest(`[${HIDDEN_ATTR}]`));
      expect(images.length).toBe(doc.body.querySelectorAll('img').length);

      if (result.ok) result.page.restore();
      expect(doc.documentElement.outerHTML).toBe(before);
    });
  }
});

describeCorpus('declutter mechanics', () => {
  const page = newsPages().find((c) => c.id === 'wpnews-rain') ?? newsPages()[0]!;

  it('plans without touching the live document', () => {
    const doc = load(page.html);
    const before = doc.documentElement.outerHTML;
    const plan = planDeclutter(doc);
    expect(plan.ok).toBe(true);
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(doc.querySelector(`[${INDEX_ATTR}]`)).toBeNull();
  });

  it('hides with one stylesheet and one attribute, removes nothing from the DOM', () => {
    const doc = load(page.html);
    const elementsBefore = doc.getElementsByTagName('*').length;
    const result = declutter(doc);
    if (!result.ok) throw new Error(result.detail);
    expect(doc.querySelectorAll(`#${STYLE_ID}`)).toHaveLength(1);
    expect(doc.getElementById(STYLE_ID)?.textContent).toContain(`[${HIDDEN_ATTR}]`);
    expect(doc.getElementsByTagName('*').length).toBe(elementsBefore + 1);
    expect(result.page.hiddenCount).toBeGreaterThan(0);
    expect(doc.querySelectorAll(`[${HIDDEN_ATTR}]`)).toHaveLength(result.page.hiddenCount);
    result.page.restore();
    expect(doc.getElementById(STYLE_ID)).toBeNull();
    expect(doc.querySelector(`[${HIDDEN_ATTR}]`)).toBeNull();
    result.page.restore(); // a second restore is harmless
  });

  it('keeps hiding clutter the page adds later, and leaves added article content alone', async () => {
    const doc = load(page.html);
    const result = declutter(doc);
    if (!result.ok) throw new Error(result.detail);
    const banner = doc.createElement('div');
    banner.textContent = 'Open in the app for a better experience';
    doc.body.appendChild(banner);
    const injectedAd = doc.createElement('div');
    injectedAd.textContent = 'Sponsored: buy this now';
    const content = doc.querySelector('.entry-content')!;
    content.insertBefore(injectedAd, content.children[2] ?? null);
    const promo = doc.createElement('p');
    promo.innerHTML = 'Baca juga: <a href="/x">Another story</a>';
    content.firstElementChild!.after(promo);
    const inline = doc.createElement('em');
    inline.textContent = 'an added emphasis';
    content.querySelector('p')!.appendChild(inline);
    const inlinePromo = doc.createElement('span');
    inlinePromo.className = 'baca-juga';
    inlinePromo.innerHTML = 'Baca juga: <a href="/y">Yet another story</a>';
    content.querySelectorAll('p')[3]!.appendChild(inlinePromo);
    const shareBar = doc.createElement('div');
    shareBar.className = 'share-buttons';
    shareBar.innerHTML = '<a href="#">Facebook</a> <a href="#">Twitter</a>';
    doc.querySelector('h1')!.after(shareBar);
    const image = doc.createElement('figure');
    image.innerHTML = '<img src="/late.jpg" alt=""><figcaption>Late photo</figcaption>';
    content.appendChild(image);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(banner.hasAttribute(HIDDEN_ATTR)).toBe(true);
    expect(injectedAd.hasAttribute(HIDDEN_ATTR)).toBe(true);
    expect(promo.hasAttribute(HIDDEN_ATTR)).toBe(true);
    expect(inline.hasAttribute(HIDDEN_ATTR)).toBe(false);
    expect(inlinePromo.hasAttribute(HIDDEN_ATTR)).toBe(true);
    expect(shareBar.hasAttribute(HIDDEN_ATTR)).toBe(true);
    expect(image.hasAttribute(HIDDEN_ATTR)).toBe(false);
    // Each says why it was hidden: by where it landed, or by the clutter rule that took it.
    const why = result.page.hiddenElements;
    expect(why.get(banner)).toEqual({ rule: 'added-later', matcher: 'place', match: 'added outside the article' });
    expect(why.get(injectedAd)).toEqual({ rule: 'added-later', matcher: 'place', match: 'added between its paragraphs' });
    expect(why.get(inlinePromo)).toMatchObject({ rule: 'related-links', matcher: 'class' });
    expect(why.get(shareBar)).toMatchObject({ rule: 'added-later', matcher: 'place' });
    expect([...why.keys()].every((el) => el.hasAttribute(HIDDEN_ATTR))).toBe(true);
    result.page.restore();
    expect(doc.querySelector(`[${HIDDEN_ATTR}]`)).toBeNull();
  });

  it('works in bounded slices when a page adds many nodes at once', async () => {
    const doc = load(page.html);
    const result = declutter(doc);
    if (!result.ok) throw new Error(result.detail);
    const fragment = doc.createDocumentFragment();
    const added: Element[] = [];
    for (let i = 0; i < 450; i++) {
      const item = doc.createElement('div');
      item.textContent = `Next article ${i}`;
      added.push(item);
      fragment.appendChild(item);
    }
    doc.body.appendChild(fragment);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const firstSlice = added.filter((el) => el.hasAttribute(HIDDEN_ATTR)).length;
    expect(firstSlice).toBeGreaterThan(0);
    expect(firstSlice).toBeLessThan(added.length);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(added.every((el) => el.hasAttribute(HIDDEN_ATTR))).toBe(true);
    result.page.restore();
  });

  it('reports a page with no article instead of hiding anything', () => {
    const doc = load('<html><body><nav><a href="/">Home</a></nav></body></html>');
    const result = declutter(doc);
    expect(result.ok).toBe(false);
    expect(doc.getElementById(STYLE_ID)).toBeNull();
  });
});

describeCorpus('the page declutter controller (behind the declutter message)', () => {
  const page = newsPages()[0]!;

  // The planner the extension runs (planSnapshot) in the same process: the snapshot still goes
  // through serializing and parsing, as it does between the page and the offscreen document.
  const planner = offPagePlanner(async (snapshot: PageSnapshot) => planSnapshot(snapshot));

  it('turns on, reports, toggles off and ignores repeats', async () => {
    const { DeclutterController } = await import('@/utils/core/declutter');
    const doc = load(page.html);
    const before = doc.documentElement.outerHTML;
    let clock = 0;
    const controller = new DeclutterController(doc, planner, { visibleText: layoutFreeVisibleText }, () => (clock += 5));
    expect(await controller.apply('status')).toEqual({ active: false, ms: 0, heldBack: 0 });
    const on = await controller.apply('toggle');
    expect(on).toEqual({ active: true, ms: 5, heldBack: 0 });
    expect(await controller.apply('on')).toEqual({ active: true, ms: 0, heldBack: 0 });
    expect(await controller.apply('status')).toEqual({ active: true, ms: 0, heldBack: 0 });
    expect(doc.querySelector(`[${HIDDEN_ATTR}]`)).not.toBeNull();
    expect(await controller.apply('toggle')).toEqual({ active: false, ms: 0, heldBack: 0 });
    expect(await controller.apply('off')).toEqual({ active: false, ms: 0, heldBack: 0 });
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('runs requests one at a time: a second toggle while the plan travels turns it off again', async () => {
    const { DeclutterController } = await import('@/utils/core/declutter');
    const doc = load(page.html);
    const before = doc.documentElement.outerHTML;
    const controller = new DeclutterController(doc, planner, { visibleText: layoutFreeVisibleText });
    const [on, off] = await Promise.all([controller.apply('toggle'), controller.apply('toggle')]);
    expect(on).toMatchObject({ active: true });
    expect(off).toEqual({ active: false, ms: 0, heldBack: 0 });
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('hides first and checks the article is still visible only after the pause it is given (the next paint, in the page)', async () => {
    const { DeclutterController } = await import('@/utils/core/declutter');
    const doc = load(page.html);
    const steps: string[] = [];
    const visibleText = (body: HTMLElement) => {
      steps.push('check');
      return layoutFreeVisibleText(body);
    };
    const pauseBeforeCheck = async () => {
      steps.push(doc.querySelector(`[${HIDDEN_ATTR}]`) ? 'pause, hidden' : 'pause, nothing hidden');
    };
    const controller = new DeclutterController(doc, planner, { visibleText, pauseBeforeCheck });
    expect(await controller.apply('on')).toMatchObject({ active: true });
    expect(steps).toEqual(['pause, hidden', 'check']);
  });

  it('says why when there is no article, and stays off', async () => {
    const { DeclutterController } = await import('@/utils/core/declutter');
    const controller = new DeclutterController(load('<html><body><p>Hi</p></body></html>'), planner, { visibleText: layoutFreeVisibleText });
    expect(await controller.apply('toggle')).toMatchObject({ active: false, error: 'no-article' });
    expect(controller.active).toBe(false);
  });
});

describeCorpus('overlays', () => {
  const page = newsPages()[0]!;

  it('hides a cookie wall, unlocks the scrolling it locked, and gives both back on restore', () => {
    const doc = load(
      page.html
        .replace('<body', '<body style="overflow:hidden"')
        .replace('</body>', '<div class="cookie-wall" style="position:fixed;inset:0">We use cookies. Accept all?</div></body>'),
    );
    const result = declutter(doc);
    if (!result.ok) throw new Error(result.detail);
    expect(doc.querySelector('.cookie-wall')!.hasAttribute(HIDDEN_ATTR)).toBe(true);
    expect(doc.getElementById(STYLE_ID)!.textContent).toContain('overflow-y:auto');
    result.page.restore();
    expect(doc.getElementById(STYLE_ID)).toBeNull();
  });

  it('leaves scrolling alone when the page never locked it', () => {
    const doc = load(page.html);
    const result = declutter(doc);
    if (!result.ok) throw new Error(result.detail);
    expect(doc.getElementById(STYLE_ID)!.textContent).not.toContain('overflow');
    result.page.restore();
  });

  it('hides an overlay the page appends after <body>, into <html>', async () => {
    const doc = load(page.html);
    const result = declutter(doc);
    if (!result.ok) throw new Error(result.detail);
    const bar = doc.createElement('div');
    bar.textContent = 'Open in app';
    doc.documentElement.appendChild(bar);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(bar.hasAttribute(HIDDEN_ATTR)).toBe(true);
    result.page.restore();
    expect(bar.hasAttribute(HIDDEN_ATTR)).toBe(false);
  });
});
