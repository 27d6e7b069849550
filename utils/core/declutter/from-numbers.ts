import { takeSnapshot, takeSubtreeSnapshot } from '../snapshot/take';
import type { ClutterMatch } from '../extract/clutter';
import type { NumberedClutter, NumberedPlan, PageSnapshot } from '../snapshot/types';
import type { HideReason } from './plan';
import type { DeclutterPlanner } from './controller';
import type { LivePlan } from './decluttered-page';

/**
 * The page side of a plan made off the page: its element numbers turned back into the live
 * elements the snapshot was taken from. A number that names no element (a page that changed
 * under the snapshot) drops out, so the page hides less, never something else.
 */
export function livePlanOf(elements: readonly Element[], plan: Extract<NumberedPlan, { ok: true }>): LivePlan | null {
  const at = (n: number): Element | undefined => elements[n];
  const set = (numbers: readonly number[]): Set<Element> => {
    const out = new Set<Element>();
    for (const n of numbers) {
      const el = at(n);
      if (el) out.add(el);
    }
    return out;
  };
  const start = at(plan.start);
  const end = at(plan.end);
  if (!start || !end) return null;
  const pieces = [];
  for (const piece of plan.pieces) {
    const el = at(piece.n);
    if (el) pieces.push({ el, text: piece.text });
  }
  return {
    span: { start, end, spine: set(plan.spine), kept: set(plan.kept) },
    // One the page removed meanwhile is marked all the same: harmless, and restored with the rest.
    hide: [...set(plan.hide)],
    why: new Map(plan.why.flatMap(([n, reason]): [Element, HideReason][] => {
      const el = at(n);
      return el ? [[el, reason]] : [];
    })),
    pieces,
    held: set(plan.held),
    heldBack: plan.heldBack,
  };
}

/**
 * The content script's planner: a numbered snapshot goes to `send` (an extension context that
 * runs planSnapshot), and the numbers that come back name the elements the snapshot was taken of.
 */
export function offPagePlanner(send: (snapshot: PageSnapshot) => Promise<NumberedPlan>): DeclutterPlanner {
  return async (doc) => {
    const { snapshot, elements } = await takeSnapshot(doc, true);
    const plan = await send(snapshot);
    if (!plan.ok) return plan;
    const live = livePlanOf(elements, plan);
    return live ? { ok: true, ...live } : { ok: false, reason: 'no-article', detail: 'The page changed under the plan.' };
  };
}

/** The content script's late-clutter check: the added elements' parent goes to `send` as a subtree. */
export function offPageLateClutter(send: (snapshot: PageSnapshot) => Promise<NumberedClutter[]>): (parent: Element) => Promise<ClutterMatch[]> {
  return async (parent) => {
    const { snapshot, elements } = takeSubtreeSnapshot(parent);
    const found = await send(snapshot);
    return found.flatMap(({ n, ...reason }) => {
      const el = elements[n];
      return el ? [{ el, ...reason }] : [];
    });
  };
}
