import { observeMutations } from '../dom';
import type { ClutterMatch } from '../extract/clutter';
import type { HideReason } from './plan';
import { hideAround, missingPieces, type ArticlePiece } from './visible';
import { placeOf, type ArticleSpan } from './span';
import { INVISIBLE_TAGS, MEDIA_SELECTOR, MEDIA_TAGS } from './rules';

/** The one attribute declutter puts on the page: "hide this". */
export const HIDDEN_ATTR = 'data-kliping-hidden';
export const STYLE_ID = 'kliping-declutter-style';
const STYLE_TEXT = `[${HIDDEN_ATTR}]{display:none!important}`;
/** A cookie wall or app banner often locks scrolling while it shows; hiding it must unlock it. */
const UNLOCK_SCROLL = 'html,body{overflow-y:auto!important}';

/**
 * Most elements one mutation batch may classify before the rest waits for the next frame: an
 * infinite scroll that inserts thousands of nodes costs the page a few bounded slices, never one
 * long task.
 */
export const MAX_NODES_PER_SLICE = 200;

/** Whether the page's scrolling is locked and one of the elements to hide is a fixed overlay. */
function scrollLockedByOverlay(doc: Document, hide: readonly Element[]): boolean {
  // A parsed document (tests, the CLI) has no window of its own: the global one computes styles.
  const view = doc.defaultView ?? (typeof window === 'undefined' ? null : window);
  if (!view) return false;
  const locked = [doc.documentElement, doc.body].some((el) => {
    if (!el) return false;
    const style = view.getComputedStyle(el);
    // Some DOMs leave the longhand empty and only report the shorthand ("hidden", "visible hidden").
    return [style.overflowY, style.overflow.split(' ').pop()].some((value) => value === 'hidden' || value === 'clip');
  });
  return locked && hide.some((el) => view.getComputedStyle(el).position === 'fixed');
}

/** Kept elements that are one block of text: what is added inside them is part of that text. */
const PARAGRAPH_TAGS = new Set(['P', 'LI', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'FIGURE', 'FIGCAPTION', 'TD', 'TH', 'PRE', 'DD', 'DT']);

export type DeclutterResult =
  | { ok: true; page: DeclutteredPage }
  | { ok: false; reason: 'no-article' | 'parse-error'; detail: string };

export interface DeclutterOptions {
  /**
   * The page's visible text once hidden elements are gone: `innerText` in a browser. Without it,
   * the text outside hidden subtrees (a DOM without layout cannot say more).
   */
  visibleText?: (body: HTMLElement) => string;
  /**
   * The clutter rules on an element the page added late, inside the article: the elements under
   * `parent` they would hide, with why. In the page, `findClutter` itself (see in-page.ts); the
   * content script asks the extension instead, so the rules stay out of the page. Without it,
   * late additions are judged by where they land only.
   */
  lateClutter?: (parent: Element) => ClutterMatch[] | Promise<ClutterMatch[]>;
}

/** What applying a plan needs: the visible text is always given (the page's `innerText`, or in-page.ts's layout-free stand-in). */
export type ApplyOptions = DeclutterOptions & { visibleText: (body: HTMLElement) => string };

/** The plan's decision on live elements: what a decluttered page starts from. */
export interface LivePlan {
  span: ArticleSpan;
  hide: readonly Element[];
  why: ReadonlyMap<Element, HideReason>;
  pieces: readonly ArticlePiece[];
  held: ReadonlySet<Element>;
  heldBack: number;
}

/**
 * Hides everything that is not the article; `restore()` puts the page back exactly. Then checks
 * that the article's text is all still visible, and shows again whatever hid a part of it.
 */
export function applyPlan(doc: Document, plan: LivePlan, options: ApplyOptions): DeclutteredPage {
  const page = hidePlan(doc, plan, options);
  checkPlan(page, plan, options);
  return page;
}

