import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type KeyInput, type Page } from 'puppeteer-core';
import { requireBrowser } from './binaries';
import type { WithTestHooks } from '../../utils/browser/test-hooks';
import type { E2ELocator, E2EPage, ExtensionBrowser, FilePayload, HookAnswer, LaunchOptions, TestHookName, TestHooks } from './types';

/*
 * Stock Firefox ESR driven by puppeteer-core over WebDriver BiDi. Playwright's Firefox needs its
 * own patched build and there is no geckodriver here; puppeteer installs the build as a temporary
 * add-on. Its quirks under automation, and what gets round each, are noted where they bite.
 */

/** Playwright's default in the harness: fail in seconds when what a user waits for never shows. */
const TIMEOUT = 10_000;

type Step = { css: string } | { testId: string } | { role: string; name?: string } | { text: string } | { nth: number };

/**
 * Resolves a locator's steps in the page, piercing open shadow roots as Playwright's locators do.
 * Self-contained: it is serialized into the page.
 */
function resolveSteps(steps: Step[]): Element[] {
  const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
  const descendants = (root: ParentNode): Element[] => {
    const out: Element[] = [];
    const walk = (node: ParentNode) => {
      for (let child = node.firstElementChild; child; child = child.nextElementSibling) {
        out.push(child);
        if (child.shadowRoot) walk(child.shadowRoot);
        walk(child);
      }
    };
    if (root instanceof Element && root.shadowRoot) walk(root.shadowRoot);
    walk(root);
    return out;
  };
  // Playwright's getByRole leaves out what is hidden from the accessibility tree.
  const shown = (el: Element) => el.checkVisibility({ visibilityProperty: true }) && el.closest('[aria-hidden="true"]') === null;
  const ROLE_OF: Record<string, (el: Element) => boolean> = {
    link: (el) => (el.localName === 'a' || el.localName === 'area') && el.hasAttribute('href'),
    button: (el) => el.localName === 'button' || (el.localName === 'input' && ['button', 'submit', 'reset'].includes((el as HTMLInputElement).type)),
    checkbox: (el) => el.localName === 'input' && (el as HTMLInputElement).type === 'checkbox',
  };
  const nameOf = (el: Element) => {
    const label = el.getAttribute('aria-label');
    if (label) return squash(label);
    const labels = (el as HTMLInputElement).labels;
    if (labels && labels.length) return squash(labels[0]!.textContent);
    return squash(el.textContent);
  };
  let current: ParentNode[] = [document];
  for (const step of steps) {
    if ('nth' in step) {
      const one = current[step.nth];
      current = one ? [one] : [];
      continue;
    }
    const seen = new Set<Element>();
    const next: Element[] = [];
    for (const root of current) {
      for (const el of descendants(root)) {
        if (seen.has(el)) continue;
        let hit: boolean;
        if ('css' in step) hit = el.matches(step.css);
        else if ('testId' in step) hit = el.getAttribute('data-testid') === step.testId;
        else if ('role' in step) {
          const isRole = el.getAttribute('role') === step.role || (!el.hasAttribute('role') && ROLE_OF[step.role]?.(el) === true);
          hit = isRole && shown(el) && (step.name === undefined || nameOf(el).includes(squash(step.name)));
        } else {
          // The innermost elements whose text holds the words, as Playwright's getByText.
          const wanted = squash(step.text);
          hit =
            !['script', 'style', 'head', 'title'].includes(el.localName) &&
            squash(el.textContent).includes(wanted) &&
            ![...el.children].some((child) => squash(child.textContent).includes(wanted));
        }
        if (hit) {
          seen.add(el);
          next.push(el);
        }
      }
    }
    current = next;
  }
  return current as Element[];
}

/** Playwright's definition: a non-empty box and not `visibility: hidden`. */
function isVisibleElement(el: Element): boolean {
  const box = el.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
}

function isEnabledElement(el: Element): boolean {
  return !(el as HTMLButtonElement).disabled && el.closest('fieldset:disabled') === null && el.getAttribute('aria-disabled') !== 'true';
}

