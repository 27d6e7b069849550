import { browser, type Browser } from 'wxt/browser';
import { extractSnapshot, lateClutterInSnapshot, planSnapshot } from '../core/snapshot/analyze';
import type { PageExtract } from '../core/snapshot/types';
import { contentMessenger, parserMessenger } from './messaging';

/**
 * Where a page's snapshot is parsed: the parser (ParserProtocol) runs where there is a DOM that
 * outlives the popup, Firefox's background page or, in Chromium, whose service worker has none,
 * an offscreen document. The popup parses in itself. Either way the page's own main thread only
 * serializes and, for Declutter, hides.
 */

export const OFFSCREEN_PATH = '/offscreen.html';

/** Whether this context parses snapshots itself: it has a DOM (the popup, Firefox's background page). */
export const parsesHere = (): boolean => typeof DOMParser !== 'undefined';

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

/**
 * The background's side: makes sure the parser answers. In Chromium the offscreen document is
 * made on first use and kept (a warm document answers at once: no document to start, its code
 * compiled); Firefox's background page is the parser itself.
 */
export async function ensureParser(): Promise<void> {
  if (!parsesHere()) await ensureOffscreenDocument();
}

/** The article in a tab whose content script is injected: its snapshot, extracted off the page. */
export async function extractTab(tabId: number, frameId = 0): Promise<PageExtract> {
  const [snapshot] = await Promise.all([contentMessenger.sendMessage('snapshot', undefined, { tabId, frameId }), ensureParser()]);
  return parsesHere() ? extractSnapshot(snapshot) : parserMessenger.sendMessage('parseExtract', snapshot);
}

/** The parser's side (the offscreen document, Firefox's background page): it answers content scripts. */
export function serveParser(): void {
  parserMessenger.onMessage('parseExtract', ({ data }) => extractSnapshot(data));
  parserMessenger.onMessage('parseLateClutter', ({ data }) => lateClutterInSnapshot(data));
  parserMessenger.onMessage('parsePlan', ({ data }) => planSnapshot(data.snapshot, { readerableOnly: data.readerableOnly }));
}
