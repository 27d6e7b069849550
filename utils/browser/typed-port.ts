import { browser, type Browser } from 'wxt/browser';

/*
 * The one typed wrapper for Kliping's long-lived ports, on both of their ends. A port carries
 * untyped messages; the two casts below are the only place that says what travels on one, and
 * each end is the only sender of what the other receives. The message types of each port live
 * in utils/browser/messaging.ts.
 */

/** The page side of a port: requests out, replies in. */
export interface TypedPort<Request> {
  send(request: Request): void;
  close(): void;
}

/** Connects to the background; `onReply` hears every answer in order, `onClosed` a lost background. */
export function connectTypedPort<Request, Reply>(name: string, onReply: (reply: Reply) => void, onClosed?: () => void): TypedPort<Request> {
  const port = browser.runtime.connect({ name });
  // Only the background's end (acceptTypedPorts) posts on this port.
  port.onMessage.addListener((message) => onReply(message as Reply));
  if (onClosed) port.onDisconnect.addListener(() => onClosed());
  return {
    send: (request) => port.postMessage(request),
    close: () => port.disconnect(),
  };
}

/** The background side of one connected page: replies out (dropped once the page is gone). */
export interface TypedPeer<Reply> {
  reply(message: Reply): void;
}

/**
 * Serves every page that connects on `name`: `onOpen` is called once per port and returns the
 * handler of its requests, and optionally what to do when the page goes away.
 */
export function acceptTypedPorts<Request, Reply>(
  name: string,
  onOpen: (peer: TypedPeer<Reply>) => ((request: Request) => void) | { handle(request: Request): void; closed(): void },
): void {
  browser.runtime.onConnect.addListener((port: Browser.runtime.Port) => {
    if (port.name !== name) return;
    let open = true;
    const opened = onOpen({
      reply: (message) => {
        if (open) port.postMessage(message);
      },
    });
    const { handle, closed } = typeof opened === 'function' ? { handle: opened, closed: undefined } : opened;
    port.onDisconnect.addListener(() => {
      open = false;
      closed?.();
    });
    // Only the page's end (connectTypedPort) posts on this port.
    port.onMessage.addListener((message) => handle(message as Request));
  });
}
