import { browser, type Browser } from 'wxt/browser';
import { extractSnapshot, lateClutterInSnapshot, planSnapshot } from '../core/snapshot/analyze';
import type { NumberedClutter, NumberedPlan, PageExtract, PageSnapshot } from '../core/snapshot/types';
import { contentMessenger, offscreenMessenger } from './messaging';

/**
 * Where a page's snapshot is parsed: here when this context has a DOM (the popup, the library,
 * Firefox's background page), else in Chromium's offscreen document (its service worker has none).
 * Either way the page's own main thread only serializes and, for Declutter, hides.
 */

export const OFFSCREEN_PATH = '/offscreen.html';

const hasDom = (): boolean => typeof DOMParser !== 'undefined';

let creating: Promise<void> | null = null;

async function ensureOffscreenDocument(): Promise<void> {
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  const open = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as Browser.runtime.ContextType], documentUrls: [url] });
  if (open.length) return;
  // Two clicks may both find none: one creation, both wait for it (a second would throw).
  creating ??= browser.offscreen
    .createDocument({ url: OFFSCREEN_PATH, reasons: ['DOM_PARSER' as Browser.offscreen.Reason], justification: 'Parse the page Kliping was asked to read off its main thread.' })
    .finally(() => {
      creating = null;
    });
  await creating;
}

export async function extractPage(snapshot: PageSnapshot): Promise<PageExtract> {
  if (hasDom()) return extractSnapshot(snapshot);
  await ensureOffscreenDocument();
  return offscreenMessenger.sendMessage('offscreenExtract', snapshot);
}

export async function planPage(data: { snapshot: PageSnapshot; readerableOnly: boolean }): Promise<NumberedPlan> {
  if (hasDom()) return planSnapshot(data.snapshot, { readerableOnly: data.readerableOnly });
  await ensureOffscreenDocument();
  return offscreenMessenger.sendMessage('offscreenPlan', data);
}

export async function lateClutter(snapshot: PageSnapshot): Promise<NumberedClutter[]> {
  if (hasDom()) return lateClutterInSnapshot(snapshot);
  await ensureOffscreenDocument();
  return offscreenMessenger.sendMessage('offscreenLateClutter', snapshot);
}

/** The article in a tab whose content script is injected: its snapshot, extracted off the page. */
export async function extractTab(tabId: number, frameId = 0): Promise<PageExtract> {
  const snapshot = await contentMessenger.sendMessage('snapshot', undefined, { tabId, frameId });
  return extractPage(snapshot);
}

/** The offscreen document's side: it answers the background's errands, nothing else. */
export function serveOffscreenDocument(): void {
  offscreenMessenger.onMessage('offscreenExtract', ({ data }) => extractSnapshot(data));
  offscreenMessenger.onMessage('offscreenLateClutter', ({ data }) => lateClutterInSnapshot(data));
  offscreenMessenger.onMessage('offscreenPlan', ({ data }) => planSnapshot(data.snapshot, { readerableOnly: data.readerableOnly }));
}
