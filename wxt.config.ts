import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The e2e build differs from the shipped one by a single host permission: automation cannot
// click the toolbar button to grant `activeTab`, so tests inject into pages on 127.0.0.1 instead.
export default defineConfig({
  modules: ['@wxt-dev/i18n/module'],
  i18n: { localesDir: 'utils/locales' },
  vite: () => ({ plugins: [preact()] }),
  webExt: { binaries: { chrome: '/usr/bin/chromium' } },
  manifest: ({ mode, browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['activeTab', 'scripting', 'storage', 'unlimitedStorage'],
    ...(mode === 'e2e' ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    // Imported links are fetched when opened: the library asks for that one site's permission then.
    ...(manifestVersion === 2 ? { optional_permissions: ['http://*/*', 'https://*/*'] } : { optional_host_permissions: ['http://*/*', 'https://*/*'] }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'kliping@kliping.app',
              strict_min_version: '115.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
