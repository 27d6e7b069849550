import { backgroundMessenger } from './messaging';

/**
 * The content script's side of the parser (ParserProtocol): `ask` sends a request straight to
 * it. When it fails (Chromium's offscreen document not made yet: no one answers), the background
 * is asked to start the parser, and the request is sent once more; a failure of the parse itself
 * fails twice, as it would have once.
 */
export function withParser<T>(ask: () => Promise<T>): Promise<T> {
  return ask().catch(() => backgroundMessenger.sendMessage('startParser', undefined).then(ask));
}