async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, what: () => string): Promise<T> {
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${TIMEOUT} ms: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

class FirefoxLocator implements E2ELocator {
  constructor(
    private readonly owner: FirefoxPage,
    private readonly steps: Step[],
  ) {}

  private get page(): Page {
    return this.owner.raw;
  }
  private with(step: Step) {
    return new FirefoxLocator(this.owner, [...this.steps, step]);
  }
  private describe() {
    return JSON.stringify(this.steps);
  }
  getByTestId(testId: string) {
    return this.with({ testId });
  }
  getByRole(role: string, options?: { name?: string }) {
    return this.with({ role, name: options?.name });
  }
  getByText(text: string) {
    return this.with({ text });
  }
  locator(css: string) {
    return this.with({ css });
  }
  first() {
    return this.with({ nth: 0 });
  }
  nth(index: number) {
    return this.with({ nth: index });
  }

  /**
   * An expression over the matches, evaluated in the page. Sent as source text: the engine must
   * cross into the page, and extension pages' CSP forbids rebuilding it there with `Function`.
   */
  private expression(body: string) {
    return `(() => { const found = (${resolveSteps.toString()})(${JSON.stringify(this.steps)}); const visible = ${isVisibleElement.toString()}; const enabled = ${isEnabledElement.toString()}; return ${body}; })()`;
  }
  /** State of the matches, read in one go in the page. */
  private probe(): Promise<{ count: number; visible: boolean; enabled: boolean }> {
    return this.page.evaluate(
      this.expression('({ count: found.length, visible: found.length === 1 && visible(found[0]), enabled: found.length === 1 && enabled(found[0]) })'),
    ) as Promise<{ count: number; visible: boolean; enabled: boolean }>;
  }

  /** Waits for exactly one match (Playwright's strictness), optionally visible and enabled. */
  private async one(needs: { visible?: boolean; enabled?: boolean } = {}): Promise<ElementHandle<HTMLElement>> {
    const state = await poll(
      () => this.probe(),
      (s) => s.count > 1 || (s.count === 1 && (!needs.visible || s.visible) && (!needs.enabled || s.enabled)),
      () => `${this.describe()} to be ${needs.visible ? 'visible' : 'attached'}${needs.enabled ? ' and enabled' : ''}`,
    );
    if (state.count > 1) throw new Error(`Strict mode violation: ${this.describe()} matches ${state.count} elements`);
    return (await this.page.evaluateHandle(this.expression('found[0]'))) as ElementHandle<HTMLElement>;
  }

  async count() {
    return (await this.probe()).count;
  }
  async textContent() {
    const el = await this.one();
    return el.evaluate((node) => node.textContent);
  }
  async allTextContents() {
    return this.page.evaluate(this.expression("found.map((el) => el.textContent ?? '')")) as Promise<string[]>;
  }
  async inputValue() {
    const el = await this.one();
    return el.evaluate((node) => {
      if (!('value' in node)) throw new Error(`Not an input element: ${node.localName}`);
      return String((node as HTMLInputElement).value);
    });
  }
  async getAttribute(name: string) {
    const el = await this.one();
    return el.evaluate((node, attribute) => node.getAttribute(attribute), name);
  }
  async isVisible() {
    const state = await this.probe();
    if (state.count > 1) throw new Error(`Strict mode violation: ${this.describe()} matches ${state.count} elements`);
    return state.visible;
  }
  async isEnabled() {
    await this.one();
    return (await this.probe()).enabled;
  }
  async isChecked() {
    const el = await this.one();
    return el.evaluate((node) => (node as HTMLInputElement).checked || node.getAttribute('aria-checked') === 'true');
  }
  async evaluate<R>(fn: (element: HTMLElement, arg: string) => R | Promise<R>, arg?: string): Promise<R> {
    const el = await this.one();
    return (await el.evaluate(fn as (element: HTMLElement, arg?: string) => R | Promise<R>, arg)) as R;
  }

  async click(options?: { position?: { x: number; y: number } }) {
    const el = await this.one({ visible: true, enabled: true });
    await el.click(options?.position ? { offset: options.position } : undefined);
  }
  /** As Playwright's fill: focus, select what is there, insert the new text as typing would. */
  async fill(value: string) {
    const el = await this.one({ visible: true, enabled: true });
    await el.evaluate((node, text) => {
      node.focus();
      (node as HTMLInputElement).select();
      if (text) document.execCommand('insertText', false, text);
      else document.execCommand('delete');
    }, value);
  }
  private async setChecked(wanted: boolean) {
    const el = await this.one({ visible: true, enabled: true });
    if ((await el.evaluate((node) => (node as HTMLInputElement).checked)) === wanted) return;
    await el.click();
    await poll(
      () => el.evaluate((node) => (node as HTMLInputElement).checked),
      (checked) => checked === wanted,
      () => `${this.describe()} to be ${wanted ? 'checked' : 'unchecked'}`,
    );
  }
  check() {
    return this.setChecked(true);
  }
  uncheck() {
    return this.setChecked(false);
  }
  /**
   * Chosen with the keyboard, as a user can: Firefox lets a `change` ask for a permission only
   * when real input caused it, and a change dispatched by script is not that.
   */
  async selectOption(value: string) {
    const el = await this.one({ visible: true, enabled: true });
    const [from, to] = await el.evaluate((node, wanted): [number, number] => {
      const select = node as unknown as HTMLSelectElement;
      return [select.selectedIndex, [...select.options].findIndex((option) => option.value === wanted)];
    }, value);
    if (to === -1) throw new Error(`${this.describe()} has no option ${value}`);
    await el.focus();
    for (let i = from; i !== to; i += Math.sign(to - from)) await this.page.keyboard.press(to > from ? 'ArrowDown' : 'ArrowUp');
    await poll(
      () => el.evaluate((node) => (node as unknown as HTMLSelectElement).value),
      (current) => current === value,
      () => `${this.describe()} to show ${value}`,
    );
    return [value];
  }
  async setInputFiles(file: FilePayload) {
    const el = await this.one({ enabled: true });
    const dir = join(this.owner.scratchDir, randomUUID());
    mkdirSync(dir, { recursive: true });
    const path = join(dir, file.name);
    writeFileSync(path, file.buffer);
    await (el as unknown as ElementHandle<HTMLInputElement>).uploadFile(path);
  }
  async waitFor(options?: { state?: 'attached' | 'detached' | 'visible' | 'hidden' }) {
    const state = options?.state ?? 'visible';
    const result = await poll(
      () => this.probe(),
      (s) =>
        s.count > 1 ||
        (state === 'attached' && s.count === 1) ||
        (state === 'detached' && s.count === 0) ||
        (state === 'visible' && s.visible) ||
        (state === 'hidden' && !s.visible),
      () => `${this.describe()} to be ${state}`,
    );
    if (result.count > 1) throw new Error(`Strict mode violation: ${this.describe()} matches ${result.count} elements`);
  }
  async screenshot(options: { path: string }) {
    const el = await this.one({ visible: true });
    mkdirSync(join(options.path, '..'), { recursive: true });
    return el.screenshot({ path: options.path as `${string}.png` });
  }
}

/** A chord as Playwright writes it (`Shift+Tab`), for puppeteer's key-by-key keyboard. */
function splitChord(chord: string): KeyInput[] {
  return (chord.length > 1 ? chord.split('+') : [chord]) as KeyInput[];
}

class FirefoxPage implements E2EPage {
  constructor(
    readonly raw: Page,
    private readonly browser: FirefoxExtension,
  ) {}

  get scratchDir() {
    return this.browser.scratchDir;
  }
  readonly keyboard = {
    press: async (chord: string) => {
      const keys = splitChord(chord);
      for (const key of keys.slice(0, -1)) await this.raw.keyboard.down(key);
      await this.raw.keyboard.press(keys.at(-1)!);
      for (const key of keys.slice(0, -1).reverse()) await this.raw.keyboard.up(key);
    },
    type: (text: string) => this.raw.keyboard.type(text),
  };
  readonly mouse = { wheel: (deltaX: number, deltaY: number) => this.raw.mouse.wheel({ deltaX, deltaY }) };

  private root() {
    return new FirefoxLocator(this, []);
  }
  getByTestId(testId: string) {
    return this.root().getByTestId(testId);
  }
  getByRole(role: 'link' | 'button' | 'checkbox', options?: { name?: string }) {
    return this.root().getByRole(role, options);
  }
  getByText(text: string) {
    return this.root().getByText(text);
  }
  locator(css: string) {
    return this.root().locator(css);
  }

  /** BiDi's own navigation: puppeteer's goto never resolves on extension pages (no load events). */
  private context() {
    return (this.raw.mainFrame() as unknown as { browsingContext: { navigate(url: string, wait: string): Promise<void>; reload(options: { wait: string }): Promise<void> } })
      .browsingContext;
  }
  async goto(url: string) {
    await this.context().navigate(url, 'complete');
  }
  async reload() {
    await this.context().reload({ wait: 'complete' });
  }
  async url() {
    return this.raw.evaluate(() => location.href).catch(() => this.raw.url());
  }
  title() {
    return this.raw.title();
  }
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.raw.evaluate(fn as (arg: unknown) => R | Promise<R>, arg) as Promise<R>;
  }
  waitForFunction<A = undefined>(fn: (arg: A) => unknown, arg?: A) {
    return this.raw.waitForFunction(fn as (arg: unknown) => unknown, { timeout: TIMEOUT, polling: 50 }, arg);
  }
  waitForTimeout(ms: number) {
    return new Promise<void>((resolve) => setTimeout(resolve, ms));
  }
  setViewportSize(size: { width: number; height: number }) {
    return this.raw.setViewport(size);
  }
  bringToFront() {
    return this.raw.bringToFront();
  }
  screenshot(options: { path: string }) {
    mkdirSync(join(options.path, '..'), { recursive: true });
    return this.raw.screenshot({ path: options.path as `${string}.png` });
  }
  async addScript(source: string) {
    await this.raw.evaluate(source);
  }
  emulateMedia(): Promise<void> {
    // BiDi has no media emulation and puppeteer's is CDP-only.
    throw new Error('Firefox under WebDriver BiDi cannot emulate print media (see supports.printMedia)');
  }
  /** Firefox saves downloads into the profile's download folder without asking (see the prefs). */
  async download(trigger: () => Promise<unknown>) {
    const dir = this.browser.downloadDir;
    const before = new Set(readdirSync(dir));
    await trigger();
    const name = await poll(
      async () => readdirSync(dir).find((file) => !before.has(file) && !file.endsWith('.part') && !existsSync(join(dir, `${file}.part`))),
      (file) => file !== undefined && statSync(join(dir, file)).size > 0,
      () => `a download into ${dir}`,
    );
    return { name: name!, bytes: readFileSync(join(dir, name!)) };
  }
  /** A popup's own `window.close()` leaves puppeteer thinking the page open: ask the page. */
  async isClosed() {
    if (this.raw.isClosed()) return true;
    // Its browsing context is gone ("no such frame") once it closed; a page slow to answer is open.
    const alive = await Promise.race([
      this.raw.evaluate(() => true).catch(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 2_000)),
    ]);
    return !alive;
  }
  async close() {
    if (!this.raw.isClosed()) await this.raw.close().catch(() => undefined);
  }
}

