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

/** Resolves after the frame that shows the current DOM has been painted. */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const afterTask = () => {
      // A rAF callback runs before paint; a task queued from it runs after.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    };
    // A hidden tab paints nothing and runs no animation frames: do not wait for one.
    if (document.visibilityState === 'hidden') afterTask();
    else requestAnimationFrame(afterTask);
  });
}
