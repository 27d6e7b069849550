import { browser } from 'wxt/browser';
import type { Article } from '../core/article';
import type { DeclutterStatus, PageExtract } from './messaging';
import { contentMessenger, inPageMessenger } from './messaging';
import { ensureParser, extractTab } from './off-page';

/** One path's answers on a page: the extraction, Declutter's status and the elements it hid. */
export interface PathResult {
  extract: PageExtract;
  declutter: DeclutterStatus;
  /** Indexes (in `getElementsByTagName('*')` order) of the elements left hidden. */
  hidden: number[];
  /**
   * The page just before this path ran (settled: the page's own scripts done) and after it
   * restored, to check it put the page back and that both paths started from the same page.
   */
  before: string;
  restored: string;
}

type ScriptFile = NonNullable<Parameters<typeof browser.scripting.executeScript>[0]['files']>[number];
/** Built for e2e only (wxt.config.ts), so WXT's generated list of script paths may not name it. */
export const IN_PAGE_SCRIPT = '/content-scripts/inpage.js' as ScriptFile;
const CONTENT_SCRIPT: ScriptFile = '/content-script.js';
const READER_SCRIPT: ScriptFile = '/content-scripts/reader.js';

async function hiddenIndexes(tabId: number): Promise<number[]> {
  const [result] = await browser.scripting.executeScript({
    target: { tabId },
    func: () => {
      const all = document.getElementsByTagName('*');
      const hidden: number[] = [];
      for (let i = 0; i < all.length; i++) if (all[i]!.hasAttribute('data-kliping-hidden')) hidden.push(i);
      return hidden;
    },
  });
  return (result?.result as number[] | undefined) ?? [];
}

async function pageHtml(tabId: number): Promise<string> {
  const [result] = await browser.scripting.executeScript({ target: { tabId }, func: () => document.documentElement.outerHTML });
  return String(result?.result ?? '');
}

/** The page once its own scripts have stopped changing it (nothing for 300 ms; 3 s at most). */
async function settledPageHtml(tabId: number): Promise<string> {
  const [result] = await browser.scripting.executeScript({
    target: { tabId },
    func: () =>
      new Promise<string>((resolve) => {
        let quiet: ReturnType<typeof setTimeout>;
        const done = () => {
          observer.disconnect();
          clearTimeout(quiet);
          clearTimeout(limit);
          resolve(document.documentElement.outerHTML);
        };
        const observer = new MutationObserver(() => {
          clearTimeout(quiet);
          quiet = setTimeout(done, 300);
        });
        observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
        quiet = setTimeout(done, 300);
        const limit = setTimeout(done, 3000);
      }),
  });
  return String(result?.result ?? '');
}

export type PathName = 'inPage' | 'offPage';

/**
 * Test builds only: a freshly loaded page through one path, the in-page pipeline (the baseline
 * script) or the off-page one (the content script, parsing in the extension): its extraction,
 * then Declutter on and off. The diff test and `bench:offpage` run each path on its own load of
 * the page and compare the two (support/offpage-corpus.ts): on one load, what the page's own
 * scripts do in answer to the first path (a lazy loader marking the images a layout change
 * brought into view) became part of the second path's input.
 */
export async function runPath(tabId: number, path: PathName): Promise<PathResult> {
  const ask = askPath(path, tabId);
  await browser.scripting.executeScript({ target: { tabId }, files: [ask.script] });
  // Settled first: the page as its own scripts leave it once loaded is what both paths start from.
  const before = await settledPageHtml(tabId);
  const extracted = await ask.extract();
  const status = await ask.declutter('on');
  const hidden = await hiddenIndexes(tabId);
  await ask.declutter('off');
  return { extract: extracted, declutter: status, hidden, before, restored: await pageHtml(tabId) };
}