class FirefoxExtension implements ExtensionBrowser {
  readonly name = 'firefox';
  readonly supports = { printMedia: false };

  constructor(
    readonly raw: Browser,
    /** The add-on's internal UUID, the host of its pages' URLs. */
    readonly extensionId: string,
    readonly downloadDir: string,
    readonly scratchDir: string,
    private readonly finish: () => Promise<void>,
  ) {}

  extensionUrl(path: string) {
    return `moz-extension://${this.extensionId}/${path.replace(/^\//, '')}`;
  }
  private wrap(page: Page) {
    page.setDefaultTimeout(TIMEOUT);
    return new FirefoxPage(page, this);
  }
  async newPage() {
    return this.wrap(await this.raw.newPage());
  }
  /** Matched by the URL each new page reports itself: puppeteer's stays `about:blank` on extension pages. */
  async waitForPage(match: (url: string) => boolean) {
    const known = new Set(await this.raw.pages());
    const found = await poll(
      async () => {
        for (const page of await this.raw.pages()) {
          if (known.has(page)) continue;
          const href = await page.evaluate(() => location.href).catch(() => '');
          if (match(href)) return page;
        }
        return undefined;
      },
      (page) => page !== undefined,
      () => 'a new page with a matching URL',
    );
    return this.wrap(found!);
  }
  /**
   * Extensions may not open `about:` pages in Firefox (only `about:blank`), so the automation opens
   * one; its URL is hidden from the extension, so its tab is found as the one opened just before
   * the extension page that asks.
   */
  async openBrowserPage() {
    const tabIds = () =>
      this.inExtension(async () => (await (globalThis as unknown as { browser: typeof chrome }).browser.tabs.query({})).map((tab) => tab.id!));
    const before = new Set(await tabIds());
    const page = await this.newPage();
    await page.goto('about:robots');
    const opened = (await tabIds()).filter((id) => !before.has(id));
    if (opened.length !== 1) throw new Error(`Expected one new tab for about:robots, found ${opened.length}`);
    return opened[0]!;
  }
  private helper: FirefoxPage | null = null;
  /**
   * In one extension page kept open in a background tab (a tab opened per call costs a second
   * under load): in front, it would hide the page under test, which then gets no animation
   * frames, and the reader waits for one to paint.
   */
  async inExtension<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    if (!this.helper || (await this.helper.isClosed())) {
      this.helper = this.wrap(await this.raw.newPage({ background: true }));
      await this.helper.goto(this.extensionUrl('options.html'));
    }
    return this.helper.evaluate(fn, arg);
  }
  /** An MV2 background page: reached from an extension page with `runtime.getBackgroundPage()`. */
  async callHook<K extends TestHookName>(name: K, ...args: Parameters<TestHooks[K]>): Promise<HookAnswer<K>> {
    return (await this.inExtension(
      async ([hook, given]) => {
        const api = (globalThis as unknown as { browser: typeof chrome }).browser;
        const background = (await api.runtime.getBackgroundPage()) as unknown as WithTestHooks;
        const answer = await (background.klipingTest[hook] as (...a: unknown[]) => Promise<unknown>)(...given);
        // Through JSON: the answer is made in the background page's realm.
        return answer === undefined ? undefined : (JSON.parse(JSON.stringify(answer)) as unknown);
      },
      [name, args as unknown[]] as const,
    )) as HookAnswer<K>;
  }
  private closing: Promise<void> | undefined;
  /** Once: a kept process given back twice would be handed to two tests. */
  close() {
    this.closing ??= (async () => {
      rmSync(this.scratchDir, { recursive: true, force: true });
      await this.finish();
    })();
    return this.closing;
  }
}

