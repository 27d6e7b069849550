import { describe, expect, it } from 'vitest';
import { formatDate, formatRelativeDate } from '@/utils/core/format';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// Noon local time, so "yesterday" and "3 days ago" do not depend on the machine's time zone.
const NOW = new Date(2026, 4, 20, 12, 0, 0).getTime();

describe('relative dates', () => {
  it('says how long ago a recent save was, in English and Indonesian', () => {
    expect(formatRelativeDate(NOW - 10_000, NOW, 'en')).toBe('now');
    expect(formatRelativeDate(NOW - 5 * MINUTE, NOW, 'en')).toBe('5 minutes ago');
    expect(formatRelativeDate(NOW - 2 * HOUR, NOW, 'en')).toBe('2 hours ago');
    expect(formatRelativeDate(NOW - 2 * HOUR, NOW, 'id')).toBe('2 jam yang lalu');
    expect(formatRelativeDate(new Date(2026, 4, 19, 8).getTime(), NOW, 'en')).toBe('yesterday');
    expect(formatRelativeDate(new Date(2026, 4, 19, 8).getTime(), NOW, 'id')).toBe('kemarin');
    expect(formatRelativeDate(new Date(2026, 4, 17, 18).getTime(), NOW, 'en')).toBe('3 days ago');
  });

  it('gives the date itself from a week back, and for a time in the future', () => {
    const old = new Date(2026, 3, 2, 9).getTime();
    expect(formatRelativeDate(old, NOW, 'en')).toBe(formatDate(old, 'en'));
    expect(formatRelativeDate(old, NOW, 'en')).toContain('2026');
    expect(formatRelativeDate(NOW + HOUR, NOW, 'en')).toBe(formatDate(NOW + HOUR, 'en'));
  });
});
