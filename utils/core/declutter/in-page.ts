import { findClutter, type ClutterMatch } from '../extract/clutter';
import { DECLUTTER_RULES } from '../extract/rules';
import { planDeclutter } from './plan';
import { HIDDEN_ATTR, applyPlan, type DeclutterOptions, type DeclutterResult } from './decluttered-page';
import { visibleTextWithout } from './visible';

/** Visible text without layout (tests, the CLI): the text outside the subtrees declutter hid. */
export const layoutFreeVisibleText = (body: HTMLElement): string => visibleTextWithout(body, HIDDEN_ATTR);

/** The clutter rules run in the page on what it adds late (the baseline's way, and the tests'). */
export const inPageLateClutter = (parent: Element): ClutterMatch[] => findClutter(parent, DECLUTTER_RULES);

/**
 * Declutter planned and applied in one document: the tests, the CLI, and the benchmark's
 * baseline (the pipeline as it ran inside the page before it moved off it).
 */
export function declutter(doc: Document, options: DeclutterOptions = {}): DeclutterResult {
  const plan = planDeclutter(doc);
  if (!plan.ok) return plan;
  return { ok: true, page: applyPlan(doc, plan, { lateClutter: inPageLateClutter, ...options, visibleText: options.visibleText ?? layoutFreeVisibleText }) };
}
