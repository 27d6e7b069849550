import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  canStep,
  DEFAULT_READER_PREFS,
  FONT_STACKS,
  normalizePrefs,
  READER_RANGES,
  readerStyle,
  resolveTheme,
  stepPref,
} from '@/utils/core/reader/prefs';
import { loadReaderPrefs, readerPrefsItem, saveReaderPrefs } from '@/utils/browser/settings-storage';

describe('reader prefs', () => {
  beforeEach(() => fakeBrowser.reset());

  it('turns anything stored into valid prefs', () => {
    expect(normalizePrefs(undefined)).toEqual(DEFAULT_READER_PREFS);
    expect(normalizePrefs({ font: 'comic', theme: 'neon', size: 'big', lineHeight: NaN, width: null })).toEqual(DEFAULT_READER_PREFS);
    expect(normalizePrefs({ font: 'dyslexic', theme: 'sepia', size: 99, lineHeight: 0.5, width: 31 })).toEqual({
      font: 'dyslexic',
      theme: 'sepia',
      size: READER_RANGES.size.max,
      lineHeight: READER_RANGES.lineHeight.min,
      width: 32,
    });
  });

  it('steps within bounds and says when a bound is reached', () => {
    let prefs = DEFAULT_READER_PREFS;
    prefs = stepPref(prefs, 'size', 1);
    expect(prefs.size).toBe(DEFAULT_READER_PREFS.size + 1);
    prefs = stepPref(prefs, 'lineHeight', 1);
    expect(prefs.lineHeight).toBe(1.7); // no floating-point drift
    for (let i = 0; i < 50; i++) prefs = stepPref(prefs, 'width', -1);
    expect(prefs.width).toBe(READER_RANGES.width.min);
    expect(canStep(prefs, 'width', -1)).toBe(false);
    expect(canStep(prefs, 'width', 1)).toBe(true);
  });

  it('reaches the stylesheet only as custom properties', () => {
    const style = readerStyle({ font: 'sans', size: 22, lineHeight: 1.8, width: 40, theme: 'dark' });
    expect(style).toEqual({ '--reader-font': FONT_STACKS.sans, '--reader-size': '22px', '--reader-line': '1.8', '--reader-width': '40em', '--reader-measure': '880px' });
    expect(FONT_STACKS.dyslexic).toMatch(/^'Kliping OpenDyslexic'/);
  });

  it('follows the system theme only when asked to', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('sepia', true)).toBe('sepia');
  });

  it('remembers choices in sync storage, and repairs a bad stored value on read', async () => {
    expect(await loadReaderPrefs()).toEqual(DEFAULT_READER_PREFS);
    await saveReaderPrefs({ ...DEFAULT_READER_PREFS, font: 'sans', size: 24, theme: 'dark' });
    expect(await loadReaderPrefs()).toMatchObject({ font: 'sans', size: 24, theme: 'dark' });
    expect(await fakeBrowser.storage.sync.get('readerPrefs')).toMatchObject({ readerPrefs: { font: 'sans', size: 24 } });
    await fakeBrowser.storage.sync.set({ readerPrefs: { font: 'wingdings', size: 1000 } });
    expect(await loadReaderPrefs()).toMatchObject({ font: 'serif', size: READER_RANGES.size.max });
    expect(readerPrefsItem.key).toBe('sync:readerPrefs');
  });
});
