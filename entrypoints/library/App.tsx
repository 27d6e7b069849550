import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { ArticleReader } from '@/components/library/ArticleReader';
import type { ArticleActionHandlers } from '@/components/library/ArticleActions';
import { INITIAL_LIST_STATE, LibraryList, type ListState } from '@/components/library/LibraryList';
import { StorageInfo } from '@/components/library/StorageInfo';
import { TransferPanel } from '@/components/library/TransferPanel';
import { UndoToast } from '@/components/library/UndoToast';
import { useLibrary } from '@/components/library/useLibrary';
import { useWriter } from '@/components/library/useWriter';
import { WriteFailureBanner } from '@/components/library/WriteFailureBanner';
import { LibraryStore } from '@/utils/data/library-store';
import { getDb } from '@/utils/data/schema';
import { backgroundMessenger, type DeletionReceipt } from '@/utils/browser/messaging';
import { openExtensionPage } from '@/utils/browser/extension-pages';

/** `#/article/12` opens a saved copy; anything else is the list. */
function articleIdFromHash(hash: string): number | null {
  const match = /^#\/article\/(\d+)$/.exec(hash);
  return match ? Number(match[1]) : null;
}

function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onChange = () => setHash(location.hash);
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return hash;
}

export function App() {
  const store = useMemo(() => new LibraryStore(getDb()), []);
  const locale = browser.i18n.getUILanguage();
  const openId = articleIdFromHash(useHash());
  const library = useLibrary(store);
  const { failure, write } = useWriter();
  const [list, setList] = useState<ListState>(INITIAL_LIST_STATE);
  const [undo, setUndo] = useState<DeletionReceipt | null>(null);
  const onState = useCallback((update: Partial<ListState>) => setList((state) => ({ ...state, ...update })), []);
  const onOpen = useCallback((id: number) => {
    location.hash = `#/article/${id}`;
  }, []);

  const actionsFor = useCallback(
    (ids: number[]): ArticleActionHandlers => ({
      flags: (flags) => void write(() => backgroundMessenger.sendMessage('setFlags', { ids, flags })),
      addTags: (tags) => void write(() => backgroundMessenger.sendMessage('addTags', { ids, tags })),
      remove: () =>
        void write(async () => {
          setUndo(await backgroundMessenger.sendMessage('deleteArticles', { ids }));
          setList((state) => ({ ...state, selected: new Set([...state.selected].filter((id) => !ids.includes(id))) }));
          if (openId !== null && ids.includes(openId)) location.hash = '#/';
        }),
    }),
    [write, openId],
  );
  const expireUndo = useCallback(() => setUndo(null), []);
  const readerActions = useMemo(() => (openId === null ? null : actionsFor([openId])), [actionsFor, openId]);

  useEffect(() => {
    if (openId === null) document.title = i18n.t('library.title');
  }, [openId]);

  return (
    <div class="library">
      <header class="library__bar">
        {/* The page's one h1 on the list; over a saved copy, the article's title is. */}
        {openId === null ? (
          <h1 class="library__brand">
            <a href="#/">{i18n.t('library.title')}</a>
          </h1>
        ) : (
          <a class="library__brand" href="#/">
            {i18n.t('library.title')}
          </a>
        )}
        {openId !== null && (
          <a class="library__back" href="#/" title={i18n.t('library.backHint')} data-testid="back-to-list">
            ← {i18n.t('library.back')}
          </a>
        )}
        <StorageInfo locale={locale} refresh={library.version} />
        <button type="button" class="button button--link library__settings" data-testid="open-settings" onClick={() => void openExtensionPage('/options.html')}>
          {i18n.t('popup.settings')}
        </button>
      </header>
      <WriteFailureBanner failure={failure} />
      {openId === null && (
        <details class="library__transfer" data-testid="transfer-toggle">
          <summary>
            <h2 class="library__transfer-title" id="transfer-title">
              {i18n.t('transfer.title')}
            </h2>
          </summary>
          <TransferPanel store={store} />
        </details>
      )}
      {openId === null || !readerActions ? (
        library.loaded && <LibraryList library={library} locale={locale} state={list} onState={onState} actionsFor={actionsFor} onOpen={onOpen} />
      ) : (
        <main class="library__reader">
          <ArticleReader key={openId} store={store} id={openId} locale={locale} write={write} actions={readerActions} />
        </main>
      )}
      {undo && (
        <UndoToast
          key={undo.undoId}
          count={undo.ids.length}
          onExpire={expireUndo}
          onUndo={() => {
            const deleted = undo;
            setUndo(null);
            void write(() => backgroundMessenger.sendMessage('restoreArticles', { undoId: deleted.undoId }));
          }}
        />
      )}
    </div>
  );
}
