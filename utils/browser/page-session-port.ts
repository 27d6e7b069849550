import { PAGE_SESSION_PORT, type PageSessionReply, type PageSessionRequest } from './messaging';
import { acceptTypedPorts, connectTypedPort, type TypedPeer, type TypedPort } from './typed-port';

/** The page side (popup, reader view): requests out, replies in. */
export type PageSessionPort = TypedPort<PageSessionRequest>;

/** Connects to the background; `onReply` hears every answer, in the order they were sent. */
export function openPageSessionPort(onReply: (reply: PageSessionReply) => void): PageSessionPort {
  return connectTypedPort<PageSessionRequest, PageSessionReply>(PAGE_SESSION_PORT, onReply);
}

/** The background side of one connected page: replies out (dropped once the page is gone). */
export type PageSessionPeer = TypedPeer<PageSessionReply>;

/**
 * Serves every page that connects: `onOpen` is called once per port and returns the handler of
 * its requests. Replies to a closed page are dropped; its writes still finish.
 */
export function acceptPageSessionPorts(onOpen: (peer: PageSessionPeer) => (request: PageSessionRequest) => void): void {
  acceptTypedPorts<PageSessionRequest, PageSessionReply>(PAGE_SESSION_PORT, onOpen);
}
