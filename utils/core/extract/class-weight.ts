import { elementsByTag } from '../dom';

/**
 * Readability weighs a block by its class names: one matching its "negative" pattern (`hidden`,
 * `widget`, `promo`, `banner`, `scroll`…) loses 25 points, and a block that ends up below zero is
 * cut from the article. A CSS utility can match only by accident: Tailwind's and Bootstrap's
 * `overflow-hidden` says a box clips what overflows it, not that it is hidden, and sites built
 * with them put it on the cards and sections that hold their story (wcxb-dev 2976's whole article,
 * 0312's and 4027's sections were cut).
 *
 * A token is matched whole, so a box that is `hidden` or a sidebar's `widget` still weighs against
 * itself. Measured on wcxb-dev and left out, because they cost more pages than they helped: the
 * CMS names that match too (Drupal's `field--label-hidden`, Elementor's `elementor-widget…`,
 * HubSpot's `widget-span`), and Tailwind's `scroll-m…` (no page changed).
 */
export const MISREAD_CLASS_TOKENS: readonly { token: RegExp; within: string; serves: string }[] = [
  // `within`: text every token of the entry holds, the cheap first test of a whole class attribute.
  { token: /^(?:[a-z0-9]+:)*overflow(?:-[xy])?-hidden$/, within: 'overflow', serves: 'Tailwind and Bootstrap utilities (`overflow-hidden`, `md:overflow-x-hidden`): a box that clips its overflow' },
];

const isMisread = (token: string): boolean => MISREAD_CLASS_TOKENS.some(({ token: pattern }) => pattern.test(token));

/**
 * Takes the misread tokens out of the class names of a clone before Readability weighs it (the
 * clone is the pipeline's own; the page keeps its classes). Returns how many elements changed.
 */
export function unweightMisreadClasses(doc: Document): number {
  const root = doc.body;
  if (!root) return 0;
  let changed = 0;
  for (const el of elementsByTag(root, '*')) {
    const value = el.getAttribute('class');
    if (!value || !MISREAD_CLASS_TOKENS.some(({ within }) => value.includes(within))) continue;
    const tokens = value.split(/\s+/).filter(Boolean);
    const kept = tokens.filter((token) => !isMisread(token));
    if (kept.length === tokens.length) continue;
    el.setAttribute('class', kept.join(' '));
    changed += 1;
  }
  return changed;
}
