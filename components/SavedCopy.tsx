import type { ComponentChildren, Ref } from 'preact';
import { i18n } from '#i18n';
import { ArticleSummary } from './ArticleSummary';
import type { SavedCopy as SavedCopyData } from '@/utils/db/articles';
import { sanitizeHtml } from '@/utils/sanitize';
import './reader.css';

export interface SavedCopyProps {
  copy: SavedCopyData;
  locale?: string;
  /** The body element, for highlighting (its text is what highlight selectors count in). */
  bodyRef?: Ref<HTMLDivElement>;
  /** Show the notes read-only under the article (off where they are edited beside it). */
  showNotes?: boolean;
  /** Shown between the facts and the body (e.g. the library's actions). */
  children?: ComponentChildren;
}

/** An article as saved, read offline in the reader's typography. */
export function SavedCopy({ copy, locale, bodyRef, showNotes = true, children }: SavedCopyProps) {
  const { article } = copy;
  // Sanitized when saved; sanitized again here because the database can be imported from a file.
  const html = copy.html ? sanitizeHtml(copy.html) : null;
  return (
    <article class="reader" lang={article.lang ?? undefined} dir={article.dir ?? undefined} data-testid="saved-copy">
      <ArticleSummary {...article} locale={locale} />
      <p>
        <a href={article.url} target="_blank" rel="noopener noreferrer">
          {i18n.t('library.openOriginal')}
        </a>
      </p>
      {children}
      {html ? (
        <div class="reader__body" ref={bodyRef} data-testid="saved-body" dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <p class="reader__empty">{i18n.t('library.noContent')}</p>
      )}
      {showNotes && copy.notes && (
        <aside class="reader__notes">
          <h2>{i18n.t('library.notes')}</h2>
          <p data-testid="saved-notes">{copy.notes}</p>
        </aside>
      )}
    </article>
  );
}
