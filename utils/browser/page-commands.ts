import { browser, type Browser } from 'wxt/browser';
import type { SavePayload } from '../core/article';
import { saveArticle } from '../data/library-writes';
import { getDb } from '../data/schema';
import { keepImagesAfterSave } from './image-service';
import { contentMessenger, type DeclutterStatus, type PageExtract, type ReaderOpened } from './messaging';
import { ensureParser, extractTab } from './off-page';
import { READER_SCRIPT_FILES } from './reader-remote';
import { normalizeUrl, pageAccess } from '../core/url';

/** What a keyboard shortcut or a context-menu entry asks for, on the tab in front of the user. */
export type PageCommand = 'declutter' | 'reader' | 'save';
export const PAGE_COMMANDS: readonly PageCommand[] = ['declutter', 'reader', 'save'];

export function isPageCommand(value: string): value is PageCommand {
  return (PAGE_COMMANDS as readonly string[]).includes(value);
}

export type PageCommandResult =
  | { command: 'declutter'; status: DeclutterStatus }
  | { command: 'reader'; opened: ReaderOpened }
  | { command: 'save'; saved: SavePayload['kind'] }
  | { command: PageCommand; error: string };

const BADGE_MS = 2500;

/** A short mark on the toolbar button: the only feedback a shortcut has. */
function badge(tabId: number, text: string, color: string): void {
  const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  if (!action) return;
  void action.setBadgeBackgroundColor({ tabId, color }).catch(() => {});
  void action.setBadgeText({ tabId, text }).catch(() => {});
  setTimeout(() => void action.setBadgeText({ tabId, text: '' }).catch(() => {}), BADGE_MS);
}

/** The content script every command injects (the reader's files start with it). */
const CONTENT_SCRIPT = READER_SCRIPT_FILES[0];

/** The article in a tab, extracted as an explicit action does it (no readerable pre-check), off the page. */
export async function extractFromTab(tabId: number): Promise<PageExtract> {
  await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
  return extractTab(tabId);
}

/**
 * Runs a command in a tab: injects the content script (the shortcut or the menu click granted
 * activeTab for it) and asks it to act; a save is written here, in the extension's own database.
 */
export async function runPageCommand(command: PageCommand, tab: Browser.tabs.Tab | undefined): Promise<PageCommandResult> {
  const tabId = tab?.id;
  if (tabId === undefined || tabId < 0) return { command, error: 'No tab to act on.' };
  const access = pageAccess(tab?.url);
  // A browser page or a PDF cannot be read; its link can still be saved.
  if (access !== 'ok') {
    if (command === 'save' && tab?.url && access !== 'no-access') {
      await saveArticle(getDb(), { kind: 'link', link: { url: tab.url, canonicalUrl: normalizeUrl(tab.url), title: tab.title || tab.url } });
      badge(tabId, '✓', '#2e7d32');
      return { command, saved: 'link' };
    }
    badge(tabId, '!', '#b00020');
    return { command, error: `Kliping cannot run on this page (${access}).` };
  }
  try {
    const files = command === 'reader' ? [...READER_SCRIPT_FILES] : [CONTENT_SCRIPT];
    // The parser is made ready while the script goes in: the page will ask it directly.
    await Promise.all([browser.scripting.executeScript({ target: { tabId }, files: [...files] }), ensureParser()]);
    switch (command) {
      case 'declutter': {
        const status = await contentMessenger.sendMessage('declutter', 'toggle', tabId);
        if ('error' in status) badge(tabId, '!', '#b00020');
        return { command, status };
      }
      case 'reader': {
        const opened = await contentMessenger.sendMessage('openReader', undefined, tabId);
        if (!opened.ok) badge(tabId, '!', '#b00020');
        return { command, opened };
      }
      case 'save': {
        const result = await extractTab(tabId);
        const payload: SavePayload = result.ok
          ? { kind: 'article', article: result.article }
          : { kind: 'link', link: { url: result.url, canonicalUrl: result.canonicalUrl, title: result.title } };
        const record = await saveArticle(getDb(), payload);
        badge(tabId, '✓', '#2e7d32');
        void keepImagesAfterSave(getDb(), record.id);
        return { command, saved: payload.kind };
      }
    }
  } catch (error) {
    badge(tabId, '!', '#b00020');
    return { command, error: error instanceof Error ? error.message : String(error) };
  }
}
