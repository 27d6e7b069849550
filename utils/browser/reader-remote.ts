import { browser } from 'wxt/browser';
import type { Article } from '../core/article';
import { contentMessenger, type ReaderOpened } from './messaging';

/**
 * What to inject for the reader: the content script and the reader's UI in one call, so opening
 * does not wait for a second round trip (the content script alone asks the background for the
 * UI when it is missing, e.g. on sites registered to open the reader on load). Both scripts
 * guard against a second install.
 */
export const READER_SCRIPT_FILES = ['/content-script.js', '/content-scripts/reader.js'] as const;

export type ReaderOpenedTimed = ReaderOpened & {
  /** From this call (e.g. a command arriving) to the reader painted in the tab, in ms. */
  totalMs: number;
};

/**
 * Opens the reader view in a tab from any extension context (popup, background command, context
 * menu, benchmark) and resolves once the reader is painted. The popup hands over the article it
 * extracted already; without it the page asks for it (extracted off the page, in the background).
 */
export async function openReaderInTab(tabId: number, frameId = 0, article?: Article): Promise<ReaderOpenedTimed> {
  const started = performance.now();
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [...READER_SCRIPT_FILES] });
  const opened = await contentMessenger.sendMessage('openReader', article, { tabId, frameId });
  return { ...opened, totalMs: performance.now() - started };
}