/**
 * Firefox speaks only the languages it has a pack for, and falls back to English without a word:
 * say so instead of letting a test of the Indonesian UI fail on English text.
 */
function requireLanguagePack(firefox: string, lang: string): void {
  if (lang.startsWith('en')) return;
  const extensions = join(dirname(realpathSync(firefox)), 'browser', 'extensions');
  const found = existsSync(extensions) && readdirSync(extensions).some((file) => file.startsWith(`langpack-${lang}@`));
  if (!found) throw new Error(`Firefox has no '${lang}' language pack in ${extensions}: apt-get install firefox-esr-l10n-${lang.toLowerCase()}`);
}

/** A running Firefox and the folder its prefs send downloads to. */
interface RunningFirefox {
  readonly browser: Browser;
  readonly downloadDir: string;
}

async function startFirefox(options: LaunchOptions): Promise<RunningFirefox> {
  const lang = options.lang ?? 'en-US';
  const firefox = requireBrowser('firefox');
  requireLanguagePack(firefox, lang);
  const downloadDir = mkdtempSync(join(tmpdir(), 'kliping-ff-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefox,
    headless: true,
    // Without it Firefox refuses to navigate automation to moz-extension:// pages, and the
    // add-on's UUID cannot be read from the browser's own (chrome) scope.
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1200, height: 900 },
    protocolTimeout: 60_000,
    extraPrefsFirefox: {
      // The UI language (Debian's firefox-esr-l10n-* language pack for anything but en-US).
      'intl.locale.requested': lang,
      'intl.accept_languages': lang,
      // prefers-color-scheme for every page: 0 dark, 1 light.
      'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1,
      // Downloads land in a known folder, without a dialog.
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.alwaysOpenPanel': false,
      'browser.helperApps.neverAsk.saveToDisk': 'application/json,text/csv,text/html,application/zip,application/octet-stream,text/markdown',
      'pdfjs.disabled': false,
    },
  });
  return { browser, downloadDir };
}

