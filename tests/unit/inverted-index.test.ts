import { describe, expect, it } from 'vitest';
import { InvertedIndex } from '@/utils/core/search/inverted-index';

describe('InvertedIndex', () => {
  it('finds exact terms and prefixes, scoring exact and frequent matches higher', () => {
    const index = new InvertedIndex();
    index.set(1, ['kopi', 'gayo', 'kopi']);
    index.set(2, ['kopiah', 'hitam']);
    index.set(3, ['teh']);
    expect([...index.lookup('kopi', false).keys()]).toEqual([1]);
    const prefixed = index.lookup('kopi', true);
    expect([...prefixed.keys()].sort()).toEqual([1, 2]);
    expect(prefixed.get(1)!).toBeGreaterThan(prefixed.get(2)!);
    expect(index.lookup('kop', false).size).toBe(0);
  });

  it('replaces and removes documents', () => {
    const index = new InvertedIndex();
    index.set(1, ['kopi']);
    index.set(1, ['teh']);
    expect(index.lookup('kopi', true).size).toBe(0);
    expect([...index.lookup('teh', false).keys()]).toEqual([1]);
    index.remove(1);
    expect(index.has(1)).toBe(false);
    expect(index.lookup('teh', false).size).toBe(0);
    expect(index.size).toBe(0);
  });
});
