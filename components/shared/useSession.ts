import { useEffect, useRef, useState } from 'preact/hooks';
import type { SavePayload } from '@/utils/core/article';
import type { SavedState } from '@/utils/data/articles';
import type { SessionRequest } from '@/utils/browser/messaging';
import { openSessionPort, type SessionPort } from '@/utils/browser/session-port';

export interface Session {
  state: SavedState | null;
  /** True once the background has answered whether the page is saved. */
  ready: boolean;
  justSaved: boolean;
  error: string | null;
  send(request: SessionRequest): void;
}

/**
 * A port to the background for one page, opened once the page is known: the popup and the reader
 * view both save and take notes through it, and the background writes the database.
 */
export function useSession(page: SavePayload | null): Session {
  const port = useRef<SessionPort | null>(null);
  const [state, setState] = useState<SavedState | null>(null);
  const [ready, setReady] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!page) return;
    const connection = openSessionPort((reply) => {
      if (reply.type === 'error') {
        setError(reply.message);
        return;
      }
      setError(null);
      setState(reply.state);
      setReady(true);
      if (reply.saved) setJustSaved(true);
    });
    port.current = connection;
    connection.send({ type: 'open', page });
    return () => connection.close();
  }, [page]);

  return {
    state,
    ready,
    justSaved,
    error,
    send: (request) => port.current?.send(request),
  };
}
