import type { ComponentChildren, Ref } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { ReaderArticle } from '../reader/ReaderArticle';
import { ReaderControls } from '../reader/ReaderControls';
import { useKeptImages } from '../shared/useKeptImages';
import { useReaderPrefs, useResolvedTheme } from '../reader/useReaderPrefs';
import type { SavedCopy as SavedCopyData } from '@/utils/data/articles';
import { DYSLEXIC_FONT_PATH, ensureDyslexicFont } from '@/utils/core/reader/font';
import { readerStyle } from '@/utils/core/reader/prefs';
import { sanitizeHtml } from '@/utils/core/sanitize';
import '../reader/reader.css';

const loadFontFile = async () => (await fetch(DYSLEXIC_FONT_PATH)).arrayBuffer();

export interface SavedCopyProps {
  copy: SavedCopyData;
  locale?: string;
  /** The body element, for highlighting (its text is what highlight selectors count in). */
  bodyRef?: Ref<HTMLDivElement>;
  /** Show the notes read-only under the article (off where they are edited beside it). */
  showNotes?: boolean;
  /** Shown in the bar above the article (e.g. the library's actions). */
  children?: ComponentChildren;
}

/** An article as saved, read offline with the reader view's typography and the same settings. */
export function SavedCopy({ copy, locale, bodyRef, showNotes = true, children }: SavedCopyProps) {
  const { article } = copy;
  const { prefs, loaded, set } = useReaderPrefs();
  const theme = useResolvedTheme(prefs);
  const [showControls, setShowControls] = useState(false);
  // Sanitized when saved; sanitized again here because the database can be imported from a file.
  const html = useMemo(() => (copy.html ? sanitizeHtml(copy.html) : null), [copy.html]);
  const images = useKeptImages(copy.images);
  if (prefs.font === 'dyslexic') void ensureDyslexicFont(loadFontFile);
  // Opened from the list, the keyboard starts on the article's title, not on <body>.
  useEffect(() => {
    if (!loaded || (document.activeElement && document.activeElement !== document.body)) return;
    const title = document.querySelector<HTMLElement>('[data-testid="saved-copy"] h1');
    if (!title) return;
    title.tabIndex = -1;
    title.focus({ preventScroll: true });
  }, [loaded]);
  // The whole page reads in the article's theme while it is open (reader.css `data-reader-theme`).
  useEffect(() => {
    if (!loaded) return;
    document.documentElement.dataset.readerTheme = theme;
    return () => {
      delete document.documentElement.dataset.readerTheme;
    };
  }, [theme, loaded]);
  return (
    <div class="reader-surface saved-copy" data-theme={theme} data-testid="saved-copy" hidden={!loaded} style={readerStyle(prefs)}>
      <div class="saved-copy__bar">
        <button type="button" class="button" data-testid="reader-settings" aria-expanded={showControls} onClick={() => setShowControls(!showControls)}>
          Aa {i18n.t('reader.settings')}
        </button>
        {children}
      </div>
      {showControls && (
        <div class="reader-panel">
          <ReaderControls prefs={prefs} onChange={set} />
        </div>
      )}
      <ReaderArticle article={article} safeHtml={html} prefs={prefs} locale={locale} testId="saved-article" bodyRef={bodyRef} images={images}>
        {showNotes && copy.notes && (
          <aside class="reader__notes">
            <h2>{i18n.t('library.notes')}</h2>
            <p data-testid="saved-notes">{copy.notes}</p>
          </aside>
        )}
      </ReaderArticle>
    </div>
  );
}