/** applyPlan's first half: everything the plan hides is hidden, the check after hiding not yet run. */
export function hidePlan(doc: Document, plan: LivePlan, options: ApplyOptions): DeclutteredPage {
  const page = new DeclutteredPage(doc, plan.span, [...plan.hide], plan.why, options.lateClutter);
  page.heldBack = plan.heldBack;
  return page;
}

/** applyPlan's second half, on a page hidePlan made: the article's text is all visible, or shown again. */
export function checkPlan(page: DeclutteredPage, plan: LivePlan, options: ApplyOptions): void {
  if (page.isActive) page.heldBack += showMissingArticle(page, plan.pieces, plan.held, options.visibleText);
}

/**
 * The check after hiding: every piece of article text is in the page's visible text. A piece
 * that is not, under an element this page's declutter hid, gets that element shown again (its parts
 * without article text stay hidden). Returns how many elements had to be shown again.
 */
export function showMissingArticle(
  page: DeclutteredPage,
  pieces: readonly ArticlePiece[],
  held: ReadonlySet<Element>,
  visibleText: (body: HTMLElement) => string,
): number {
  const body = page.document.body;
  if (!body) return 0;
  const culprits = new Set<Element>();
  for (const { culprit } of missingPieces(pieces, visibleText(body), `[${HIDDEN_ATTR}]`)) if (culprit) culprits.add(culprit);
  let shown = 0;
  for (const culprit of culprits) if (page.reveal(culprit, held)) shown += 1;
  return shown;
}

/** A part hidden in place of its wrapper, which held article text: the wrapper's reason, said so. */
function partOf(reason: HideReason): HideReason {
  return { ...reason, match: `${reason.match} (a part of an element that held article text)` };
}

/** The reason of the nearest planned wrapper, for a part the plan's guard hid in its place. */
function wrapperReason(el: Element, why: ReadonlyMap<Element, HideReason>): HideReason {
  for (let up = el.parentElement; up; up = up.parentElement) {
    const reason = why.get(up);
    if (reason) return partOf(reason);
  }
  return { rule: 'given', matcher: 'place', match: 'handed to the decluttered page' };
}

export class DeclutteredPage {
  private readonly hidden = new Map<Element, HideReason>();
  private readonly style: HTMLStyleElement;
  private readonly observer: MutationObserver;
  private queue: Element[] = [];
  private scheduled = false;
  private active = true;

  constructor(
    private readonly doc: Document,
    private readonly span: ArticleSpan,
    hide: Element[],
    why: ReadonlyMap<Element, HideReason> = new Map(),
    private readonly lateClutter?: DeclutterOptions['lateClutter'],
  ) {
    this.style = doc.createElement('style');
    this.style.id = STYLE_ID;
    this.style.textContent = scrollLockedByOverlay(doc, hide) ? STYLE_TEXT + UNLOCK_SCROLL : STYLE_TEXT;
    (doc.head ?? doc.documentElement).appendChild(this.style);
    for (const el of hide) this.hide(el, why.get(el) ?? wrapperReason(el, why));
    this.observer = observeMutations(doc, (records) => this.onMutations(records));
    // The whole document, not just <body>: overlays are sometimes appended after it.
    this.observer.observe(doc.documentElement, { childList: true, subtree: true });
  }

  get isActive(): boolean {
    return this.active;
  }

  get hiddenCount(): number {
    return this.hidden.size;
  }

  /** Every element this page's declutter hides, with why (what `npm run extract -- --explain` lists). */
  get hiddenElements(): ReadonlyMap<Element, HideReason> {
    return this.hidden;
  }

  /** Elements left visible because they held article text the plan would have hidden. */
  heldBack = 0;

