import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLatest } from '../shared/useLatest';
import './transfer.css';
import { holdsOrigins, requestOrigins } from '@/utils/browser/permissions';
import { i18n } from '#i18n';
import type { ArticleRecord } from '@/utils/data/schema';
import { fetchArticle, originPattern } from '@/utils/core/transfer/fetch-article';
import { backgroundMessenger } from '@/utils/browser/messaging';
import { hostLabel } from '@/utils/core/url';

type State = { kind: 'idle' } | { kind: 'fetching' } | { kind: 'denied' } | { kind: 'failed'; detail: string } | { kind: 'not-article' };

/**
 * Shown for an imported link whose article is not stored yet. Fetches it at once when the site's
 * permission is already granted; otherwise asks for it when the user presses the button (a
 * permission request needs the user's click).
 */
export function FetchArticle({ article }: { article: ArticleRecord }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const started = useRef(false);
  const origins = useMemo(() => [originPattern(article.url)], [article.url]);

  const run = async () => {
    if (started.current) return;
    started.current = true;
    setState({ kind: 'fetching' });
    try {
      const result = await fetchArticle(article.url, { fetch: globalThis.fetch.bind(globalThis), win: window });
      if (result.ok) {
        // The background stores it, then keeps its images (when "Keep images offline" is on).
        await backgroundMessenger.sendMessage('saveFetchedArticle', { articleId: article.id, article: result.article });
        // The live query showing this article re-renders with the saved copy.
        return;
      }
      if (result.reason === 'no-content' || result.reason === 'not-readerable' || result.reason === 'not-html') {
        await backgroundMessenger.sendMessage('markLinkOnly', { articleId: article.id });
        setState({ kind: 'not-article' });
      } else {
        setState({ kind: 'failed', detail: result.detail });
      }
    } catch (error) {
      setState({ kind: 'failed', detail: error instanceof Error ? error.message : String(error) });
    } finally {
      started.current = false;
    }
  };

  // The permission check answers later: it runs the render's latest `run`, not the first one's.
  const latestRun = useLatest(run);
  useEffect(() => {
    let live = true;
    holdsOrigins(origins)
      .then((granted) => {
        if (granted && live) void latestRun.current();
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
    // Once per article opened (its origins change only with it).
  }, [origins, latestRun]);

  const onClick = () => {
    // Asked straight from the click: browsers only grant permissions to a user gesture.
    requestOrigins(origins)
      .then((granted) => (granted ? run() : setState({ kind: 'denied' })))
      .catch((error: unknown) => setState({ kind: 'failed', detail: String(error) }));
  };

  const host = hostLabel(article.url);
  return (
    <div class="fetch-article" data-testid="fetch-article">
      {state.kind === 'not-article' ? (
        <p>{i18n.t('transfer.fetch.notArticle')}</p>
      ) : (
        <>
          <p>{i18n.t('transfer.fetch.pending', [host])}</p>
          <button type="button" class="button button--primary" data-testid="fetch-article-button" disabled={state.kind === 'fetching'} onClick={onClick}>
            {state.kind === 'fetching' ? i18n.t('transfer.fetch.fetching') : i18n.t('transfer.fetch.button')}
          </button>
        </>
      )}
      {state.kind === 'denied' && <p class="transfer__error" role="alert">{i18n.t('transfer.fetch.denied', [host])}</p>}
      {state.kind === 'failed' && (
        <p class="transfer__error" role="alert">
          {i18n.t('transfer.fetch.failed', [state.detail])}
        </p>
      )}
    </div>
  );
}
