import type Dexie from 'dexie';
import type { KlipingDb } from '@/utils/data/schema';

/**
 * A database version as it shipped, frozen: its full schema, rows written the way that version's
 * code wrote them, and what those rows must look like once the current KlipingDb has opened them.
 * Never edit a shipped fixture; add one per new version.
 */
export interface HistoricalVersion {
  version: number;
  /** Copied from that version's `stores()` declaration, not imported: it must not follow later edits. */
  stores: Record<string, string | null>;
  fill(db: Dexie): Promise<void>;
  /** Called with the database opened at the current version. */
  check(db: KlipingDb): Promise<void>;
}