  /** Shows a hidden element again that held article text, hiding only its parts that hold none. */
  reveal(el: Element, held: ReadonlySet<Element>): boolean {
    const reason = this.hidden.get(el);
    if (!reason || !this.hidden.delete(el)) return false;
    el.removeAttribute(HIDDEN_ATTR);
    const parts: Element[] = [];
    hideAround(el, held, parts);
    for (const part of parts) this.hide(part, partOf(reason));
    return true;
  }

  get document(): Document {
    return this.doc;
  }

  /** Removes the stylesheet and every mark: the page is as it was, nothing reloaded. */
  restore(): void {
    if (!this.active) return;
    this.active = false;
    this.observer.disconnect();
    this.queue = [];
    for (const el of this.hidden.keys()) el.removeAttribute(HIDDEN_ATTR);
    this.hidden.clear();
    this.style.remove();
  }

  private hide(el: Element, reason: HideReason): void {
    el.setAttribute(HIDDEN_ATTR, '');
    this.hidden.set(el, reason);
  }

  private onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      for (const node of record.addedNodes) if (node.nodeType === 1) this.queue.push(node as Element);
    }
    this.drain();
  }

  private drain(): void {
    if (!this.active) return;
    const batch = this.queue.splice(0, MAX_NODES_PER_SLICE);
    const toCheck = batch.filter((el) => this.classify(el));
    this.hideClutterAmong(toCheck);
    if (this.queue.length && !this.scheduled) {
      this.scheduled = true;
      const view = this.doc.defaultView;
      const next = () => {
        this.scheduled = false;
        this.drain();
      };
      if (view?.requestAnimationFrame) view.requestAnimationFrame(next);
      else setTimeout(next, 16);
    }
  }

  /**
   * An element the page added after declutter: hidden when it lands outside the article or
   * between its paragraphs (ads, "next article" blocks). True when it stays visible and still
   * needs the clutter rules.
   */
  private classify(el: Element): boolean {
    if (!el.isConnected || INVISIBLE_TAGS.has(el.tagName) || el.tagName === 'BODY' || el.id === STYLE_ID) return false;
    if (el.parentElement === null || el.closest('head')) return false;
    if (el.closest(`[${HIDDEN_ATTR}]`)) return false;
    if (this.span.spine.has(el)) return false;
    const place = placeOf(el, this.span);
    const media = MEDIA_TAGS.has(el.tagName) || el.querySelector(MEDIA_SELECTOR) !== null;
    if (place === 'outside' || (place === 'body' && !media && !this.isInsideParagraph(el))) {
      this.hide(el, { rule: 'added-later', matcher: 'place', match: place === 'outside' ? 'added outside the article' : 'added between its paragraphs' });
      return false;
    }
    return true;
  }

  /**
   * The clutter rules judge an element by its surroundings (a "Baca juga:" line, a box under a
   * heading), so they run once per parent of the added elements, not once per element.
   */
  private hideClutterAmong(added: Element[]): void {
    const find = this.lateClutter;
    if (!find) return;
    const byParent = new Map<Element, Element[]>();
    for (const el of added) {
      const parent = el.parentElement!;
      byParent.set(parent, [...(byParent.get(parent) ?? []), el]);
    }
    for (const [parent, children] of byParent) {
      const hideFound = (found: ClutterMatch[]) => {
        if (!this.active) return;
        for (const { el, ...reason } of found) if (el.isConnected && children.some((child) => child === el || child.contains(el))) this.hide(el, reason);
      };
      const found = find(parent);
      if (Array.isArray(found)) hideFound(found);
      else void found.then(hideFound, () => {});
    }
  }

  /**
   * Whether `el` was added inside one of the article's paragraphs (a link card, a lazy image)
   * rather than as a new block between them (an injected ad, a "next article").
   */
  private isInsideParagraph(el: Element): boolean {
    for (let up = el.parentElement; up; up = up.parentElement) {
      if (this.span.kept.has(up) && PARAGRAPH_TAGS.has(up.tagName)) return true;
      if (this.span.spine.has(up)) return false;
    }
    return false;
  }
}
