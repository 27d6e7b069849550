import { browser } from 'wxt/browser';
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
   * The page just before this path ran and after it restored, to check it put the page back.
   * Each path's own: a page's script may change the page meanwhile (scrapinghub a1fca19b884e's
   * lazy loader swaps `class="lazyload"` for `lazyloaded` once a layout change shows its images).
   */
  before: string;
  restored: string;
}

type ScriptFile = NonNullable<Parameters<typeof browser.scripting.executeScript>[0]['files']>[number];
/** Built for e2e only (wxt.config.ts), so WXT's generated list of script paths may not name it. */
export const IN_PAGE_SCRIPT = '/content-scripts/inpage.js' as ScriptFile;
const CONTENT_SCRIPT: ScriptFile = '/content-script.js';

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

/**
 * Test builds only: the same page through the in-page pipeline (the baseline script) and through
 * the off-page one (the content script, parsing in the extension), one after the other, the page
 * restored between. The diff test and `bench:offpage` compare the two.
 */
export async function compareOffPage(tabId: number): Promise<{ inPage: PathResult; offPage: PathResult }> {
  await browser.scripting.executeScript({ target: { tabId }, files: [IN_PAGE_SCRIPT, CONTENT_SCRIPT] });
  const run = async (extract: () => Promise<PageExtract>, declutter: (action: 'on' | 'off') => Promise<DeclutterStatus>): Promise<PathResult> => {
    // Settled first: what the page's scripts do in answer to the path before (a lazy loader
    // showing the images a layout change brought into view) is the page's, not this path's.
    const before = await settledPageHtml(tabId);
    const extracted = await extract();
    const status = await declutter('on');
    const hidden = await hiddenIndexes(tabId);
    await declutter('off');
    return { extract: extracted, declutter: status, hidden, before, restored: await pageHtml(tabId) };
  };
  const inPage = await run(
    () => inPageMessenger.sendMessage('inPageExtract', undefined, tabId),
    (action) => inPageMessenger.sendMessage('inPageDeclutter', action, tabId),
  );
  const offPage = await run(
    () => extractTab(tabId),
    (action) => contentMessenger.sendMessage('declutter', action, tabId),
  );
  return { inPage, offPage };
}

/**
 * Test builds only: one click's worth of work on a tab through either path, timed from here, as
 * a command arriving in the background does it: inject, ask, and wait for the page's answer (the
 * article the popup shows, the page decluttered and laid out, or the reader painted).
 */
export async function timeCommand(path: 'inPage' | 'offPage', command: 'extract' | 'declutter' | 'reader', tabId: number): Promise<{ ms: number; ok: boolean; detail?: string }> {
  const started = performance.now();
  const script = path === 'inPage' ? IN_PAGE_SCRIPT : CONTENT_SCRIPT;
  const files: ScriptFile[] = command === 'reader' ? [script, '/content-scripts/reader.js'] : [script];
  // As runPageCommand does: the parser made ready while the script goes in.
  await Promise.all([browser.scripting.executeScript({ target: { tabId }, files }), path === 'offPage' ? ensureParser() : null]);
  if (command === 'extract') {
    const extracted = path === 'inPage' ? await inPageMessenger.sendMessage('inPageExtract', undefined, tabId) : await extractTab(tabId);
    return { ms: performance.now() - started, ok: extracted.ok, ...(extracted.ok ? {} : { detail: extracted.reason }) };
  }
  if (command === 'declutter') {
    const status = path === 'inPage' ? await inPageMessenger.sendMessage('inPageDeclutter', 'on', tabId) : await contentMessenger.sendMessage('declutter', 'on', tabId);
    return { ms: performance.now() - started, ok: status.active, ...('error' in status ? { detail: status.error } : {}) };
  }
  const opened = path === 'inPage' ? await inPageMessenger.sendMessage('inPageOpenReader', undefined, tabId) : await contentMessenger.sendMessage('openReader', undefined, tabId);
  return { ms: performance.now() - started, ok: opened.ok, ...(opened.ok ? {} : { detail: opened.reason }) };
}
