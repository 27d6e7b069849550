import { i18n } from '#i18n';
import { getDb } from '@/utils/data/schema';
import { backgroundMessenger } from '@/utils/browser/messaging';
import { extractFromTab, isPageCommand, PAGE_COMMANDS, runPageCommand, type PageCommand } from '@/utils/browser/page-commands';
import { bytesToBase64, DYSLEXIC_FONT_PATH } from '@/utils/core/reader/font';
import { keepImagesAfterSave, savedImageData, savedImagesFor } from '@/utils/browser/image-service';
import { PageSession } from '@/utils/browser/page-session';
import { acceptPageSessionPorts } from '@/utils/browser/page-session-port';
import { serveLibraryWrites } from '@/utils/browser/library-write-service';
import { acceptImports } from '@/utils/browser/import-port';
import { watchSitePrefs } from '@/utils/browser/site-scripts';
import { SYNC_ALARM, SyncService } from '@/utils/browser/sync/service';
import { ensureParser, parsesHere, serveParser } from '@/utils/browser/off-page';
import { runPath, timeCommand } from '@/utils/browser/off-page-diff';
import { declutterPage } from '@/utils/browser/active-page';
import { installTestHooks } from '@/utils/browser/test-hooks';

const MENU_TITLES: Record<PageCommand, () => string> = {
  declutter: () => i18n.t('declutter.menuDeclutter'),
  reader: () => i18n.t('declutter.menuReader'),
  save: () => i18n.t('declutter.menuSave'),
};
const MENU_PREFIX = 'kliping-';

export default defineBackground(() => {
  // The popup's and the reader view's pages: their saves, notes and tags.
  acceptPageSessionPorts((peer) => {
    const session = new PageSession(getDb(), peer.reply, (articleId) => void keepImagesAfterSave(getDb(), articleId));
    return (request) => void session.handle(request);
  });
  // The library's writes.
  serveLibraryWrites(getDb);
  acceptImports(getDb);

  // Shortcuts (manifest `commands`) and the page's context menu run the same three actions.
  browser.commands.onCommand.addListener((command, tab) => {
    if (!isPageCommand(command)) return;
    void (tab ? Promise.resolve(tab) : activeTab()).then((target) => runPageCommand(command, target));
  });
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() => {
      for (const command of PAGE_COMMANDS) {
        browser.contextMenus.create({ id: MENU_PREFIX + command, title: MENU_TITLES[command](), contexts: ['page'] });
      }
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    const command = String(info.menuItemId).slice(MENU_PREFIX.length);
    if (isPageCommand(command)) void runPageCommand(command, tab);
  });

  watchSitePrefs();

  // Sync: idle (no request at all) until the user turns it on in Settings.
  const sync = new SyncService(getDb());
  void sync.resume();
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void sync.resume();
  });
  backgroundMessenger.onMessage('syncStart', ({ data }) => sync.start(data));
  backgroundMessenger.onMessage('syncNow', () => sync.now());
  backgroundMessenger.onMessage('syncStop', () => sync.stop());

  // Test builds only: automation cannot press a browser shortcut or click a context menu, so
  // the e2e tests call the very handler those two run, from the service worker.
  if (import.meta.env.MODE === 'e2e') {
    installTestHooks({
      runPageCommand,
      extractFromTab,
      runPath,
      timeCommand,
      keepImages: (articleId: number) => keepImagesAfterSave(getDb(), articleId),
      declutterTab: declutterPage,
    });
  }
  // The reader's UI is injected only into a frame that asks for it, and only where the content
  // script itself already runs (so the access activeTab or a host permission gave is enough).
  backgroundMessenger.onMessage('loadReader', async ({ sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new Error('loadReader comes from a tab only');
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [sender.frameId ?? 0] },
      files: ['/content-scripts/reader.js'],
    });
  });

  // A content script's snapshot, parsed off the page: here in Firefox, in the offscreen document in Chromium.
  if (parsesHere()) serveParser();
  backgroundMessenger.onMessage('startParser', () => ensureParser());

  backgroundMessenger.onMessage('savedImages', ({ data }) => savedImagesFor(getDb(), data.canonicalUrl));
  backgroundMessenger.onMessage('savedImage', ({ data }) => savedImageData(getDb(), data.hash));
  backgroundMessenger.onMessage('readerFont', async () => {
    const response = await fetch(browser.runtime.getURL(DYSLEXIC_FONT_PATH));
    return bytesToBase64(await response.arrayBuffer());
  });
});

async function activeTab() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}
