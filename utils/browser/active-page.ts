import { browser, type Browser } from 'wxt/browser';
import type { ExtractResult, LinkOnly } from '../core/article';
import { contentMessenger, type DeclutterStatus } from './messaging';
import { extractTab } from './off-page';
import { normalizeUrl, pageAccess, type PageAccess } from '../core/url';

export type PageLookup =
  /** `unsure`: found only because the user asked (the readerable pre-check would have said no). */
  | { kind: 'article'; tabId: number; result: Extract<ExtractResult, { ok: true }>; unsure: boolean }
  | { kind: 'unreadable'; tabId: number | null; why: Exclude<PageAccess, 'ok'> | 'not-article'; link: LinkOnly | null; detail?: string };

/** `?tab=<id>` lets tests and people debugging point the popup at any tab. */
export async function targetTab(search: string): Promise<Browser.tabs.Tab | null> {
  const requested = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(requested) && requested > 0) {
    try {
      return await browser.tabs.get(requested);
    } catch {
      return null;
    }
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab ?? null;
}

function linkOf(tab: Browser.tabs.Tab): LinkOnly | null {
  if (!tab.url) return null;
  return { url: tab.url, canonicalUrl: normalizeUrl(tab.url), title: tab.title || tab.url };
}

const injectContentScript = (tabId: number) => browser.scripting.executeScript({ target: { tabId }, files: ['/content-script.js'] });

/**
 * Declutter's switch, from the popup: `on` and `off` rather than a toggle, so that asking again is
 * safe; `prepare` asks for the state as the popup opens, and has the page plan ahead. A page that reloaded or moved on since the popup opened has lost its content script: it is
 * injected again (the popup's grant covers the tab) and asked once more. `null`: the page still
 * does not answer (it is loading, or it keeps reloading itself).
 */
export async function declutterPage(tabId: number, action: 'on' | 'off' | 'prepare'): Promise<DeclutterStatus | null> {
  try {
    return await contentMessenger.sendMessage('declutter', action, tabId);
  } catch {
    try {
      await injectContentScript(tabId);
      return await contentMessenger.sendMessage('declutter', action, tabId);
    } catch {
      return null;
    }
  }
}

/**
 * Injects the content script into the tab (activeTab grants it), takes the page's snapshot and
 * extracts the article here, in the popup: the page's main thread only serializes.
 */
export async function lookUpPage(tab: Browser.tabs.Tab | null): Promise<PageLookup> {
  if (!tab?.id) return { kind: 'unreadable', tabId: null, why: 'no-access', link: null };
  let access = pageAccess(tab.url);
  // Local files are readable once the user has allowed file access for Kliping.
  if (access === 'file' && (await browser.extension.isAllowedFileSchemeAccess())) access = 'ok';
  if (access !== 'ok') return { kind: 'unreadable', tabId: tab.id, why: access, link: linkOf(tab) };
  try {
    await injectContentScript(tab.id);
    const result = await extractTab(tab.id);
    if (result.ok) return { kind: 'article', tabId: tab.id, result: { ok: true, article: result.article }, unsure: !result.readerable };
    return {
      kind: 'unreadable',
      tabId: tab.id,
      why: 'not-article',
      detail: result.detail,
      link: { url: result.url, canonicalUrl: result.canonicalUrl, title: result.title },
    };
  } catch (error) {
    return { kind: 'unreadable', tabId: tab.id, why: 'no-access', link: linkOf(tab), detail: String(error) };
  }
}
