import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { KlipingDb } from '@/utils/data/schema';
import { HISTORICAL_VERSIONS } from './db-versions';

let n = 0;
const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('database upgrades', () => {
  it('the current version is newer than every historical fixture', () => {
    const current = new KlipingDb(`upgrade-verno-${++n}`);
    const newest = Math.max(...HISTORICAL_VERSIONS.map((v) => v.version));
    // Declared versions: a new version without a fixture for the previous one fails here.
    expect(current.verno).toBe(newest + 1);
  });

  for (const historical of HISTORICAL_VERSIONS) {
    it(`opens a version ${historical.version} database filled with data and finds all of it`, async () => {
      const name = `upgrade-from-${historical.version}-${++n}`;
      const old = new Dexie(name);
      old.version(historical.version).stores(historical.stores);
      await historical.fill(old);
      old.close();

      const db = new KlipingDb(name);
      opened.push(db);
      await db.open();
      expect(db.verno).toBeGreaterThan(historical.version);
      await historical.check(db);
    });
  }
});
