import { getDb } from '@/utils/db/schema';
import { backgroundMessenger, POPUP_SESSION_PORT, type SessionRequest } from '@/utils/messaging';
import { bytesToBase64, DYSLEXIC_FONT_PATH } from '@/utils/reader/font';
import { PopupSession } from '@/utils/session';

export default defineBackground(() => {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== POPUP_SESSION_PORT) return;
    let open = true;
    port.onDisconnect.addListener(() => {
      open = false;
    });
    // Replies to a closed popup are dropped; its writes still finish.
    const session = new PopupSession(getDb(), (message) => {
      if (open) port.postMessage(message);
    });
    port.onMessage.addListener((message) => {
      void session.handle(message as SessionRequest);
    });
  });

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

  backgroundMessenger.onMessage('readerFont', async () => {
    const response = await fetch(browser.runtime.getURL(DYSLEXIC_FONT_PATH));
    return bytesToBase64(await response.arrayBuffer());
  });
});
