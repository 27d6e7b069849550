import { describe, expect, it, vi } from 'vitest';
import { bytesToBase64, base64ToBytes } from '@/utils/core/reader/font';
import { lockPageScroll, PAGE_STYLE_ATTR, readingProgress } from '@/utils/core/reader/page-scroll';

describe('lockPageScroll', () => {
  it('adds one stylesheet while open and removes it, returning to the same scroll position', () => {
    document.documentElement.setAttribute('style', 'color: red');
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
    Object.defineProperty(window, 'scrollY', { value: 1234, configurable: true });
    const before = document.documentElement.outerHTML;
    const unlock = lockPageScroll('kliping-reader');
    const styles = document.querySelectorAll(`style[${PAGE_STYLE_ATTR}]`);
    expect(styles).toHaveLength(1);
    expect(styles[0]!.textContent).toContain('overflow: hidden !important');
    expect(styles[0]!.textContent).toContain('body > :not(kliping-reader)');
    unlock();
    expect(document.querySelectorAll(`style[${PAGE_STYLE_ATTR}]`)).toHaveLength(0);
    expect(document.documentElement.outerHTML).toBe(before);
    expect(scrollTo).toHaveBeenCalledWith(expect.objectContaining({ top: 1234 }));
    scrollTo.mockRestore();
  });
});

describe('readingProgress', () => {
  it('goes from 0 to 1 over the scrollable height', () => {
    expect(readingProgress(0, 3000, 1000)).toBe(0);
    expect(readingProgress(1000, 3000, 1000)).toBe(0.5);
    expect(readingProgress(5000, 3000, 1000)).toBe(1);
    expect(readingProgress(0, 800, 1000)).toBe(1);
  });
});

describe('font bytes over messaging', () => {
  it('survive the base64 round trip, also when large', () => {
    // Larger than one 32 KiB conversion slice.
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256);
    const back = Buffer.from(base64ToBytes(bytesToBase64(bytes.buffer)));
    expect(back.equals(Buffer.from(bytes))).toBe(true);
  });
});