async function stopFirefox(running: RunningFirefox): Promise<void> {
  await running.browser.close().catch(() => undefined);
  rmSync(running.downloadDir, { recursive: true, force: true });
}

/**
 * The add-on's UUID, read in the browser's chrome scope: it is random per install, and a pref set
 * before launch fixes only the first install's (uninstalling forgets it).
 */
async function addonUuid(browser: Browser, addonId: string): Promise<string> {
  const bidi = (browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: unknown }> } }).connection;
  const tree = (await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 })).result as { contexts: { context: string }[] };
  const expression = `WebExtensionPolicy.getByID(${JSON.stringify(addonId)})?.mozExtensionHostname ?? ''`;
  return poll(
    async () => {
      const answer = (await bidi.send('script.evaluate', { expression, target: { context: tree.contexts[0]!.context }, awaitPromise: false })).result as {
        result?: { value?: string };
      };
      return answer.result?.value ?? '';
    },
    (value) => value !== '',
    () => `the UUID of add-on ${addonId}`,
  );
}

async function installInto(running: RunningFirefox, extensionDir: string, finish: (addonId: string) => Promise<void>): Promise<FirefoxExtension> {
  const addonId = await running.browser.installExtension(extensionDir);
  const uuid = await addonUuid(running.browser, addonId);
  const scratchDir = mkdtempSync(join(tmpdir(), 'kliping-ff-files-'));
  return new FirefoxExtension(running.browser, uuid, running.downloadDir, scratchDir, () => finish(addonId));
}

