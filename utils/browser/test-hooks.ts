import { browser, type Browser } from 'wxt/browser';
import type { DeclutterStatus, PageExtract } from './messaging';
import type { PageCommand, PageCommandResult } from './page-commands';
import type { PathName, PathResult, TimedCommand, TimedResult } from './off-page-diff';

/**
 * Test builds only: what the e2e tests and the benchmarks call in the background, where
 * automation cannot press a browser shortcut or click a context menu. One type for every caller:
 * the drivers (support/browser/*) and the bench scripts reach it as `globalThis.klipingTest`.
 * Arguments and answers are plain data: Firefox hands them across realms through JSON.
 */
export interface TestHooks {
  /** The handler the shortcuts and the context menu run, on the tab with this id. */
  runPageCommand(command: PageCommand, tabId: number): Promise<PageCommandResult>;
  extractFromTab(tabId: number): Promise<PageExtract>;
  runPath(tabId: number, path: PathName): Promise<PathResult>;
  timeCommand(path: PathName, command: TimedCommand, tabId: number): Promise<TimedResult>;
  keepImages(articleId: number): Promise<unknown>;
  /** The `declutter` message as the popup sends it, with the whole status (`ahead` too, which the popup does not show). */
  declutterTab(tabId: number, action: 'on' | 'off' | 'prepare'): Promise<DeclutterStatus | null>;
}

export type TestHookName = keyof TestHooks;
/** What a hook answers, once it has. */
export type HookAnswer<K extends TestHookName> = Awaited<ReturnType<TestHooks[K]>>;

/** How the drivers' and benches' code, run inside the background, finds the hooks. */
export type WithTestHooks = { klipingTest: TestHooks };

/** The background's side: the command handler takes the tab itself, the hooks its id. */
export function installTestHooks(hooks: Omit<TestHooks, 'runPageCommand'> & { runPageCommand(command: PageCommand, tab: Browser.tabs.Tab): Promise<PageCommandResult> }): void {
  const installed: TestHooks = { ...hooks, runPageCommand: async (command, tabId) => hooks.runPageCommand(command, await browser.tabs.get(tabId)) };
  Object.assign(globalThis, { klipingTest: installed } satisfies WithTestHooks);
}