/** What a path injects into the page, and how it is asked for each command. */
function askPath(path: PathName, tabId: number) {
  return path === 'inPage'
    ? {
        script: IN_PAGE_SCRIPT,
        extract: () => inPageMessenger.sendMessage('inPageExtract', undefined, tabId),
        declutter: (action: 'on' | 'off') => inPageMessenger.sendMessage('inPageDeclutter', action, tabId),
        // Today's pipeline made no plan before the press.
        prepare: async () => {},
        // Today's pipeline read the page again in it when the reader opened.
        openReader: (_article?: Article) => inPageMessenger.sendMessage('inPageOpenReader', undefined, tabId),
      }
    : {
        script: CONTENT_SCRIPT,
        extract: () => extractTab(tabId),
        declutter: (action: 'on' | 'off') => contentMessenger.sendMessage('declutter', action, tabId),
        prepare: () => contentMessenger.sendMessage('declutter', 'prepare', tabId),
        openReader: (article?: Article) => contentMessenger.sendMessage('openReader', article, tabId),
      };
}

/**
 * `popup-declutter`, `popup-reader`: Declutter or Reader pressed in the popup, READ_MS after it
 * opened (its read made and, for Declutter off the page, the plan asked for ahead), timed from
 * the press alone, as the popup sends it (the reader gets the article the popup read).
 */
export type TimedCommand = 'extract' | 'declutter' | 'reader' | 'popup-declutter' | 'popup-reader';

/** `ahead`: for `popup-declutter`, whether the press used the plan made while the popup was open. */
export type TimedResult = { ms: number; ok: boolean; detail?: string; ahead?: boolean };

/** How long the user reads the popup before pressing, in `popup-declutter` and `popup-reader`. */
const READ_MS = 1000;

/** As runPageCommand does: the parser made ready while the scripts go in. */
function injectForCommand(path: PathName, tabId: number, files: ScriptFile[]): Promise<unknown> {
  return Promise.all([browser.scripting.executeScript({ target: { tabId }, files }), path === 'offPage' ? ensureParser() : null]);
}

async function timePopupPress(path: PathName, press: 'declutter' | 'reader', tabId: number): Promise<TimedResult> {
  const ask = askPath(path, tabId);
  await injectForCommand(path, tabId, [ask.script]);
  const extracted = await ask.extract();
  if (press === 'declutter') await ask.prepare();
  await new Promise((resolve) => setTimeout(resolve, READ_MS));
  const started = performance.now();
  if (press === 'declutter') {
    const status = await ask.declutter('on');
    return { ms: performance.now() - started, ok: status.active, ahead: 'ahead' in status, ...('error' in status ? { detail: status.error } : {}) };
  }
  await browser.scripting.executeScript({ target: { tabId }, files: [ask.script, READER_SCRIPT] });
  const opened = await ask.openReader(extracted.ok ? extracted.article : undefined);
  return { ms: performance.now() - started, ok: opened.ok, ...(opened.ok ? {} : { detail: opened.reason }) };
}

/**
 * Test builds only: one click's worth of work on a tab through either path, timed from here, as
 * a command arriving in the background does it: inject, ask, and wait for the page's answer (the
 * article the popup shows, the page decluttered and laid out, or the reader painted).
 */
export async function timeCommand(path: PathName, command: TimedCommand, tabId: number): Promise<TimedResult> {
  if (command === 'popup-declutter' || command === 'popup-reader') return timePopupPress(path, command === 'popup-declutter' ? 'declutter' : 'reader', tabId);
  const started = performance.now();
  const ask = askPath(path, tabId);
  const files: ScriptFile[] = command === 'reader' ? [ask.script, READER_SCRIPT] : [ask.script];
  await injectForCommand(path, tabId, files);
  if (command === 'extract') {
    const extracted = await ask.extract();
    return { ms: performance.now() - started, ok: extracted.ok, ...(extracted.ok ? {} : { detail: extracted.reason }) };
  }
  if (command === 'declutter') {
    const status = await ask.declutter('on');
    return { ms: performance.now() - started, ok: status.active, ...('error' in status ? { detail: status.error } : {}) };
  }
  const opened = await ask.openReader();
  return { ms: performance.now() - started, ok: opened.ok, ...(opened.ok ? {} : { detail: opened.reason }) };
}
