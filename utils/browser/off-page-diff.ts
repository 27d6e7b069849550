import { browser } from 'wxt/browser';
import type { DeclutterStatus, PageExtract } from './messaging';
import { contentMessenger, inPageMessenger } from './messaging';
import { extractTab } from './off-page';

/** One path's answers on a page: the extraction, Declutter's status and the elements it hid. */
export interface PathResult {
  extract: PageExtract;
  declutter: DeclutterStatus;
  /** Indexes (in `getElementsByTagName('*')` order) of the elements left hidden. */
  hidden: number[];
  /** The page as it was after restoring, to check both paths put it back. */
  restored: string;
}

export const IN_PAGE_SCRIPT = '/content-scripts/inpage.js';
const CONTENT_SCRIPT = '/content-scripts/content.js';

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

/**
 * Test builds only: the same page through the in-page pipeline (the baseline script) and through
 * the off-page one (the content script, parsing in the extension), one after the other, the page
 * restored between. The diff test and `bench:offpage` compare the two.
 */
export async function compareOffPage(tabId: number): Promise<{ inPage: PathResult; offPage: PathResult; before: string }> {
  await browser.scripting.executeScript({ target: { tabId }, files: [IN_PAGE_SCRIPT, CONTENT_SCRIPT] });
  const before = await pageHtml(tabId);
  const run = async (extract: () => Promise<PageExtract>, declutter: (action: 'on' | 'off') => Promise<DeclutterStatus>): Promise<PathResult> => {
    const extracted = await extract();
    const status = await declutter('on');
    const hidden = await hiddenIndexes(tabId);
    await declutter('off');
    return { extract: extracted, declutter: status, hidden, restored: await pageHtml(tabId) };
  };
  const inPage = await run(
    () => inPageMessenger.sendMessage('inPageExtract', undefined, tabId),
    (action) => inPageMessenger.sendMessage('inPageDeclutter', action, tabId),
  );
  const offPage = await run(
    () => extractTab(tabId),
    (action) => contentMessenger.sendMessage('declutter', action, tabId),
  );
  return { inPage, offPage, before };
}
