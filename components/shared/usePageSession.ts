import { useEffect, useRef, useState } from 'preact/hooks';
import type { SavePayload } from '@/utils/core/article';
import type { SavedState } from '@/utils/data/articles';
import type { PageSessionRequest } from '@/utils/browser/messaging';
import { openPageSessionPort, type PageSessionPort } from '@/utils/browser/page-session-port';

/** What the popup and the reader view know of their page's session with the background. */
export interface PageSessionView {
  state: SavedState | null;
  /** True once the background has answered whether the page is saved. */
  ready: boolean;
  error: string | null;
  send(request: PageSessionRequest): void;
}

/**
 * A port to the background for one page, opened once the page is known: the popup and the reader
 * view both save and take notes through it, and the background writes the database.
 */
export function usePageSession(page: SavePayload | null): PageSessionView {
  const port = useRef<PageSessionPort | null>(null);
  const [state, setState] = useState<SavedState | null>(null);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!page) return;
    const connection = openPageSessionPort((reply) => {
      if (reply.type === 'error') {
        setError(reply.message);
        return;
      }
      setError(null);
      setState(reply.state);
      setReady(true);
    });
    port.current = connection;
    connection.send({ type: 'open', page });
    return () => connection.close();
  }, [page]);

  return {
    state,
    ready,
    error,
    send: (request) => port.current?.send(request),
  };
}
