import type { HookAnswer, TestHookName, TestHooks } from '../../utils/browser/test-hooks';
/*
 * What a browser test may ask of a browser, whichever drives it: Playwright over Chromium, or
 * puppeteer-core over WebDriver BiDi in Firefox. The shapes are the subset of Playwright's
 * `Page`/`Locator` the tests use, so in Chromium they are Playwright's own objects, unchanged, and
 * a test reads the same in both browsers.
 */

export type BrowserName = 'chromium' | 'firefox';

export interface FilePayload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** A lazy query, resolved anew by every call; single-element calls fail on several matches. */
export interface E2ELocator {
  getByTestId(testId: string): E2ELocator;
  getByRole(role: 'link' | 'button' | 'checkbox', options?: { name?: string }): E2ELocator;
  getByText(text: string): E2ELocator;
  locator(selector: string): E2ELocator;
  first(): E2ELocator;
  nth(index: number): E2ELocator;

  count(): Promise<number>;
  textContent(): Promise<string | null>;
  allTextContents(): Promise<string[]>;
  inputValue(): Promise<string>;
  getAttribute(name: string): Promise<string | null>;
  isVisible(): Promise<boolean>;
  isEnabled(): Promise<boolean>;
  isChecked(): Promise<boolean>;
  evaluate<R>(fn: (element: HTMLElement) => R | Promise<R>): Promise<R>;
  evaluate<R>(fn: (element: HTMLElement, arg: string) => R | Promise<R>, arg: string): Promise<R>;

  /** Waits, like a user, for the element to be there, visible and enabled, then clicks it. */
  click(options?: { position?: { x: number; y: number } }): Promise<void>;
  fill(value: string): Promise<void>;
  check(): Promise<void>;
  uncheck(): Promise<void>;
  selectOption(value: string): Promise<unknown>;
  setInputFiles(file: FilePayload): Promise<void>;
  waitFor(options?: { state?: 'attached' | 'detached' | 'visible' | 'hidden' }): Promise<void>;
  screenshot(options: { path: string }): Promise<unknown>;
}

export interface E2EPage {
  getByTestId(testId: string): E2ELocator;
  getByRole(role: 'link' | 'button' | 'checkbox', options?: { name?: string }): E2ELocator;
  getByText(text: string): E2ELocator;
  locator(selector: string): E2ELocator;

  goto(url: string): Promise<unknown>;
  reload(): Promise<unknown>;
  /** Read from the page: Firefox's BiDi reports no navigation of extension pages, hash or not. */
  url(): Promise<string>;
  title(): Promise<string>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  waitForFunction<A = undefined>(fn: (arg: A) => unknown, arg?: A): Promise<unknown>;
  waitForTimeout(ms: number): Promise<void>;
  keyboard: {
    /** A key or a chord, Playwright style: `Escape`, `Shift+Tab`. */
    press(key: string): Promise<void>;
    type(text: string): Promise<void>;
  };
  mouse: { wheel(deltaX: number, deltaY: number): Promise<void> };
  setViewportSize(size: { width: number; height: number }): Promise<void>;
  bringToFront(): Promise<void>;
  screenshot(options: { path: string }): Promise<unknown>;
  /**
   * Runs a whole script (a library's source, such as axe-core's) in the page, past the page's
   * content security policy, as a debugger would.
   */
  addScript(source: string): Promise<void>;
  /** Print or screen media; see `ExtensionBrowser.supports.printMedia`. */
  emulateMedia(options: { media: 'print' | 'screen' }): Promise<void>;
  /** Runs `trigger` and returns the file the browser downloaded because of it. */
  download(trigger: () => Promise<unknown>): Promise<{ name: string; bytes: Buffer }>;
  /** True once the page is gone, including when it closed itself (`window.close()`). */
  isClosed(): boolean | Promise<boolean>;
  close(): Promise<void>;
}

export type { HookAnswer, TestHookName, TestHooks };

/** A real browser with the e2e build installed, in a fresh profile (so a fresh IndexedDB). */
export interface ExtensionBrowser {
  readonly name: BrowserName;
  /** The host of extension URLs (Chromium: the extension id; Firefox: the add-on's UUID). */
  readonly extensionId: string;
  /** `chrome-extension://<id>/<path>` or `moz-extension://<uuid>/<path>` */
  extensionUrl(path: string): string;
  /** What this browser's automation can do that the other's cannot. */
  readonly supports: { printMedia: boolean };
  newPage(): Promise<E2EPage>;
  /**
   * Opens a page of the browser's own, which no extension may script, and returns its tab id
   * (Chromium: `chrome://version`; Firefox: `about:robots`).
   */
  openBrowserPage(): Promise<number>;
  /** The next page opened whose URL satisfies `match` (a tab the extension opens). */
  waitForPage(match: (url: string) => boolean): Promise<E2EPage>;
  /**
   * Runs `fn` in an extension page (the library), where the `chrome` extension APIs are (in
   * Firefox, `chrome.*` is callback-style: use `globalThis.browser ?? chrome` for promises).
   */
  inExtension<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /**
   * One of the background's test hooks (e2e build only; utils/browser/test-hooks.ts): the
   * handler the shortcuts and the context menu run, a page through one parsing path, Declutter's
   * whole status.
   */
  callHook<K extends TestHookName>(name: K, ...args: Parameters<TestHooks[K]>): Promise<HookAnswer<K>>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** The browser's UI language: `en-US` unless told. */
  lang?: string;
  /** The system's light or dark preference pages see (`prefers-color-scheme`): light unless told. */
  colorScheme?: 'light' | 'dark';
}
