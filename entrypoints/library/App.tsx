import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { ArticleReader } from '@/components/library/ArticleReader';
import type { BulkActions } from '@/components/library/BulkBar';
import { INITIAL_LIST_STATE, LibraryList, type ListState } from '@/components/library/LibraryList';
import { StorageInfo } from '@/components/library/StorageInfo';
import { TransferPanel } from '@/components/TransferPanel';
import { UndoToast } from '@/components/library/UndoToast';
import { useLibrary } from '@/components/library/useLibrary';
import { useWriter } from '@/components/library/useWriter';
import { WriteFailureBanner } from '@/components/library/WriteFailureBanner';
import { addTags, deleteArticles, restoreArticles, setFlags, type DeletedArticles } from '@/utils/db/library';
import { getDb } from '@/utils/db/schema';

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
  const db = getDb();
  const locale = browser.i18n.getUILanguage();
  const openId = articleIdFromHash(useHash());
  const library = useLibrary(db);
  const { failure, write } = useWriter();
  const [list, setList] = useState<ListState>(INITIAL_LIST_STATE);
  const [undo, setUndo] = useState<DeletedArticles | null>(null);
  const onState = useCallback((update: Partial<ListState>) => setList((state) => ({ ...state, ...update })), []);
  const onOpen = useCallback((id: number) => {
    location.hash = `#/article/${id}`;
  }, []);

  const actionsFor = useCallback(
    (ids: number[]): BulkActions => ({
      flags: (flags) => void write(() => setFlags(db, ids, flags)),
      addTags: (tags) => void write(() => addTags(db, ids, tags)),
      remove: () =>
        void write(async () => {
          setUndo(await deleteArticles(db, ids));
          setList((state) => ({ ...state, selected: new Set([...state.selected].filter((id) => !ids.includes(id))) }));
          if (openId !== null && ids.includes(openId)) location.hash = '#/';
        }),
    }),
    [db, write, openId],
  );
  const expireUndo = useCallback(() => setUndo(null), []);
  const readerActions = useMemo(() => (openId === null ? null : actionsFor([openId])), [actionsFor, openId]);

  useEffect(() => {
    if (openId === null) document.title = i18n.t('library.title');
  }, [openId]);

  return (
    <div class="library">
      <header class="library__bar">
        <a class="library__brand" href="#/">
          {i18n.t('library.title')}
        </a>
        {openId !== null && (
          <a class="library__back" href="#/">
            ← {i18n.t('library.back')}
          </a>
        )}
        <StorageInfo locale={locale} refresh={library.version} />
      </header>
      <WriteFailureBanner failure={failure} />
      {openId === null && (
        <details class="library__transfer" data-testid="transfer-toggle">
          <summary>{i18n.t('transfer.title')}</summary>
          <TransferPanel />
        </details>
      )}
      {openId === null || !readerActions ? (
        library.loaded && <LibraryList library={library} locale={locale} state={list} onState={onState} actionsFor={actionsFor} onOpen={onOpen} />
      ) : (
        <main class="library__reader">
          <ArticleReader key={openId} db={db} id={openId} locale={locale} write={write} actions={readerActions} />
        </main>
      )}
      {undo && (
        <UndoToast
          key={undo.articles.map((article) => article.id).join(',')}
          count={undo.articles.length}
          onExpire={expireUndo}
          onUndo={() => {
            const deleted = undo;
            setUndo(null);
            void write(() => restoreArticles(db, deleted));
          }}
        />
      )}
    </div>
  );
}
