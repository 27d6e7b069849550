import { findClutter } from '@/utils/core/extract';
import type { ClutterRule } from '@/utils/core/extract';

const PROSE =
  'The city council voted on Tuesday to expand the bus network, adding three routes that will connect the northern suburbs with the central market and the university campus by next spring.';

/** An article region: real paragraphs around the markup under test. */
export function articleWith(markup: string): HTMLElement {
  const root = document.createElement('article');
  root.innerHTML = `<p>${PROSE}</p>${markup}<p>Officials said the new routes would cost less than expected because the buses were bought last year under an earlier plan.</p>`;
  return root;
}

/** Texts of what the rule(s) would remove, whitespace folded. */
export function clutterTexts(root: ParentNode, rules?: readonly ClutterRule[]): string[] {
  return findClutter(root, rules).map(({ el }) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());
}

/** Every paragraph of prose must survive whatever the rules remove. */
export function proseKept(root: ParentNode, rules?: readonly ClutterRule[]): boolean {
  const removed = findClutter(root, rules).map(({ el }) => el);
  return Array.from(root.querySelectorAll('p')).every(
    (p) => (p.textContent ?? '').length < 100 || !removed.some((el) => el === p || el.contains(p)),
  );
}
