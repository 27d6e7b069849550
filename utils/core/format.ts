/*
 * The library formats every visible row on each render, and making an Intl formatter costs far
 * more than using one (a list render spent most of its time constructing them): one formatter per
 * kind and language, made once.
 */
const formatters = new Map<string, object>();
function formatter<F extends object>(kind: string, locale: string | undefined, make: () => F): F {
  const key = `${kind} ${locale ?? ''}`;
  let made = formatters.get(key) as F | undefined;
  if (!made) formatters.set(key, (made = make()));
  return made;
}

/** A date for people, in the UI's language; the raw string when it is not a date. */
export function formatDate(value: string | number | null, locale?: string): string | null {
  if (value == null || value === '') return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return typeof value === 'string' ? value : null;
  return formatter('date', locale, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(date);
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
  const digits = value < 10 && unit > 0 ? 1 : 0;
  return formatter(`bytes ${unit} ${digits}`, locale, () => new Intl.NumberFormat(locale, { style: 'unit', unit: BYTE_UNITS[unit], unitDisplay: 'short', maximumFractionDigits: digits })).format(value);
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
  const relative = formatter('relative', locale, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  if (ago < MINUTE) return relative.format(0, 'second');
  if (ago < HOUR) return relative.format(-Math.floor(ago / MINUTE), 'minute');
  if (ago < DAY) return relative.format(-Math.floor(ago / HOUR), 'hour');
  // Calendar days, so that last night at 23:00 is "yesterday" this morning.
  const days = Math.round((startOfDay(now) - startOfDay(value)) / DAY);
  return relative.format(-Math.max(1, days), 'day');
}

function startOfDay(time: number): number {
  const date = new Date(time);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/** The full date and time, for a tooltip beside a relative date. */
export function formatDateTime(value: number, locale?: string): string {
  return formatter('date-time', locale, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' })).format(new Date(value));
}
