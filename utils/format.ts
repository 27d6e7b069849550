/** A date for people, in the UI's language; the raw string when it is not a date. */
export function formatDate(value: string | number | null, locale?: string): string | null {
  if (value == null || value === '') return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return typeof value === 'string' ? value : null;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}
