import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** The e2e build: identical to the shipped one but for a host permission on http://127.0.0.1/*. */
export const EXTENSION_DIR = resolve('.output/chrome-mv3-e2e');
export const FIXTURES_DIR = resolve('tests/fixtures');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Where browser tests put the screenshots the README shows: the committed folder when
 * `UPDATE_SCREENSHOTS=1`, else a temporary one, so a test run leaves the work tree clean.
 */
export function screenshotPath(name: string): string {
  const dir = process.env.UPDATE_SCREENSHOTS ? resolve('tests/e2e/screenshots') : join(tmpdir(), 'kliping-screenshots');
  return join(dir, name);
}

/** The shared corpus: beside the repository (CI), at /work/shared (worktrees), or KLIPING_CORPUS. */
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
export async function serveDirs(...roots: string[]): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
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
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => origin + (path.startsWith('/') ? path : `/${path}`),
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** `chrome-extension://<id>/<path>` */
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

/** Real Chromium with the built extension loaded, in a fresh profile (so a fresh IndexedDB). */
export async function launchExtension(options: { lang?: string } = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No e2e build at ${EXTENSION_DIR}: run \`npm run build:e2e\` first.`);
  }
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: true,
    locale: options.lang ?? 'en-US',
    viewport: { width: 1200, height: 900 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
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
  return {
    context,
    extensionId,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    close: () => context.close(),
  };
}

/** The browser's tab id of a page, asked from an extension page (Playwright does not know it). */
export async function tabIdOf(ext: ExtensionBrowser, page: Page): Promise<number> {
  const helper = await ext.context.newPage();
  try {
    await helper.goto(ext.extensionUrl('library.html'));
    const url = page.url();
    const id = await helper.evaluate(async (target) => {
      const tabs = await chrome.tabs.query({});
      return tabs.find((tab) => tab.url === target)?.id ?? null;
    }, url);
    if (id == null) throw new Error(`No tab found for ${url}`);
    return id;
  } finally {
    await helper.close();
  }
}

/**
 * Opens a tab from the extension itself and returns its id: for browser pages, whose URL the
 * extension may not see and so cannot be found by `tabIdOf`.
 */
export async function openTabFromExtension(ext: ExtensionBrowser, url: string): Promise<number> {
  const helper = await ext.context.newPage();
  try {
    await helper.goto(ext.extensionUrl('library.html'));
    return await helper.evaluate(async (target) => (await chrome.tabs.create({ url: target, active: false })).id!, url);
  } finally {
    await helper.close();
  }
}

/** The popup as a user sees it, opened as a page pointed at a tab with `?tab=`. */
export class PopupPage {
  private constructor(
    readonly page: Page,
    readonly tabId: number,
  ) {}

  static async open(ext: ExtensionBrowser, tabId: number): Promise<PopupPage> {
    const page = await ext.context.newPage();
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
  private constructor(readonly page: Page) {}

  static async open(ext: ExtensionBrowser): Promise<LibraryPage> {
    const page = await ext.context.newPage();
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
