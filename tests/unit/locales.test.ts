import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}
const load = (locale: string) => parse(readFileSync(`utils/locales/${locale}.yml`, 'utf8'));

describe('locales', () => {
  it('Bahasa Indonesia has every English message, and no stray ones', () => {
    expect(keys(load('id')).sort()).toEqual(keys(load('en')).sort());
  });
  it('no message is left empty', () => {
    for (const locale of ['en', 'id']) {
      const messages = load(locale);
      const valueAt = (key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);
      const empty = keys(messages).filter((key) => !valueAt(key));
      expect(empty, locale).toEqual([]);
    }
  });
});
