import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { findBrowser } from './support/browser/binaries';

// The e2e build differs from the shipped one by a single host permission: automation cannot
// click the toolbar button to grant `activeTab`, so tests inject into pages on 127.0.0.1 instead.
export default defineConfig({
  modules: ['@wxt-dev/i18n/module'],
  i18n: { localesDir: 'utils/locales' },
  vite: () => ({
    plugins: [preact()],
    // The rules build some patterns with `RegExp(...)` at load: pure, so a script that imports a
    // rules module for one constant (the content script) drops the patterns it never uses.
    build: { rollupOptions: { treeshake: { manualPureFunctions: ['RegExp'] } } },
  }),
  webExt: {
    // `npm run dev`'s browsers, found as the tests find them (CHROMIUM_PATH / FIREFOX_PATH, else
    // PATH); one not found is left to web-ext's own search.
    binaries: definedOnly({ chrome: findBrowser('chromium'), firefox: findBrowser('firefox') }),
    // Only when asked (scripts/dev.mjs explains why): Chromium will not start as root with its sandbox.
    chromiumArgs: process.env.KLIPING_DEV_NO_SANDBOX ? ['--no-sandbox'] : [],
  },
  hooks: {
    // The in-page pipeline (entrypoints/inpage.content.ts) is the benchmark's baseline and the
    // diff test's reference: built for e2e, never shipped.
    'entrypoints:resolved': (wxt, entrypoints) => {
      for (const entry of entrypoints) if (entry.name === 'inpage' && wxt.config.mode !== 'e2e') entry.skipped = true;
    },
    // The toolbar tooltip is localized; WXT would otherwise take the popup's <title>.
    'build:manifestGenerated': (_wxt, manifest) => {
      const action = manifest.action ?? manifest.browser_action;
      if (action) action.default_title = '__MSG_actionTitle__';
    },
  },
  manifest: ({ mode, browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // `offscreen`: Chromium's service worker has no DOM; the page's snapshot is parsed in an
    // offscreen document instead (Firefox's background page has one).
    permissions: ['activeTab', 'scripting', 'storage', 'unlimitedStorage', 'contextMenus', 'alarms', ...(manifestVersion === 3 ? ['offscreen'] : [])],
    ...(mode === 'e2e' ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    // Asked one site at a time, at the moment the user turns on "Always declutter/open reader on
    // this site" or fetches an imported link's article; never at install. (The e2e build already
    // holds 127.0.0.1, so there the request is granted without a prompt.)
    ...(manifestVersion === 2 ? { optional_permissions: ['*://*/*'] } : { optional_host_permissions: ['*://*/*'] }),
    // Keys Chromium grants: it silently refuses some (Alt+Shift+R and Alt+Shift+X were not given);
    // tests/e2e check every command gets its key.
    commands: {
      declutter: { suggested_key: { default: 'Alt+Shift+D' }, description: '__MSG_declutter_commandDeclutter__' },
      reader: { suggested_key: { default: 'Alt+Shift+V' }, description: '__MSG_declutter_commandReader__' },
      save: { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_declutter_commandSave__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'kliping@kliping.app',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});

function definedOnly(paths: Record<string, string | null>): Record<string, string> {
  return Object.fromEntries(Object.entries(paths).filter((entry): entry is [string, string] => entry[1] !== null));
}
