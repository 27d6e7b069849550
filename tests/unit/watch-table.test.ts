import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KlipingDb } from '@/utils/data/schema';
import type { NoteRecord } from '@/utils/core/records';
import { RangeSet } from 'dexie';
import { keysOfTree, sameRow, watchTable, type TableChange } from '@/utils/data/watch-table';

/*
 * The library page watches whole tables: read in chunks, only changed rows handed on, a burst
 * of writes coalesced into few reads (fake-indexeddb; the real browser is the bench's).
 */

let db: KlipingDb;
let n = 0;
beforeEach(async () => {
  db = new KlipingDb(`watch-${++n}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const note = (articleId: number, text: string): NoteRecord => ({ articleId, text, updatedAt: 1 });

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
}

describe('watchTable', () => {
  it('hands on every row first, then only the rows that changed or went', { timeout: 20_000 }, async () => {
    // More rows than one chunk: the read goes on by key.
    await db.notes.bulkPut(Array.from({ length: 1200 }, (_, i) => note(i + 1, `catatan ${i + 1}`)));
    const changes: TableChange<NoteRecord>[] = [];
    const watch = watchTable(db.notes, (row) => row.articleId, (change) => changes.push(change));
    try {
      await until(() => changes.length === 1);
      expect(changes[0]!.first).toBe(true);
      expect(changes[0]!.changed.map((row) => row.articleId)).toEqual(Array.from({ length: 1200 }, (_, i) => i + 1));
      await db.notes.put(note(1100, 'diubah'));
      await db.notes.delete(7);
      await until(() => changes.flatMap((change) => change.removed).length === 1 && changes.flatMap((change) => change.changed).some((row) => row.text === 'diubah'));
      const later = changes.slice(1);
      expect(later.flatMap((change) => change.changed).map((row) => [row.articleId, row.text])).toEqual([[1100, 'diubah']]);
      expect(later.flatMap((change) => change.removed).map((row) => row.articleId)).toEqual([7]);
      // A bulk write Dexie reports as a range (50 rows or more): the table is read again, still only changes handed on.
      const before = changes.length;
      await db.notes.bulkPut(Array.from({ length: 60 }, (_, i) => note(2000 + i, 'impor')));
      await until(() => changes.slice(before).flatMap((change) => change.changed).length === 60);
      expect(changes.slice(before).flatMap((change) => change.changed).every((row) => row.text === 'impor')).toBe(true);
    } finally {
      watch.unsubscribe();
    }
  });

  it('a burst of writes is read a few times, not once per write', { timeout: 20_000 }, async () => {
    const changes: TableChange<NoteRecord>[] = [];
    const watch = watchTable(db.notes, (row) => row.articleId, (change) => changes.push(change));
    try {
      await until(() => changes.length === 1);
      await Promise.all(Array.from({ length: 40 }, (_, i) => db.notes.put(note(i + 1, `ketik ${i}`))));
      await until(() => changes.flatMap((change) => change.changed).length === 40);
      expect(changes.length - 1).toBeLessThan(10);
    } finally {
      watch.unsubscribe();
    }
  });

  it('reads the whole table again when asked, for a write whose change report never came', { timeout: 20_000 }, async () => {
    await db.notes.put(note(1, 'awal'));
    const changes: TableChange<NoteRecord>[] = [];
    const watch = watchTable(db.notes, (row) => row.articleId, (change) => changes.push(change));
    try {
      await until(() => changes.length === 1);
      // Written past Dexie (a raw IndexedDB connection): no change report reaches the watcher.
      const raw = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(db.name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = raw.transaction('notes', 'readwrite');
        tx.objectStore('notes').put(note(2, 'tanpa kabar'));
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      raw.close();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(changes).toHaveLength(1);
      watch.readAgain();
      await until(() => changes.length === 2);
      expect(changes[1]!.changed.map((row) => row.text)).toEqual(['tanpa kabar']);
      expect(changes[1]!.removed).toEqual([]);
      expect(changes[1]!.first).toBe(false);
    } finally {
      watch.unsubscribe();
    }
  });

  it('reads the keys a write reported, or everything for a range', () => {
    expect(keysOfTree(new RangeSet().addKeys([3, 1, 2]))?.sort()).toEqual([1, 2, 3]);
    expect(keysOfTree(new RangeSet())).toEqual([]);
    expect(keysOfTree(new RangeSet().add({ from: 1, to: 9 }))).toBeNull();
  });

  it('compares rows by value, tags item by item', () => {
    expect(sameRow({ a: 1, tags: ['x', 'y'] }, { a: 1, tags: ['x', 'y'] })).toBe(true);
    expect(sameRow({ a: 1, tags: ['x', 'y'] }, { a: 1, tags: ['x', 'g'] })).toBe(false);
    expect(sameRow({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameRow({ a: 1 }, { a: 2 })).toBe(false);
  });
});
