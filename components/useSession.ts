import { useEffect, useRef, useState } from 'preact/hooks';
import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';
import type { SavePayload } from '@/utils/article';
import type { SavedState } from '@/utils/db/articles';
import { POPUP_SESSION_PORT, type SessionReply, type SessionRequest } from '@/utils/messaging';

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
  const port = useRef<Browser.runtime.Port | null>(null);
  const [state, setState] = useState<SavedState | null>(null);
  const [ready, setReady] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!page) return;
    const connection = browser.runtime.connect({ name: POPUP_SESSION_PORT });
    port.current = connection;
    connection.onMessage.addListener((message) => {
      const reply = message as SessionReply;
      if (reply.type === 'error') {
        setError(reply.message);
        return;
      }
      setError(null);
      setState(reply.state);
      setReady(true);
      if (reply.saved) setJustSaved(true);
    });
    connection.postMessage({ type: 'open', page } satisfies SessionRequest);
    return () => connection.disconnect();
  }, [page]);

  return {
    state,
    ready,
    justSaved,
    error,
    send: (request) => port.current?.postMessage(request),
  };
}
