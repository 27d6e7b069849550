import { getDb } from '@/utils/db/schema';
import { POPUP_SESSION_PORT, type SessionRequest } from '@/utils/messaging';
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
});
