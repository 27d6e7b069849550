import { browser, type Browser } from 'wxt/browser';
import { PAGE_SESSION_PORT, type PageSessionReply, type PageSessionRequest } from './messaging';

/*
 * The one typed wrapper for the long-lived page-session port, on both of its ends. A port carries
 * untyped messages; the two casts below are the only place that says what travels on it, and
 * each end is the only sender of what the other receives.
 */

/** The page side (popup, reader view): requests out, replies in. */
export interface PageSessionPort {
  send(request: PageSessionRequest): void;
  close(): void;
}

/** Connects to the background; `onReply` hears every answer, in the order they were sent. */
export function openPageSessionPort(onReply: (reply: PageSessionReply) => void): PageSessionPort {
  const port = browser.runtime.connect({ name: PAGE_SESSION_PORT });
  // Only the background's end (acceptPageSessionPorts) posts on this port.
  port.onMessage.addListener((message) => onReply(message as PageSessionReply));
  return {
    send: (request) => port.postMessage(request),
    close: () => port.disconnect(),
  };
}

/** The background side of one connected page: replies out (dropped once the page is gone). */
export interface PageSessionPeer {
  reply(message: PageSessionReply): void;
}

/**
 * Serves every page that connects: `onOpen` is called once per port and returns the handler of
 * its requests. Replies to a closed page are dropped; its writes still finish.
 */
export function acceptPageSessionPorts(onOpen: (peer: PageSessionPeer) => (request: PageSessionRequest) => void): void {
  browser.runtime.onConnect.addListener((port: Browser.runtime.Port) => {
    if (port.name !== PAGE_SESSION_PORT) return;
    let open = true;
    port.onDisconnect.addListener(() => {
      open = false;
    });
    const handle = onOpen({
      reply: (message) => {
        if (open) port.postMessage(message);
      },
    });
    // Only the page's end (openPageSessionPort) posts on this port.
    port.onMessage.addListener((message) => handle(message as PageSessionRequest));
  });
}
