import { describe, expect, it } from 'vitest';
import { linesLost, sameTitleWithoutSite, shingleScore } from '../../../support/score';

describe('sameTitleWithoutSite', () => {
  it('accepts the expected title verbatim or without one short end', () => {
    expect(sameTitleWithoutSite('How to Build a Terrarium | eHow', 'How to Build a Terrarium | eHow')).toBe(true);
    expect(sameTitleWithoutSite('How to Build a Terrarium', 'How to Build a Terrarium | eHow')).toBe(true);
    expect(sameTitleWithoutSite('Harga beras naik', 'Kompas.com - Harga beras naik')).toBe(true);
  });

  it('refuses extra words, a lost headline part, or both ends dropped', () => {
    expect(sameTitleWithoutSite('Lorem ipsum – My website', 'Lorem ipsum')).toBe(false);
    expect(sameTitleWithoutSite('Markets fall', 'Markets fall – investors fear a long winter of higher rates ahead')).toBe(false);
    expect(sameTitleWithoutSite('Headline', 'Site | Headline | Section')).toBe(false);
    expect(sameTitleWithoutSite(null, 'Headline')).toBe(false);
  });
});

describe('shingleScore', () => {
  it('scores 4-token shingles as multisets', () => {
    const truth = 'one two three four five';
    expect(shingleScore(truth, truth)).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    const extra = shingleScore(`${truth} six`, truth);
    expect(extra.tp).toBe(2);
    expect(extra.fp).toBe(1);
    expect(extra.fn).toBe(0);
  });
});

describe('linesLost', () => {
  it('lists body lines the baseline kept and ours dropped', () => {
    const truth = 'The council voted on Tuesday.\nBuses will run at night.\nA line nobody kept.';
    const baseline = 'The council voted on Tuesday. Buses will run at night. Read more: other news';
    expect(linesLost(truth, baseline, 'The council voted on Tuesday.')).toEqual(['Buses will run at night.']);
    expect(linesLost(truth, baseline, baseline)).toEqual([]);
  });
});
