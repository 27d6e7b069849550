import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { ArticleSummary } from '@/components/shared/ArticleSummary';
import { NotesAndTags } from '@/components/shared/NotesAndTags';
import { DeclutterButton } from '@/components/popup/DeclutterButton';
import { SiteActionToggles } from '@/components/popup/SiteActionToggles';
import { siteOriginOf } from '@/utils/core/site-prefs';
import type { SavePayload } from '@/utils/core/article';
import { NoteDrafts } from '@/utils/core/note-draft';
import { lookUpPage, targetTab, type PageLookup } from '@/utils/browser/active-page';
import { openReaderInTab } from '@/utils/browser/reader-remote';
import { usePageSession } from '@/components/shared/usePageSession';
import { openExtensionPage, type ExtensionPage } from '@/utils/browser/extension-pages';

const UNREADABLE_MESSAGE = {
  'browser-page': () => i18n.t('restricted.browserPage'),
  pdf: () => i18n.t('restricted.pdf'),
  file: () => i18n.t('restricted.file'),
  'no-access': () => i18n.t('restricted.noAccess'),
  'not-article': () => i18n.t('restricted.notArticle'),
} as const;

/** Without the tab's address there is no link to save either: say so, promise nothing. */
const NO_LINK_MESSAGE = {
  'browser-page': () => i18n.t('restricted.browserPageNoLink'),
  pdf: () => i18n.t('restricted.pdfNoLink'),
  file: () => i18n.t('restricted.fileNoLink'),
  'no-access': () => i18n.t('restricted.noAccessNoLink'),
  'not-article': () => i18n.t('restricted.notArticle'),
} as const;

/** The popup's own storage (never a site's): notes typed as the popup closes survive in it. */
const noteDrafts = new NoteDrafts(localStorage);

function payloadOf(lookup: PageLookup | null): SavePayload | null {
  if (!lookup) return null;
  if (lookup.kind === 'article') return { kind: 'article', article: lookup.result.article };
  return lookup.link ? { kind: 'link', link: lookup.link } : null;
}

export function App() {
  const [lookup, setLookup] = useState<PageLookup | null>(null);
  const [readerError, setReaderError] = useState<string | null>(null);
  const page = useMemo(() => payloadOf(lookup), [lookup]);
  const session = usePageSession(page, noteDrafts);
  const locale = browser.i18n.getUILanguage();

  useEffect(() => {
    void targetTab(location.search).then(lookUpPage).then(setLookup);
  }, []);

  const openPage = async (path: ExtensionPage) => {
    await openExtensionPage(path);
    window.close();
  };
  const openLibrary = () => openPage('/library.html');
  const openSettings = () => openPage('/options.html');

  /** The reader opens over the page with the article the popup extracted; the popup then gets out of the way. */
  const openReader = async (tabId: number) => {
    setReaderError(null);
    try {
      const opened = await openReaderInTab(tabId, 0, lookup?.kind === 'article' ? lookup.result.article : undefined);
      if (opened.ok) window.close();
      else setReaderError(i18n.t('reader.notArticle'));
    } catch (error) {
      setReaderError(i18n.t('reader.failed', [error instanceof Error ? error.message : String(error)]));
    }
  };

  if (!lookup) {
    return (
      <main class="popup" aria-busy="true">
        <p class="popup__status">{i18n.t('popup.finding')}</p>
      </main>
    );
  }

  const saved = session.state !== null;
  const article = lookup.kind === 'article' ? lookup.result.article : null;
  const unreadable = lookup.kind === 'unreadable' ? lookup : null;

  return (
    <main class="popup">
      {lookup.kind === 'article' && lookup.unsure && (
        <p class="popup__notice" role="status" data-testid="unsure">
          {i18n.t('popup.unsure')}
        </p>
      )}
      {article && <ArticleSummary {...article} locale={locale} />}
      {unreadable && (
        <>
          <p class="popup__notice" role="status" data-testid="unreadable">
            {(unreadable.link ? UNREADABLE_MESSAGE : NO_LINK_MESSAGE)[unreadable.why]()}
          </p>
          {unreadable.link && (
            <ArticleSummary title={unreadable.link.title} url={unreadable.link.url} siteName={null} byline={null} publishedTime={null} readingMinutes={0} />
          )}
        </>
      )}

      {page && (
        <div class="popup__actions">
          {/* Once saved, the ✓ line below says so; the button only offers to save again. */}
          <button
            type="button"
            class={saved ? 'button' : 'button button--primary'}
            data-testid="save"
            disabled={!session.ready}
            title={saved ? i18n.t('popup.updateHint') : undefined}
            onClick={() => session.send({ type: 'save' })}
          >
            {saved ? i18n.t('popup.update') : article ? i18n.t('popup.save') : i18n.t('popup.saveLink')}
          </button>
          <button
            type="button"
            class="button"
            data-testid="reader-view"
            disabled={!article}
            onClick={() => lookup.kind === 'article' && void openReader(lookup.tabId)}
          >
            {i18n.t('popup.readerView')}
          </button>
          <DeclutterButton tabId={article ? lookup.tabId : null} />
        </div>
      )}
      {saved && (
        <p class="popup__saved" role="status" data-testid="saved-status">
          ✓ {i18n.t('popup.saved')}
        </p>
      )}
      {readerError && (
        <p class="popup__error" role="alert" data-testid="reader-error">
          {readerError}
        </p>
      )}
      {session.error && (
        <p class="popup__error" role="alert">
          {i18n.t('popup.saveFailed', [session.error])}
        </p>
      )}

      {article && siteOriginOf(article.url) && <SiteActionToggles site={siteOriginOf(article.url)!} name={article.siteName} />}

      {page && session.ready && (
        <NotesAndTags
          initialNotes={session.state?.notes ?? ''}
          initialTags={session.state?.tags ?? []}
          onNotes={(text) => session.send({ type: 'notes', text })}
          onTags={(tags) => session.send({ type: 'tags', tags })}
        />
      )}

      <footer class="popup__footer">
        <button type="button" class="button button--link" data-testid="open-settings" onClick={openSettings}>
          {i18n.t('popup.settings')}
        </button>
        <button type="button" class="button button--link" data-testid="open-library" onClick={openLibrary}>
          {i18n.t('popup.openLibrary')}
        </button>
      </footer>
    </main>
  );
}
