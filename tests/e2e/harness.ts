import { tmpdir } from 'node:os';
import { afterAll, afterEach, beforeEach } from 'vitest';
import { join, resolve } from 'node:path';
import { keepingLauncher } from '../../support/browser/launch';
import type { BrowserName, ExtensionBrowser, LaunchOptions } from '../../support/browser/types';

/*
 * What the browser tests share: the run's browser and its e2e build, the fixtures, screenshots.
 * Launching, the loopback server and the page objects live in support/ (the benchmarks use them
 * too); they are re-exported here so a test file imports its harness from one place.
 */

export type { ChromiumExtension } from '../../support/browser/chromium';
export type { BrowserName, E2ELocator, E2EPage, ExtensionBrowser } from '../../support/browser/types';
export { openTabFromExtension, tabIdOf } from '../../support/browser/launch';
export { listenOnLoopback, serveDirs, type StaticServer } from '../../support/loopback';
export { LibraryPage } from '../../support/pages/library-page';
export { PopupPage } from '../../support/pages/popup-page';

/**
 * The browser this run drives: `E2E_BROWSER=chromium|firefox`, set per project by
 * `vitest.e2e.config.ts`, so each test file is written once and runs in both.
 */
export const BROWSER: BrowserName = process.env.E2E_BROWSER === 'firefox' ? 'firefox' : 'chromium';

export const FIXTURES_DIR = resolve('tests/fixtures');

/**
 * Where browser tests put the screenshots the README shows: the committed folder when
 * `UPDATE_SCREENSHOTS=1` (Chromium's), else a temporary one, so a test run leaves the work tree clean.
 */
export function screenshotPath(name: string): string {
  const dir = process.env.UPDATE_SCREENSHOTS && BROWSER === 'chromium' ? resolve('tests/e2e/screenshots') : join(tmpdir(), 'kliping-screenshots', BROWSER);
  return join(dir, name);
}

const launcher = keepingLauncher(BROWSER);
// A hook at the top of a module the test file imports is the file's: its kept browsers end with it.
afterAll(async () => (await launcher).closeAll());

/**
 * The run's browser (see `BROWSER`) with the e2e build freshly installed: a new profile, or in
 * Firefox a process kept from an earlier test of the file, whose add-on was uninstalled with all
 * its data and tabs.
 */
export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  return (await launcher).launch(options);
}

/**
 * Gives each test of the file (or `describe`) its own browser with a fresh profile, so no test
 * sees what an earlier one saved or set: `freshProfileEachTest((launched) => (ext = launched))`.
 */
export function freshProfileEachTest(use: (ext: ExtensionBrowser) => void, options: LaunchOptions = {}): void {
  let current: ExtensionBrowser | undefined;
  beforeEach(async () => {
    current = await launchExtension(options);
    use(current);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
}
