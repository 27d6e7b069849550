import { hasAttrToken } from '../dom';

/**
 * Dialogs are never the article: a closed `<dialog>`, an ARIA dialog or modal (a "Republish this
 * article" box that carries a copy of the article for pasting elsewhere, a search overlay, a cookie
 * or newsletter popup). Readability drops an ARIA dialog only when it is both `role="dialog"` and
 * `aria-modal="true"`, and a `role` alone only on its first, strictest pass; a box holding a copy of
 * the whole article can then win. Across the shared corpus no page's article sits in one.
 */
export const DIALOG_SELECTOR = 'dialog:not([open]), [role="dialog"], [role="alertdialog"], [aria-modal="true"]';

/**
 * A box whose class names it a modal (`modal`, `cli-modal`, `search-modal`, `modalWindow`,
 * `disclosure-modal-container`): a cookie, search, sign-in or disclosure popup the site's CSS
 * keeps hidden until it opens, often without any ARIA role (wcxb-dev 0334's "Advertiser
 * Disclosure" was Readability's pick over the article). Not a state or a trigger (`modal-open`,
 * `modal-enabled` on an article's own box, `modal-trigger`), and not a part of one
 * (`modal-content`, inside the modal that goes). Not while the page says a modal is open
 * (Bootstrap's and others' `modal-open` on `<html>` or `<body>`): the open one is what the page
 * shows, and on readability-test-pages' yahoo-2 it is the story itself, opened over the front page
 * (`render-target-modal`). Across the shared corpus no other such box holds the article, and no
 * wcxb-dev or scrapinghub-dev page opens with a modal open.
 */
const MODAL_CLASS = /(?:^|[-_])modal(?:s|[-_]*(?:container|wrapper|wrap|window|dialog|overlay|box))?$/i;
const MODAL_BOXES = new Set(['div', 'section', 'aside']);

const MODAL_OPEN = 'modal-open';

const showsOpenModal = (doc: Document): boolean =>
  [doc.documentElement, doc.body].some((el) => el !== null && hasAttrToken(el, 'class', MODAL_OPEN));

function isModalBox(el: Element): boolean {
  if (!MODAL_BOXES.has(el.localName)) return false;
  const classes = el.classList;
  for (let i = 0; i < classes.length; i++) if (MODAL_CLASS.test(classes[i]!)) return true;
  return false;
}

/** Takes the dialogs and modal boxes out of a clone before Readability reads it; returns how many. */
export function removeDialogs(doc: Document): number {
  const root = doc.body;
  if (!root) return 0;
  // `odal`: a class is matched case-blind (`modalWindow`, `Modal`) by MODAL_CLASS.
  const modals = showsOpenModal(doc) ? [] : [...root.querySelectorAll('[class*="odal"]')].filter(isModalBox);
  const dialogs = new Set([...root.querySelectorAll(DIALOG_SELECTOR), ...modals]);
  // The outermost ones: a dialog inside another goes with it.
  const outermost = [...dialogs].filter((el) => {
    for (let up = el.parentElement; up; up = up.parentElement) if (dialogs.has(up)) return false;
    return true;
  });
  let removed = 0;
  for (const el of outermost) {
    el.remove();
    removed += 1;
  }
  return removed;
}
