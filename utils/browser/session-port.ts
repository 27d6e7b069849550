import { browser } from 'wxt/browser';
import { POPUP_SESSION_PORT, type SessionReply, type SessionRequest } from './messaging';

/** The page side of the long-lived port to the background's session for one open page. */
export interface SessionPort {
  send(request: SessionRequest): void;
  close(): void;
}

/** Connects to the background; `onReply` hears every answer, in the order they were sent. */
export function openSessionPort(onReply: (reply: SessionReply) => void): SessionPort {
  const port = browser.runtime.connect({ name: POPUP_SESSION_PORT });
  // The background's PopupSession is the only sender on this port (utils/browser/session.ts).
  port.onMessage.addListener((message) => onReply(message as SessionReply));
  return {
    send: (request) => port.postMessage(request),
    close: () => port.disconnect(),
  };
}
