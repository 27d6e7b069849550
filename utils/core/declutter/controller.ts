import { checkPlan, hidePlan, type DeclutteredPage, type ApplyOptions, type LivePlan } from './decluttered-page';

export type DeclutterAction = 'on' | 'off' | 'toggle' | 'status';
/**
 * `ms`: from the request to a page ready to paint, the plan made off the page included (0 for
 * 'off' and 'status'). `heldBack`: elements declutter would have hidden but left visible
 * because they held article text.
 */
export type DeclutterStatus =
  | { active: boolean; ms: number; heldBack: number }
  | { active: false; error: 'no-article' | 'parse-error' | 'not-readerable'; detail: string };

export type PlanResult = ({ ok: true } & LivePlan) | { ok: false; reason: 'no-article' | 'parse-error' | 'not-readerable'; detail: string };

/**
 * Decides what to hide on the page: off the page (`offPagePlanner`, the content script's) or in
 * it (`planDeclutter`, the benchmark's baseline and the tests').
 */
export type DeclutterPlanner = (doc: Document) => Promise<PlanResult>;

export interface ControllerOptions extends ApplyOptions {
  /**
   * Waited for between hiding and the check after it (the content script's: the next paint).
   * The check reads `innerText`, which lays the page out: after a paint, the layout the hiding
   * needs has been done in the browser's own rendering task, and the check only reads the text,
   * so the page sees two shorter tasks instead of one long one. Without it, both in one task.
   */
  pauseBeforeCheck?: () => Promise<void>;
}

/**
 * One page's declutter state behind the `declutter` message: on, off, toggle or ask. Requests
 * run one at a time (a plan made off the page takes a round trip), so
 * a second click while the plan is on its way toggles the result of the first.
 */
export class DeclutterController {
  private page: DeclutteredPage | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly doc: Document,
    private readonly planner: DeclutterPlanner,
    private readonly options: ControllerOptions,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get active(): boolean {
    return this.page?.isActive ?? false;
  }

  apply(action: DeclutterAction): Promise<DeclutterStatus> {
    const run = this.queue.then(() => this.run(action));
    this.queue = run.catch(() => {});
    return run;
  }

  private async run(action: DeclutterAction): Promise<DeclutterStatus> {
    const wantOn = action === 'toggle' ? !this.active : action === 'on' ? true : action === 'off' ? false : this.active;
    if (action === 'status' || wantOn === this.active) return { active: this.active, ms: 0, heldBack: this.page?.heldBack ?? 0 };
    if (!wantOn) {
      this.page?.restore();
      this.page = null;
      return { active: false, ms: 0, heldBack: 0 };
    }
    const started = this.now();
    const plan = await this.planner(this.doc);
    if (!plan.ok) return { active: false, error: plan.reason, detail: plan.detail };
    const page = (this.page = hidePlan(this.doc, plan, this.options));
    await this.options.pauseBeforeCheck?.();
    checkPlan(page, plan, this.options);
    // With `innerText` as the check, style and layout happen now rather than at the next frame,
    // so `ms` covers a page ready to paint.
    void this.doc.body?.offsetHeight;
    return { active: true, ms: this.now() - started, heldBack: page.heldBack };
  }
}
