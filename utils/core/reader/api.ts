import type { Article } from '../article';

/**
 * What the reader's lazily injected script offers the always-injected content script. Both run
 * in the same isolated world of a frame, so a well-known global is the handshake.
 */
export interface ReaderApi {
  /** Resolves once the reader is painted. */
  open(article: Article): Promise<void>;
  close(): boolean;
  isOpen(): boolean;
}

const READER_API = Symbol.for('kliping.reader');

type Scope = typeof globalThis & { [READER_API]?: ReaderApi };

export function installedReader(): ReaderApi | undefined {
  return (globalThis as Scope)[READER_API];
}

export function installReader(api: ReaderApi): void {
  (globalThis as Scope)[READER_API] = api;
}
