import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ChromiumExtension } from './chromium';
import type { BrowserName, ExtensionBrowser, LaunchOptions } from './types';

/** The e2e builds: identical to the shipped ones but for a host permission on http://127.0.0.1/*. */
export const EXTENSION_DIRS: Record<BrowserName, string> = {
  chromium: resolve('.output/chrome-mv3-e2e'),
  firefox: resolve('.output/firefox-mv2-e2e'),
};

function requireBuild(dir: string, script: string): void {
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No e2e build at ${dir}: run \`npm run ${script}\` first.`);
}

/** `browser` with the e2e build installed, in a fresh profile. */
export async function launchBrowser(browser: BrowserName, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  if (browser === 'firefox') {
    requireBuild(EXTENSION_DIRS.firefox, 'build:e2e:firefox');
    // Each driver is loaded when its browser is launched: a run imports one automation library.
    const { launchFirefox } = await import('./firefox');
    return launchFirefox(EXTENSION_DIRS.firefox, options);
  }
  return launchChromium(options);
}

/** Launches the e2e build again and again, as a test file does; `closeAll` ends what it keeps. */
export interface Launcher {
  launch(options?: LaunchOptions): Promise<ExtensionBrowser>;
  closeAll(): Promise<void>;
}

/**
 * For a run of many launches: Firefox processes are kept and given a fresh install of the add-on
 * (see `FirefoxPool`); each Chromium launch is a new profile, the build loaded as it starts.
 */
export async function keepingLauncher(browser: BrowserName): Promise<Launcher> {
  if (browser === 'chromium') return { launch: (options) => launchChromium(options), closeAll: async () => undefined };
  const { FirefoxPool } = await import('./firefox');
  const pool = new FirefoxPool();
  return {
    launch: (options) => {
      requireBuild(EXTENSION_DIRS.firefox, 'build:e2e:firefox');
      return pool.launch(EXTENSION_DIRS.firefox, options);
    },
    closeAll: () => pool.closeAll(),
  };
}

/** Chromium with the e2e build and Playwright's context at hand (the benchmarks run in it). */
export async function launchChromium(options: LaunchOptions = {}): Promise<ChromiumExtension> {
  requireBuild(EXTENSION_DIRS.chromium, 'build:e2e');
  const { launchChromium: launch } = await import('./chromium');
  return launch(EXTENSION_DIRS.chromium, options);
}

/** The browser's tab id of a page, asked from an extension page (the automation does not know it). */
export async function tabIdOf(ext: ExtensionBrowser, page: { url(): string | Promise<string> }): Promise<number> {
  const url = await page.url();
  const id = await ext.inExtension(async (target) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    const tabs = await api.tabs.query({});
    return tabs.find((tab) => tab.url === target)?.id ?? null;
  }, url);
  if (id == null) throw new Error(`No tab found for ${url}`);
  return id;
}

/**
 * Opens a tab from the extension itself and returns its id: for browser pages, whose URL the
 * extension may not see and so cannot be found by `tabIdOf`.
 */
export function openTabFromExtension(ext: ExtensionBrowser, url: string): Promise<number> {
  return ext.inExtension(async (target) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    return (await api.tabs.create({ url: target, active: false })).id!;
  }, url);
}
