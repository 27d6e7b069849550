import { isProbablyReaderable } from '@mozilla/readability';
import { extractArticle } from '../extract';
import { findClutter } from '../extract/clutter';
import { planDeclutter } from '../declutter/plan';
import { DECLUTTER_RULES } from '../extract/rules';
import { readSnapshot } from './read';
import type { NumberedClutter, NumberedPlan, PageExtract, PageSnapshot } from './types';

/**
 * The work that used to freeze the page, done in an extension context on its snapshot: the one
 * extraction pipeline and Declutter's planner, each on the parsed copy.
 */

export interface AnalyzeOptions {
  /** Refuse a page the readerable pre-check turns down (automatic actions: nobody asked). */
  readerableOnly?: boolean;
  parse?: (html: string) => Document;
}

/** Forced extraction (the user asked), and whether the page also passes the readerable pre-check. */
export function extractSnapshot(snapshot: PageSnapshot, options: AnalyzeOptions = {}): PageExtract {
  const { doc } = readSnapshot(snapshot, options.parse);
  return { ...extractArticle(doc, snapshot.url, { force: true }), readerable: isProbablyReaderable(doc) };
}

/** Declutter's plan for a numbered snapshot, in the page's element numbers. */
export function planSnapshot(snapshot: PageSnapshot, options: AnalyzeOptions = {}): NumberedPlan {
  if (!snapshot.numbered) return { ok: false, reason: 'parse-error', detail: 'Declutter needs a numbered snapshot.' };
  const { doc, numberOf } = readSnapshot(snapshot, options.parse);
  if (options.readerableOnly && !isProbablyReaderable(doc)) {
    return { ok: false, reason: 'not-readerable', detail: 'The page has too little text in paragraphs to be an article.' };
  }
  const plan = planDeclutter(doc);
  if (!plan.ok) return plan;
  // An element the parser made itself (an implied <tbody>) has no number: the nearest ancestor
  // that has one stands for it where a place is needed; a list just leaves it out (hides less).
  const upTo = (el: Element): number => {
    for (let up: Element | null = el; up; up = up.parentElement) {
      const n = numberOf(up);
      if (n !== null) return n;
    }
    return 0;
  };
  const numbers = (els: Iterable<Element>): number[] => {
    const out: number[] = [];
    for (const el of els) {
      const n = numberOf(el);
      if (n !== null) out.push(n);
    }
    return out;
  };
  return {
    ok: true,
    hide: numbers(plan.hide),
    why: [...plan.why].flatMap(([el, reason]) => {
      const n = numberOf(el);
      return n === null ? [] : [[n, reason] as [number, typeof reason]];
    }),
    start: upTo(plan.span.start),
    end: upTo(plan.span.end),
    spine: numbers(plan.span.spine),
    kept: numbers(plan.span.kept),
    pieces: plan.pieces.map((piece) => ({ n: upTo(piece.el), text: piece.text })),
    held: numbers(plan.held),
    heldBack: plan.heldBack,
  };
}

/** Declutter's rules on a subtree snapshot (takeSubtreeSnapshot): the numbers of what they would hide. */
export function lateClutterInSnapshot(snapshot: PageSnapshot, options: AnalyzeOptions = {}): NumberedClutter[] {
  const { doc, numberOf } = readSnapshot(snapshot, options.parse);
  let root: Element | null = null;
  for (const el of doc.getElementsByTagName('*')) {
    if (numberOf(el) === 0) {
      root = el;
      break;
    }
  }
  if (!root) return [];
  const found: NumberedClutter[] = [];
  for (const { el, ...reason } of findClutter(root, DECLUTTER_RULES)) {
    const n = numberOf(el);
    if (n !== null) found.push({ n, ...reason });
  }
  return found;
}
