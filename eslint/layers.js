/*
 * Which folder may import which (README "Layers"). Each layer lists what it must not reach:
 *   utils/core     pure logic over DOM and values: no Dexie, no browser.*, no other layer
 *   utils/data     the library in IndexedDB, the only importer of Dexie: core only
 *   utils/browser  the only user of browser.*: may use data and core
 *   components     UI by surface: core, data (reads) and browser (its client calls); no Dexie, no browser.*
 *   entrypoints    thin wiring: anything
 */
const dexie = { group: ['dexie', 'dexie/*'], message: 'Only utils/data/ imports Dexie.' };
const browserApis = {
  group: ['wxt/browser', 'wxt/utils/storage', '#imports', '@webext-core/*', 'webextension-polyfill'],
  message: 'Only utils/browser/ uses the browser.* APIs.',
};
const layer = (name, message) => ({ group: [`**/utils/${name}`, `**/utils/${name}/**`, `../${name}`, `../${name}/**`, `../../${name}`, `../../${name}/**`], message });
const ui = { group: ['**/components/**', '@/components/**'], message: 'utils/ never imports UI.' };
const noBrowserGlobals = ['browser', 'chrome'].map((name) => ({ name, message: 'Only utils/browser/ uses the browser.* APIs.' }));

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }], 'no-restricted-globals': ['error', ...noBrowserGlobals] });

export const layerRules = [
  {
    files: ['utils/core/**/*.{ts,tsx}'],
    rules: restrict([dexie, browserApis, layer('data', 'utils/core stays pure: it never reads the database.'), layer('browser', 'utils/core stays pure: no browser wiring.'), ui]),
  },
  {
    files: ['utils/data/**/*.{ts,tsx}'],
    rules: restrict([browserApis, layer('browser', 'utils/data never reaches browser wiring.'), ui]),
  },
  {
    files: ['utils/browser/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [dexie, ui] }] },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: restrict([dexie, browserApis]),
  },
];
