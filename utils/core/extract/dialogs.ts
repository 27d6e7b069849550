/**
 * Dialogs are never the article: a closed `<dialog>`, an ARIA dialog or modal (a "Republish this
 * article" box that carries a copy of the article for pasting elsewhere, a search overlay, a cookie
 * or newsletter popup). Readability drops an ARIA dialog only when it is both `role="dialog"` and
 * `aria-modal="true"`, and a `role` alone only on its first, strictest pass; a box holding a copy of
 * the whole article can then win. Across the shared corpus no page's article sits in one.
 */
export const DIALOG_SELECTOR = 'dialog:not([open]), [role="dialog"], [role="alertdialog"], [aria-modal="true"]';

/** Takes the dialogs out of a clone before Readability reads it; returns how many. */
export function removeDialogs(doc: Document): number {
  const root = doc.body;
  if (!root) return 0;
  // The outermost ones: a dialog inside another goes with it.
  const outermost = [...root.querySelectorAll(DIALOG_SELECTOR)].filter((el) => !el.parentElement?.closest(DIALOG_SELECTOR));
  let removed = 0;
  for (const el of outermost) {
    el.remove();
    removed += 1;
  }
  return removed;
}
