import { observeMutations } from '../dom';
import { checkPlan, hidePlan, type DeclutteredPage, type ApplyOptions, type LivePlan } from './decluttered-page';

/** `prepare`: answers as `status`, and makes the plan ahead for an `on` that may follow (see PlanAhead). */
export type DeclutterAction = 'on' | 'off' | 'toggle' | 'status' | 'prepare';
/**
 * `ms`: from the request to a page ready to paint, the plan made off the page included (0 for
 * 'off' and 'status'; with `ahead`, the plan was made before the request). `heldBack`: elements
 * declutter would have hidden but left visible because they held article text. `ahead`: the
 * plan was the one `prepare` made.
 */
export type DeclutterStatus =
  | { active: boolean; ms: number; heldBack: number; ahead?: true }
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
 * A plan made before it is asked for, while the popup is open. Its watch starts before the
 * snapshot is taken, so a plan whose page changed by as much as one attribute is never used (the
 * press then plans again, as without one).
 */
interface PlanAhead {
  plan: Promise<PlanResult | null>;
  watch: MutationObserver;
}

/**
 * One page's declutter state behind the `declutter` message: on, off, toggle or ask. Requests
 * run one at a time (a plan made off the page takes a round trip), so
 * a second click while the plan is on its way toggles the result of the first.
 */
export class DeclutterController {
  private page: DeclutteredPage | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private ahead: PlanAhead | null = null;

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
    if (action === 'prepare' && !this.active) this.ahead ??= this.planAhead();
    if (action === 'status' || action === 'prepare' || wantOn === this.active) return { active: this.active, ms: 0, heldBack: this.page?.heldBack ?? 0 };
    if (!wantOn) {
      this.page?.restore();
      this.page = null;
      return { active: false, ms: 0, heldBack: 0 };
    }
    const started = this.now();
    const ahead = await this.takeAhead();
    const plan = ahead ?? (await this.planner(this.doc));
    if (!plan.ok) return { active: false, error: plan.reason, detail: plan.detail };
    const page = (this.page = hidePlan(this.doc, plan, this.options));
    await this.options.pauseBeforeCheck?.();
    checkPlan(page, plan, this.options);
    // With `innerText` as the check, style and layout happen now rather than at the next frame,
    // so `ms` covers a page ready to paint.
    void this.doc.body?.offsetHeight;
    return { active: true, ms: this.now() - started, heldBack: page.heldBack, ...(ahead ? { ahead: true as const } : {}) };
  }

  private planAhead(): PlanAhead {
    // One change spoils it: the watch stops there and the plan is let go.
    const watch = observeMutations(this.doc, () => {
      watch.disconnect();
      this.ahead = null;
    });
    watch.observe(this.doc, { subtree: true, childList: true, attributes: true, characterData: true });
    // After the watch, in this task: the planner's snapshot copies the page before it yields.
    return { plan: this.planner(this.doc).catch(() => null), watch };
  }

  /** The plan made ahead, when there is one and the page is still the one it was made for. */
  private async takeAhead(): Promise<PlanResult | null> {
    const ahead = this.ahead;
    if (!ahead) return null;
    const plan = await ahead.plan;
    // A change not yet reported to the watch counts too.
    const unchanged = this.ahead === ahead && !ahead.watch.takeRecords().length;
    ahead.watch.disconnect();
    this.ahead = null;
    return unchanged ? plan : null;
  }
}
