import { declutter, type DeclutterOptions, type DeclutteredPage } from './decluttered-page';

export type DeclutterAction = 'on' | 'off' | 'toggle' | 'status';
/**
 * `ms`: time the content script spent planning, applying and checking (0 for 'off' and 'status').
 * `heldBack`: elements declutter would have hidden but left visible because they held article text.
 */
export type DeclutterStatus = { active: boolean; ms: number; heldBack: number } | { active: false; error: 'no-article' | 'parse-error'; detail: string };

/** One page's declutter state behind the `declutter` message: on, off, toggle or ask. */
export class DeclutterController {
  private page: DeclutteredPage | null = null;

  constructor(
    private readonly doc: Document,
    private readonly now: () => number = () => performance.now(),
    private readonly options: DeclutterOptions = {},
  ) {}

  get active(): boolean {
    return this.page?.isActive ?? false;
  }

  apply(action: DeclutterAction): DeclutterStatus {
    const wantOn = action === 'toggle' ? !this.active : action === 'on' ? true : action === 'off' ? false : this.active;
    if (action === 'status' || wantOn === this.active) return { active: this.active, ms: 0, heldBack: this.page?.heldBack ?? 0 };
    if (!wantOn) {
      this.page?.restore();
      this.page = null;
      return { active: false, ms: 0, heldBack: 0 };
    }
    const started = this.now();
    // With `innerText` as the check, style and layout happen now rather than at the next frame,
    // so `ms` covers a page ready to paint.
    const result = declutter(this.doc, this.options);
    if (!result.ok) return { active: false, error: result.reason, detail: result.detail };
    this.page = result.page;
    void this.doc.body?.offsetHeight;
    return { active: true, ms: this.now() - started, heldBack: result.page.heldBack };
  }
}
