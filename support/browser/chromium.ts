import { readFileSync } from 'node:fs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { requireBrowser } from './binaries';
import type { WithTestHooks } from '../../utils/browser/test-hooks';
import type { E2ELocator, E2EPage, ExtensionBrowser, HookAnswer, LaunchOptions, TestHookName, TestHooks } from './types';

/** Chromium through Playwright; `context` stays open to the benchmarks, which run in Chromium only. */
export interface ChromiumExtension extends ExtensionBrowser {
  readonly context: BrowserContext;
  /** The test page around a Playwright page the caller opened itself. */
  wrap(page: Page): E2EPage;
}

/** Playwright's page, as is; its locators are Playwright's own (auto-waiting, strict). */
class ChromiumPage implements E2EPage {
  constructor(readonly raw: Page) {}
  get keyboard() {
    return this.raw.keyboard;
  }
  readonly mouse = { wheel: (deltaX: number, deltaY: number) => this.raw.mouse.wheel(deltaX, deltaY) };
  getByTestId(testId: string): E2ELocator {
    return this.raw.getByTestId(testId);
  }
  getByRole(role: 'link' | 'button' | 'checkbox', options?: { name?: string }): E2ELocator {
    return this.raw.getByRole(role, options);
  }
  getByText(text: string): E2ELocator {
    return this.raw.getByText(text);
  }
  locator(selector: string): E2ELocator {
    return this.raw.locator(selector);
  }
  goto(url: string) {
    return this.raw.goto(url);
  }
  reload() {
    return this.raw.reload();
  }
  async url() {
    return this.raw.url();
  }
  title() {
    return this.raw.title();
  }
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.raw.evaluate(fn as (arg: unknown) => R | Promise<R>, arg) as Promise<R>;
  }
  waitForFunction<A = undefined>(fn: (arg: A) => unknown, arg?: A) {
    return this.raw.waitForFunction(fn as (arg: unknown) => unknown, arg);
  }
  waitForTimeout(ms: number) {
    return this.raw.waitForTimeout(ms);
  }
  setViewportSize(size: { width: number; height: number }) {
    return this.raw.setViewportSize(size);
  }
  bringToFront() {
    return this.raw.bringToFront();
  }
  screenshot(options: { path: string }) {
    return this.raw.screenshot(options);
  }
  async addScript(source: string) {
    await this.raw.evaluate(source);
  }
  emulateMedia(options: { media: 'print' | 'screen' }) {
    return this.raw.emulateMedia(options);
  }
  async download(trigger: () => Promise<unknown>) {
    const download = this.raw.waitForEvent('download');
    await trigger();
    const file = await download;
    return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
  }
  isClosed() {
    return this.raw.isClosed();
  }
  close() {
    return this.raw.close();
  }
}

/** Real Chromium with the built extension loaded, in a fresh profile (so a fresh IndexedDB). */
export async function launchChromium(extensionDir: string, options: LaunchOptions = {}): Promise<ChromiumExtension> {
  const context = await chromium.launchPersistentContext('', {
    executablePath: requireBrowser('chromium'),
    headless: true,
    locale: options.lang ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1200, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--lang=${options.lang ?? 'en-US'}`,
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // Fail in seconds, not in the runner's minute, when something a user should see never shows.
  context.setDefaultTimeout(10_000);
  // Benchmarks run under tsx, which names functions through an `__name` helper; functions they
  // evaluate in pages need it there too.
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
  const wrap = (page: Page) => new ChromiumPage(page);

  return {
    name: 'chromium',
    context,
    extensionId,
    extensionUrl,
    supports: { printMedia: true },
    wrap,
    newPage: async () => wrap(await context.newPage()),
    // Opened by the extension: the tab's id comes back, though its URL stays hidden from it.
    async openBrowserPage() {
      const helper = await context.newPage();
      try {
        await helper.goto(extensionUrl('library.html'));
        return await helper.evaluate(async () => (await chrome.tabs.create({ url: 'chrome://version', active: false })).id!);
      } finally {
        await helper.close();
      }
    },
    waitForPage: async (match) => wrap(await context.waitForEvent('page', (page) => match(page.url()))),
    async inExtension<R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
      const helper = await context.newPage();
      try {
        await helper.goto(extensionUrl('library.html'));
        return (await helper.evaluate(fn as (arg: unknown) => R | Promise<R>, arg)) as R;
      } finally {
        await helper.close();
      }
    },
    // The service worker is where the shortcuts' and context menu's listeners run.
    callHook: async <K extends TestHookName>(name: K, ...args: Parameters<TestHooks[K]>): Promise<HookAnswer<K>> => {
      const sw = context.serviceWorkers()[0];
      if (!sw) throw new Error('The extension has no service worker');
      return (await sw.evaluate(
        ([hook, given]) => ((globalThis as unknown as WithTestHooks).klipingTest[hook] as (...a: unknown[]) => Promise<unknown>)(...given),
        [name, args as unknown[]] as const,
      )) as HookAnswer<K>;
    },
    close: () => context.close(),
  };
}