/** Stock Firefox ESR, headless, with the e2e build installed as a temporary add-on; closing it ends the process. */
export async function launchFirefox(extensionDir: string, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const running = await startFirefox(options);
  try {
    return await installInto(running, extensionDir, () => stopFirefox(running));
  } catch (error) {
    await stopFirefox(running);
    throw error;
  }
}

/**
 * Firefox processes kept between the tests of one file. Starting Firefox costs about 2.5 s, and
 * most of a test file's launches ask for the same prefs; reinstalling the add-on costs 0.15 s.
 * Uninstalling a temporary add-on deletes its storage, IndexedDB and permissions, so a test given
 * a kept process still starts from a fresh install; its tabs are closed and its downloads deleted.
 */
export class FirefoxPool {
  private readonly idle = new Map<string, RunningFirefox[]>();
  private readonly all = new Set<RunningFirefox>();

  async launch(extensionDir: string, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
    const key = JSON.stringify([options.lang ?? 'en-US', options.colorScheme ?? 'light']);
    const running = this.idle.get(key)?.pop() ?? (await startFirefox(options));
    this.all.add(running);
    try {
      return await installInto(running, extensionDir, (addonId) => this.giveBack(key, running, addonId));
    } catch (error) {
      await this.end(running);
      throw error;
    }
  }

  private async giveBack(key: string, running: RunningFirefox, addonId: string): Promise<void> {
    const { browser } = running;
    try {
      if (!browser.connected) throw new Error('Firefox has gone');
      const blank = await browser.newPage();
      await Promise.all((await browser.pages()).filter((page) => page !== blank).map((page) => page.close().catch(() => undefined)));
      await browser.uninstallExtension(addonId);
      for (const file of readdirSync(running.downloadDir)) rmSync(join(running.downloadDir, file), { recursive: true, force: true });
    } catch {
      await this.end(running);
      return;
    }
    this.idle.set(key, [...(this.idle.get(key) ?? []), running]);
  }

  private async end(running: RunningFirefox): Promise<void> {
    this.all.delete(running);
    await stopFirefox(running);
  }

  /** Ends every process, kept or still in use. */
  async closeAll(): Promise<void> {
    this.idle.clear();
    await Promise.all([...this.all].map((running) => this.end(running)));
  }
}
