import type { DeclutterAction, DeclutterStatus } from '../messaging';
import { declutter, type DeclutterSession } from './session';

/** One page's declutter state behind the `declutter` message: on, off, toggle or ask. */
export class DeclutterController {
  private session: DeclutterSession | null = null;

  constructor(
    private readonly doc: Document,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get active(): boolean {
    return this.session?.isActive ?? false;
  }

  apply(action: DeclutterAction): DeclutterStatus {
    const wantOn = action === 'toggle' ? !this.active : action === 'on' ? true : action === 'off' ? false : this.active;
    if (action === 'status' || wantOn === this.active) return { active: this.active, ms: 0 };
    if (!wantOn) {
      this.session?.restore();
      this.session = null;
      return { active: false, ms: 0 };
    }
    const started = this.now();
    const result = declutter(this.doc);
    if (!result.ok) return { active: false, error: result.reason, detail: result.detail };
    this.session = result.session;
    // Style and layout now rather than at the next frame, so `ms` covers a page ready to paint.
    void this.doc.body?.offsetHeight;
    return { active: true, ms: this.now() - started };
  }
}
