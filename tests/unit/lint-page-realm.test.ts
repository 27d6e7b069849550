// @vitest-environment node
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { contentScriptFiles } from '../../eslint/content-script-files.js';

/*
 * The guard behind the Firefox "searchParams.keys() is not iterable" bug: code that runs in web
 * pages must not iterate the iterators of DOM objects (Firefox's Xray wrappers hide them).
 */

const root = process.cwd();
const eslint = new ESLint({ cwd: root });

/** Lints `code` as if it were utils/core/url.ts, a file the content script runs; returns the rule's hits. */
async function hits(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/utils/core/url.ts` });
  return result!.messages.filter((m) => m.ruleId === 'kliping/no-page-realm-iteration').map((m) => (m.message.match(/^`([^`]+)`/)?.[1] ?? m.message));
}

describe('kliping/no-page-realm-iteration', () => {
  it('flags every way of iterating a DOM object’s keys(), values() or entries()', async () => {
    const code = [
      'export function f(url: URL, list: NodeListOf<Element>, form: FormData) {',
      '  const a = [...url.searchParams.keys()];',
      '  const b = Array.from(url.searchParams.entries());',
      '  for (const key of url.searchParams.keys()) a.push(key);',
      '  const c = new Set(list.values());',
      '  const [first] = form.entries();',
      '  const d = Object.fromEntries(url.searchParams.entries());',
      '  return [a, b, c, first, d];',
      '}',
    ].join('\n');
    expect(await hits(code)).toEqual([
      'url.searchParams.keys()',
      'url.searchParams.entries()',
      'url.searchParams.keys()',
      'list.values()',
      'form.entries()',
      'url.searchParams.entries()',
    ]);
  }, 60_000);

  it('lets through what works in Firefox: forEach, the DOM object itself, and the script’s own collections', async () => {
    const code = [
      'export function f(url: URL, list: NodeListOf<Element>, own: Map<string, number>) {',
      '  const keys: string[] = [];',
      '  url.searchParams.forEach((_value, key) => keys.push(key));',
      '  for (const [key] of url.searchParams) keys.push(key);',
      '  const elements = [...list];',
      '  const mine = [...own.keys(), ...new Set(keys).values(), ...keys.entries()];',
      '  return [keys, elements, mine];',
      '}',
    ].join('\n');
    expect(await hits(code)).toEqual([]);
  }, 60_000);
});

describe('the files the guard covers', () => {
  const files = contentScriptFiles(root);

  it('are what the content scripts import, found from their entry points', () => {
    for (const file of ['entrypoints/content-script.ts', 'entrypoints/reader.content.tsx', 'utils/core/url.ts', 'utils/core/dom.ts', 'utils/core/extract/index.ts', 'utils/core/extract/rules/related-links.ts', 'utils/core/declutter/plan.ts', 'utils/browser/open-reader-in-page.ts']) {
      expect(files).toContain(file);
    }
  });

  it('leave out what never runs in a page', () => {
    for (const file of ['entrypoints/background.ts', 'utils/data/library.ts', 'utils/data/transfer.ts', 'utils/core/search/library-search.ts']) {
      expect(files).not.toContain(file);
    }
  });
});
