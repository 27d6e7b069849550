/** A date for people, in the UI's language; the raw string when it is not a date. */
export function formatDate(value: string | number | null, locale?: string): string | null {
  if (value == null || value === '') return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return typeof value === 'string' ? value : null;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** 1536 → "1.5 kB", in the UI's language. */
export function formatBytes(bytes: number, locale?: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: BYTE_UNITS[unit], unitDisplay: 'short', maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0 }).format(value);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A recent moment as people say it ("2 hours ago", "yesterday", "3 days ago"); from a week back,
 * the date itself, which reads better than "23 days ago".
 */
export function formatRelativeDate(value: number, now: number, locale?: string): string | null {
  const ago = now - value;
  if (!Number.isFinite(ago) || ago < -MINUTE || ago >= 7 * DAY) return formatDate(value, locale);
  const relative = relativeFormat(locale);
  if (ago < MINUTE) return relative.format(0, 'second');
  if (ago < HOUR) return relative.format(-Math.floor(ago / MINUTE), 'minute');
  if (ago < DAY) return relative.format(-Math.floor(ago / HOUR), 'hour');
  // Calendar days, so that last night at 23:00 is "yesterday" this morning.
  const days = Math.round((startOfDay(now) - startOfDay(value)) / DAY);
  return relative.format(-Math.max(1, days), 'day');
}

// The library formats every visible row on each render: one formatter per language, not per row.
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
function relativeFormat(locale: string | undefined): Intl.RelativeTimeFormat {
  const key = locale ?? '';
  let format = relativeFormats.get(key);
  if (!format) relativeFormats.set(key, (format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  return format;
}

function startOfDay(time: number): number {
  const date = new Date(time);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/** The full date and time, for a tooltip beside a relative date. */
export function formatDateTime(value: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(value));
}
