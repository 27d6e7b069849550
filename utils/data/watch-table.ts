import Dexie, { cmp, type IndexableType, type IntervalTree, type ObservabilitySet, type Table } from 'dexie';
import type { Subscription } from './observe';

/*
 * Watches a whole table without holding up the page that shows it. Dexie tells every context of
 * the extension which primary keys a committed write touched (its `storagemutated` event, what
 * liveQuery is built on, carried across pages by BroadcastChannel): those rows alone are read
 * again. A write Dexie reports as a range (a bulk write of 50 rows or more, a clear) has the
 * whole table read again, in chunks by key, one task each. Either way only rows that differ from
 * the last read are handed on, and a burst (a sync writing 500 documents a batch) coalesces: one
 * read at a time, one more after it for what came meanwhile. Re-reading 10,000 articles in one
 * `toArray()` on every batch a sync pulled was a task of several hundred milliseconds each.
 */

export interface TableChange<T> {
  /** Rows new or different since the last read. */
  changed: T[];
  /** Rows gone since the last read, as they were. */
  removed: T[];
  /** The first read: every row is in `changed`. */
  first: boolean;
}

/** Rows per read: a few milliseconds of IndexedDB and structured cloning each. */
const CHUNK = 500;
/** Written keys read per request. */
const KEY_CHUNK = 100;
/** More keys than this in one report: the whole table is read instead. */
const MAX_KEYS = 2000;

/** The single keys of an interval tree, or null when it holds a range (or too many keys). */
export function keysOfTree(tree: IntervalTree): IndexableType[] | null {
  const keys: IndexableType[] = [];
  const stack: IntervalTree[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!('from' in node)) continue; // empty
    if (cmp(node.from, node.to) !== 0 || keys.length >= MAX_KEYS) return null;
    keys.push(node.from);
    if (node.l) stack.push(node.l);
    if (node.r) stack.push(node.r);
  }
  return keys;
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Same values, arrays compared by their items (tags): rows are flat records. */
export function sameRow(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const key of keys) {
    const p = x[key];
    const q = y[key];
    if (p === q) continue;
    if (Array.isArray(p) && Array.isArray(q) && p.length === q.length && p.every((item, i) => item === q[i])) continue;
    return false;
  }
  return true;
}

/** A table watched; `readAgain` reads it whole once more, whatever Dexie reported. */
export interface TableWatch extends Subscription {
  readAgain(): void;
}

export function watchTable<T, K extends IndexableType, I>(table: Table<T, K, I>, keyOf: (row: T) => K, onChange: (change: TableChange<T>) => void): TableWatch {
  const rows = new Map<K, T>();
  let reading = false;
  let again = false;
  let first = true;
  let stopped = false;

  /** Keys written since the last read; null: read everything. */
  let written: Set<K> | null = null;

  const handOn = (changed: T[], removed: T[]) => {
    if (first || changed.length > 0 || removed.length > 0) onChange({ changed, removed, first });
    first = false;
  };

  const readAll = async () => {
    const seen = new Set<K>();
    const changed: T[] = [];
    let after: K | undefined;
    for (;;) {
      const page = await (after === undefined ? table.toCollection() : table.where(':id').above(after)).limit(CHUNK).toArray();
      if (stopped) return;
      for (const row of page) {
        const key = keyOf(row);
        seen.add(key);
        const before = rows.get(key);
        if (before === undefined || !sameRow(before as object, row as object)) {
          rows.set(key, row);
          changed.push(row);
        }
      }
      if (page.length < CHUNK) break;
      after = keyOf(page.at(-1)!);
      await nextTask();
    }
    const removed: T[] = [];
    for (const [key, row] of rows) {
      if (seen.has(key)) continue;
      rows.delete(key);
      removed.push(row);
    }
    handOn(changed, removed);
  };

  /** The written keys, read in chunks (a sync's batch names hundreds), one task each. */
  const readKeys = async (keys: K[]) => {
    const changed: T[] = [];
    const removed: T[] = [];
    for (let from = 0; from < keys.length; from += KEY_CHUNK) {
      if (from > 0) await nextTask();
      const some = keys.slice(from, from + KEY_CHUNK);
      const found = await table.bulkGet(some);
      if (stopped) return;
      some.forEach((key, i) => {
        const row = found[i];
        const before = rows.get(key);
        if (row === undefined) {
          if (before === undefined) return;
          rows.delete(key);
          removed.push(before);
        } else if (before === undefined || !sameRow(before as object, row as object)) {
          rows.set(key, row);
          changed.push(row);
        }
      });
    }
    handOn(changed, removed);
  };

  const read = async () => {
    if (reading) return;
    reading = true;
    try {
      while (again && !stopped) {
        again = false;
        const keys = written;
        written = new Set();
        await (first || keys === null ? readAll() : readKeys([...keys]));
      }
    } finally {
      reading = false;
    }
  };

  const wake = () => {
    again = true;
    void read().catch((error: unknown) => {
      if (!stopped) console.error(error); // once stopped, a read cut short by the database closing is no error
    });
  };

  const part = `idb://${table.db.name}/${table.name}/`;
  const onMutated = (parts: ObservabilitySet) => {
    const tree = parts[part] ?? parts.all;
    if (!tree) return; // another table or database
    const keys = keysOfTree(tree);
    if (keys === null) written = null;
    else if (written !== null) for (const key of keys) written.add(key as K);
    wake();
  };
  Dexie.on('storagemutated', onMutated);
  wake();
  return {
    unsubscribe() {
      stopped = true;
      Dexie.on('storagemutated').unsubscribe(onMutated);
    },
    readAgain() {
      written = null;
      wake();
    },
  };
}
