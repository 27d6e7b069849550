import { browser } from 'wxt/browser';
import { contentMessenger, type ReaderOpened } from '../messaging';

export type ReaderOpenedTimed = ReaderOpened & {
  /** From this call (e.g. a command arriving) to the reader painted in the tab, in ms. */
  totalMs: number;
};

/**
 * Opens the reader view in a tab from any extension context (popup, background command, context
 * menu, benchmark): injects the content script if it is not there yet (it guards against a
 * second install) and resolves once the reader is painted.
 */
export async function openReaderInTab(tabId: number, frameId = 0): Promise<ReaderOpenedTimed> {
  const started = performance.now();
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['/content-scripts/content.js'] });
  const opened = await contentMessenger.sendMessage('openReader', undefined, { tabId, frameId });
  return { ...opened, totalMs: performance.now() - started };
}
