import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/*
 * The source files that run inside web pages: every entry point that defines a content or
 * unlisted script, and all it imports from the project. Computed from the imports, so a module
 * a content script starts to use is covered the day it does.
 */

const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];
const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

function resolveImport(root, fromFile, specifier) {
  let base;
  if (specifier.startsWith('@/') || specifier.startsWith('~/')) base = join(root, specifier.slice(2));
  else if (specifier.startsWith('.')) base = resolve(dirname(fromFile), specifier);
  else return null; // a package, or a virtual module such as #i18n
  if (specifier.includes('?')) return null; // `?inline` CSS and other assets
  for (const ext of EXTENSIONS) {
    const file = base + ext;
    if (existsSync(file) && statSync(file).isFile() && /\.tsx?$/.test(file)) return file;
  }
  return null;
}

/** Paths relative to `root`, sorted. */
export function contentScriptFiles(root) {
  const entrypoints = join(root, 'entrypoints');
  const queue = readdirSync(entrypoints)
    .map((name) => join(entrypoints, name))
    .filter((file) => /\.tsx?$/.test(file) && /define(Content|Unlisted)Script\(/.test(readFileSync(file, 'utf8')));
  const seen = new Set(queue);
  while (queue.length) {
    const file = queue.pop();
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (/^\s*(import|export)\s+type\s/.test(match[0])) continue; // erased: never runs
      const target = resolveImport(root, file, match[1] ?? match[2] ?? match[3]);
      if (target && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return [...seen].map((file) => relative(root, file)).sort();
}
