import { describe, expect, it } from 'vitest';
import { DeclutterController, HIDDEN_ATTR, layoutFreeVisibleText, offPagePlanner } from '@/utils/core/declutter';
import { planSnapshot } from '@/utils/core/snapshot/analyze';
import type { NumberedPlan, PageSnapshot } from '@/utils/core/snapshot/types';
import { load, SENTENCES } from '../support/article-fragments';

/**
 * The plan made ahead (`prepare`, sent when the popup opens): a press of Declutter then hides
 * what a plan made at the press would, without making it again, and only while the page is the
 * one the plan was made for.
 */

const HEADLINE = 'Council votes to rebuild the old market hall';
const RELATED = '<aside class="related-posts"><h3>Related posts</h3><ul><li><a href="/a">Bus fares rise again</a></li><li><a href="/b">New bridge opens</a></li></ul></aside>';
const PAGE = `<!doctype html><html lang="en"><head><title>${HEADLINE} | Example News</title></head><body>
  <nav class="site-nav"><a href="/">Home</a> <a href="/news">News</a></nav>
  <main><article><h1>${HEADLINE}</h1>${SENTENCES.map((s) => `<p>${s}</p>`).join('')}</article>${RELATED}</main>
  <footer class="site-footer"><a href="/about">About us</a></footer></body></html>`;

/** A controller over planSnapshot in this process, counting the plans it asks for; `gate` holds an answer back. */
function controllerFor(doc: Document, gate?: Promise<void>) {
  let plans = 0;
  const planner = offPagePlanner(async (snapshot: PageSnapshot): Promise<NumberedPlan> => {
    plans += 1;
    const plan = planSnapshot(snapshot);
    await gate;
    return plan;
  });
  const controller = new DeclutterController(doc, planner, { visibleText: layoutFreeVisibleText });
  return { controller, plans: () => plans };
}

const hiddenIndexes = (doc: Document) => [...doc.getElementsByTagName('*')].flatMap((el, i) => (el.hasAttribute(HIDDEN_ATTR) ? [i] : []));
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Declutter planned ahead, while the popup is open', () => {
  it('uses the plan made ahead: one plan, and the same elements hidden as a plan made at the press', async () => {
    const fresh = load(PAGE);
    const cold = controllerFor(fresh);
    expect(await cold.controller.apply('on')).toMatchObject({ active: true });
    expect(hiddenIndexes(fresh).length).toBeGreaterThan(0);

    const doc = load(PAGE);
    const { controller, plans } = controllerFor(doc);
    expect(await controller.apply('prepare')).toEqual({ active: false, ms: 0, heldBack: 0 });
    await settle();
    expect(hiddenIndexes(doc)).toEqual([]);
    const on = await controller.apply('on');
    expect(on).toMatchObject({ active: true, ahead: true });
    expect(plans()).toBe(1);
    expect(hiddenIndexes(doc)).toEqual(hiddenIndexes(fresh));
  });

  it('a press while the plan is still on its way waits for it rather than making a second', async () => {
    let release = () => {};
    const doc = load(PAGE);
    const { controller, plans } = controllerFor(doc, new Promise<void>((resolve) => (release = resolve)));
    void controller.apply('prepare');
    const on = controller.apply('on');
    await settle();
    release();
    expect(await on).toMatchObject({ active: true, ahead: true });
    expect(plans()).toBe(1);
  });

  it('plans again when the page changed after the plan was made: what it added is judged too', async () => {
    const doc = load(PAGE);
    const { controller, plans } = controllerFor(doc);
    await controller.apply('prepare');
    await settle();
    doc.querySelector('main')!.insertAdjacentHTML('beforeend', RELATED.replace('related-posts', 'related-posts late').replace('Bus fares', 'Tram fares'));
    const on = await controller.apply('on');
    expect(on).toMatchObject({ active: true });
    expect(on).not.toHaveProperty('ahead');
    expect(plans()).toBe(2);
    expect(doc.querySelector('.late')!.closest(`[${HIDDEN_ATTR}]`)).not.toBeNull();
  });

  it('plans again when one attribute changed while the plan was on its way (the change not yet reported)', async () => {
    let release = () => {};
    const doc = load(PAGE);
    const { controller, plans } = controllerFor(doc, new Promise<void>((resolve) => (release = resolve)));
    await controller.apply('prepare');
    const on = controller.apply('on');
    doc.querySelector('article')!.setAttribute('class', 'story');
    release();
    expect(await on).not.toHaveProperty('ahead');
    expect(plans()).toBe(2);
  });

  it('makes no plan ahead on a page already decluttered, and one plan per prepare at most', async () => {
    const doc = load(PAGE);
    const { controller, plans } = controllerFor(doc);
    await controller.apply('on');
    expect(await controller.apply('prepare')).toMatchObject({ active: true });
    expect(plans()).toBe(1);
    await controller.apply('off');
    await controller.apply('prepare');
    await controller.apply('prepare');
    expect(await controller.apply('on')).toMatchObject({ active: true, ahead: true });
    expect(plans()).toBe(2);
  });
});
