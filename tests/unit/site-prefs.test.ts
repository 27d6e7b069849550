import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AUTO_ACTION, takeAutoAction } from '@/utils/core/auto-action';
import { matchPatternOf, planSiteScripts, prefFor, SCRIPT_ID_PREFIX, scriptFor, siteOriginOf, withPref, type SitePref } from '@/utils/core/site-prefs';
import { sitePrefs } from '@/utils/browser/settings-storage';

describe('site of a page', () => {
  it('is scheme and host, without port, path or query', () => {
    expect(siteOriginOf('https://www.kompas.com/read/2024/01/01/x?utm_source=y#z')).toBe('https://www.kompas.com');
    expect(siteOriginOf('http://127.0.0.1:5173/a.html')).toBe('http://127.0.0.1');
    expect(matchPatternOf('http://127.0.0.1')).toBe('http://127.0.0.1/*');
  });
  it('is null where no content script may run', () => {
    expect(siteOriginOf('chrome://extensions')).toBeNull();
    expect(siteOriginOf('file:///tmp/a.html')).toBeNull();
    expect(siteOriginOf('not a url')).toBeNull();
    expect(siteOriginOf(undefined)).toBeNull();
  });
});

describe('per-site choices', () => {
  const kompas = 'https://www.kompas.com';
  const detik = 'https://news.detik.com';

  it('holds one action per site: choosing reader replaces declutter, null removes the site', () => {
    let prefs: SitePref[] = [];
    prefs = withPref(prefs, kompas, 'declutter');
    prefs = withPref(prefs, detik, 'reader');
    expect(prefFor(prefs, kompas)).toBe('declutter');
    prefs = withPref(prefs, kompas, 'reader');
    // sorted by host, as the settings page lists them
    expect(prefs).toEqual([
      { site: detik, action: 'reader' },
      { site: kompas, action: 'reader' },
    ]);
    prefs = withPref(prefs, kompas, null);
    expect(prefs).toEqual([{ site: detik, action: 'reader' }]);
    expect(prefFor(prefs, kompas)).toBeNull();
  });

  it('are kept in extension storage', async () => {
    fakeBrowser.reset();
    expect(await sitePrefs.getValue()).toEqual([]);
    await sitePrefs.setValue([{ site: kompas, action: 'declutter' }]);
    expect(await fakeBrowser.storage.local.get('sitePrefs')).toEqual({ sitePrefs: [{ site: kompas, action: 'declutter' }] });
  });

  it('register a script only for chosen sites whose permission is granted', () => {
    const prefs: SitePref[] = [
      { site: kompas, action: 'declutter' },
      { site: detik, action: 'reader' },
    ];
    const plan = planSiteScripts(prefs, [], new Set([kompas]));
    expect(plan.unregister).toEqual([]);
    expect(plan.register).toEqual([
      {
        id: SCRIPT_ID_PREFIX + kompas,
        matches: ['https://www.kompas.com/*'],
        js: ['/auto-declutter.js', '/content-script.js'],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  });

  it('leave a matching script alone (Chromium reports files without the leading slash), replace a changed one, drop a removed one', () => {
    const prefs: SitePref[] = [
      { site: kompas, action: 'declutter' },
      { site: detik, action: 'declutter' },
    ];
    const registered = [
      { id: SCRIPT_ID_PREFIX + kompas, js: ['auto-declutter.js', 'content-script.js'] },
      { id: SCRIPT_ID_PREFIX + detik, js: ['auto-reader.js', 'content-script.js'] },
      { id: SCRIPT_ID_PREFIX + 'https://gone.example', js: ['auto-reader.js', 'content-script.js'] },
      { id: 'someone-else', js: ['x.js'] },
    ];
    const plan = planSiteScripts(prefs, registered, new Set([kompas, detik]));
    expect(plan.unregister.sort()).toEqual([SCRIPT_ID_PREFIX + detik, SCRIPT_ID_PREFIX + 'https://gone.example'].sort());
    expect(plan.register).toEqual([scriptFor({ site: detik, action: 'declutter' })]);
  });

  it('re-register a script an earlier version registered with its old files (content-scripts/content.js before #15)', () => {
    const prefs: SitePref[] = [{ site: kompas, action: 'declutter' }];
    const registered = [{ id: SCRIPT_ID_PREFIX + kompas, js: ['auto-declutter.js', 'content-scripts/content.js'] }];
    const plan = planSiteScripts(prefs, registered, new Set([kompas]));
    expect(plan.unregister).toEqual([SCRIPT_ID_PREFIX + kompas]);
    expect(plan.register).toEqual([scriptFor({ site: kompas, action: 'declutter' })]);
  });

  it('drop the script of a site whose permission was revoked', () => {
    const prefs: SitePref[] = [{ site: kompas, action: 'reader' }];
    const plan = planSiteScripts(prefs, [{ id: SCRIPT_ID_PREFIX + kompas, js: ['auto-reader.js', 'content-script.js'] }], new Set());
    expect(plan).toEqual({ register: [], unregister: [SCRIPT_ID_PREFIX + kompas] });
  });
});

describe('the automatic action flag', () => {
  it('is read once and cleared, and ignores anything else', () => {
    const scope = { [AUTO_ACTION]: 'declutter' } as object;
    expect(takeAutoAction(scope)).toBe('declutter');
    expect(takeAutoAction(scope)).toBeNull();
    expect(takeAutoAction({ [AUTO_ACTION]: 'format-disk' })).toBeNull();
  });
});
