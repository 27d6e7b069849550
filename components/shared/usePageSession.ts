import { useEffect, useRef, useState } from 'preact/hooks';
import { canonicalUrlOf, type SavePayload } from '@/utils/core/article';
import { draftToReplay, type NoteDrafts } from '@/utils/core/note-draft';
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
 *
 * With `drafts` (extension pages only), each note is also kept as typed until a reply shows the
 * database has it, and a note whose last keystrokes never arrived is handed on again at the next open.
 */
export function usePageSession(page: SavePayload | null, drafts?: NoteDrafts): PageSessionView {
  const port = useRef<PageSessionPort | null>(null);
  /** The note the database last confirmed: what a draft typed now is typed over. */
  const confirmedNotes = useRef('');
  const [state, setState] = useState<SavedState | null>(null);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!page) return;
    const url = canonicalUrlOf(page);
    let opened = false;
    /** Set while a replayed draft is on its way: the fields open once the database has it. */
    let replaying = false;
    const connection = openPageSessionPort((reply) => {
      if (reply.type === 'error') {
        setError(reply.message);
        if (replaying) {
          replaying = false;
          setReady(true);
        }
        return;
      }
      setError(null);
      const stored = reply.state?.notes ?? '';
      confirmedNotes.current = stored;
      const draft = drafts?.read(url) ?? null;
      if (draft?.text === stored) drafts?.clear(url);
      if (!opened) {
        opened = true;
        const replay = draftToReplay(draft, stored);
        if (replay !== null) {
          replaying = true;
          connection.send({ type: 'notes', text: replay });
          return;
        }
        if (draft) drafts?.clear(url);
      }
      replaying = false;
      setState(reply.state);
      setReady(true);
    });
    port.current = connection;
    drafts?.sweep();
    connection.send({ type: 'open', page });
    return () => connection.close();
  }, [page, drafts]);

  return {
    state,
    ready,
    error,
    send: (request) => {
      if (request.type === 'notes' && page && drafts) drafts.write(canonicalUrlOf(page), request.text, confirmedNotes.current);
      port.current?.send(request);
    },
  };
}
