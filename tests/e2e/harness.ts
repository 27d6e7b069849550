import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import type { ChromiumExtension } from './driver/chromium';
import type { BrowserName, E2ELocator, E2EPage, ExtensionBrowser, LaunchOptions } from './driver/types';

export type { BrowserName, E2ELocator, E2EPage, ExtensionBrowser, ChromiumExtension };

/**
 * The browser this run drives: `E2E_BROWSER=chromium|firefox`, set per project by
 * `vitest.e2e.config.ts`, so each test file is written once and runs in both.
 */
export const BROWSER: BrowserName = process.env.E2E_BROWSER === 'firefox' ? 'firefox' : 'chromium';

/** The e2e builds: identical to the shipped ones but for a host permission on http://127.0.0.1/*. */
export const EXTENSION_DIRS: Record<BrowserName, string> = {
  chromium: resolve('.output/chrome-mv3-e2e'),
  firefox: resolve('.output/firefox-mv2-e2e'),
};
export const EXTENSION_DIR = EXTENSION_DIRS[BROWSER];
export const FIXTURES_DIR = resolve('tests/fixtures');

/**
 * Where browser tests put the screenshots the README shows: the committed folder when
 * `UPDATE_SCREENSHOTS=1` (Chromium's), else a temporary one, so a test run leaves the work tree clean.
 */
export function screenshotPath(name: string): string {
  const dir = process.env.UPDATE_SCREENSHOTS && BROWSER === 'chromium' ? resolve('tests/e2e/screenshots') : join(tmpdir(), 'kliping-screenshots', BROWSER);
  return join(dir, name);
}

/** The shared corpus: beside the repository (`../shared/corpus`), or where KLIPING_CORPUS says. */
export { requireCorpusDir as corpusDir } from '../../scripts/corpus';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
};

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

/** Serves folders on 127.0.0.1 at a free port: the first one that has the path wins. */
/**
 * A real HTTP server on 127.0.0.1 at a free port. `close()` drops open connections too, so a test
 * can stop it mid-run as a site going offline would.
 */
export async function listenOnLoopback(handler: RequestListener): Promise<StaticServer> {
  const server: Server = createServer(handler);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => origin + (path.startsWith('/') ? path : `/${path}`),
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export function serveDirs(...roots: string[]): Promise<StaticServer> {
  return listenOnLoopback((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    for (const root of roots) {
      const file = resolve(join(root, path));
      if (!file.startsWith(resolve(root))) break;
      if (existsSync(file) && statSync(file).isFile()) {
        response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        response.end(readFileSync(file));
        return;
      }
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  });
}

function requireBuild(dir: string, script: string): void {
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No e2e build at ${dir}: run \`npm run ${script}\` first.`);
}

/** The run's browser (see `BROWSER`) with the e2e build installed, in a fresh profile. */
export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  if (BROWSER === 'firefox') {
    requireBuild(EXTENSION_DIRS.firefox, 'build:e2e:firefox');
    // Each driver is loaded when its browser is launched: a run imports one automation library.
    const { launchFirefox } = await import('./driver/firefox');
    return launchFirefox(EXTENSION_DIRS.firefox, options);
  }
  return launchChromium(options);
}

/** Chromium whatever the run's browser, with Playwright's context at hand (the benchmarks). */
export async function launchChromium(options: LaunchOptions = {}): Promise<ChromiumExtension> {
  requireBuild(EXTENSION_DIRS.chromium, 'build:e2e');
  const { launchChromium: launch } = await import('./driver/chromium');
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

/** The popup as a user sees it, opened as a page pointed at a tab with `?tab=`. */
export class PopupPage {
  private constructor(
    readonly page: E2EPage,
    readonly tabId: number,
  ) {}

  static async open(ext: ExtensionBrowser, tabId: number): Promise<PopupPage> {
    const page = await ext.newPage();
    await page.setViewportSize({ width: 380, height: 600 });
    await page.goto(ext.extensionUrl(`popup.html?tab=${tabId}`));
    return new PopupPage(page, tabId);
  }

  title() {
    return this.page.getByTestId('article-title');
  }
  facts() {
    return this.page.getByTestId('article-facts');
  }
  saveButton() {
    return this.page.getByTestId('save');
  }
  savedStatus() {
    return this.page.getByTestId('saved-status');
  }
  notes() {
    return this.page.getByTestId('notes');
  }
  tags() {
    return this.page.getByTestId('tags');
  }
  unreadable() {
    return this.page.getByTestId('unreadable');
  }
  async save(): Promise<void> {
    await this.saveButton().click();
    await this.savedStatus().waitFor();
  }
  async reload(): Promise<void> {
    await this.page.reload();
  }
  close(): Promise<void> {
    return this.page.close();
  }
}

/** The library page. */
export class LibraryPage {
  private constructor(readonly page: E2EPage) {}

  static async open(ext: ExtensionBrowser): Promise<LibraryPage> {
    const page = await ext.newPage();
    await page.goto(ext.extensionUrl('library.html'));
    return new LibraryPage(page);
  }
  items() {
    return this.page.getByTestId('article-item');
  }
  async openArticle(title: string): Promise<void> {
    await this.page.getByRole('link', { name: title }).click();
    await this.page.getByTestId('saved-copy').waitFor();
  }
  savedCopy() {
    return this.page.getByTestId('saved-copy');
  }
  savedNotes() {
    return this.page.getByTestId('saved-notes');
  }
}
