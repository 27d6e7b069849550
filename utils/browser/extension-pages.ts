import { browser } from 'wxt/browser';

export type ExtensionPage = '/library.html' | '/options.html';

/**
 * Opens one of Kliping's own pages in a new tab. Settings open this way too, not through
 * `runtime.openOptionsPage()`: from a page opened as a tab, Firefox's opened no page a user (or
 * a test) could find, while a tab of the same URL behaves alike in both browsers.
 */
export async function openExtensionPage(path: ExtensionPage): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(path) });
}
