import { findClutter, isClutter } from './clutter';
import { placeOf, planDeclutter, type ArticleSpan } from './plan';
import { INVISIBLE_TAGS, MEDIA_SELECTOR, MEDIA_TAGS } from './rules';

/** The one attribute declutter puts on the page: "hide this". */
export const HIDDEN_ATTR = 'data-kliping-hidden';
export const STYLE_ID = 'kliping-declutter-style';
const STYLE_TEXT = `[${HIDDEN_ATTR}]{display:none!important}`;

/**
 * Most elements one mutation batch may classify before the rest waits for the next frame: an
 * infinite scroll that inserts thousands of nodes costs the page a few bounded slices, never one
 * long task.
 */
export const MAX_NODES_PER_SLICE = 200;

/** Kept elements that are one block of text: what is added inside them is part of that text. */
const PARAGRAPH_TAGS = new Set(['P', 'LI', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'FIGURE', 'FIGCAPTION', 'TD', 'TH', 'PRE', 'DD', 'DT']);

export type DeclutterResult =
  | { ok: true; session: DeclutterSession }
  | { ok: false; reason: 'no-article' | 'parse-error'; detail: string };

/** Hides everything that is not the article; `restore()` puts the page back exactly. */
export function declutter(doc: Document): DeclutterResult {
  const plan = planDeclutter(doc);
  if (!plan.ok) return plan;
  return { ok: true, session: new DeclutterSession(doc, plan.span, plan.hide) };
}

export class DeclutterSession {
  private readonly hidden = new Set<Element>();
  private readonly style: HTMLStyleElement;
  private readonly observer: MutationObserver;
  private queue: Element[] = [];
  private scheduled = false;
  private active = true;

  constructor(
    private readonly doc: Document,
    private readonly span: ArticleSpan,
    hide: Element[],
  ) {
    this.style = doc.createElement('style');
    this.style.id = STYLE_ID;
    this.style.textContent = STYLE_TEXT;
    (doc.head ?? doc.documentElement).appendChild(this.style);
    for (const el of hide) this.hide(el);
    const View = doc.defaultView as (Window & typeof globalThis) | null;
    const Observer = View?.MutationObserver ?? globalThis.MutationObserver;
    this.observer = new Observer((records) => this.onMutations(records));
    if (doc.body) this.observer.observe(doc.body, { childList: true, subtree: true });
  }

  get isActive(): boolean {
    return this.active;
  }

  get hiddenCount(): number {
    return this.hidden.size;
  }

  /** Removes the stylesheet and every mark: the page is as it was, nothing reloaded. */
  restore(): void {
    if (!this.active) return;
    this.active = false;
    this.observer.disconnect();
    this.queue = [];
    for (const el of this.hidden) el.removeAttribute(HIDDEN_ATTR);
    this.hidden.clear();
    this.style.remove();
  }

  private hide(el: Element): void {
    el.setAttribute(HIDDEN_ATTR, '');
    this.hidden.add(el);
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
    for (const el of batch) this.classify(el);
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
   * between its paragraphs (ads, "next article" blocks), and checked for clutter inside it.
   */
  private classify(el: Element): void {
    if (!el.isConnected || INVISIBLE_TAGS.has(el.tagName) || el.id === STYLE_ID) return;
    if (el.closest(`[${HIDDEN_ATTR}]`)) return;
    if (this.span.spine.has(el)) return;
    const place = placeOf(el, this.span);
    if (place === 'outside') return this.hide(el);
    const media = MEDIA_TAGS.has(el.tagName) || el.querySelector(MEDIA_SELECTOR) !== null;
    if (place === 'body' && !media && !this.isInsideParagraph(el)) return this.hide(el);
    if (isClutter(el)) return this.hide(el);
    for (const inner of findClutter(el)) this.hide(inner);
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
