import { i18n } from '#i18n';
import { ArticleSummary } from './ArticleSummary';
import type { SavedCopy as SavedCopyData } from '@/utils/db/articles';
import { sanitizeHtml } from '@/utils/sanitize';
import './reader.css';

/** An article as saved, read offline in the reader's typography. */
export function SavedCopy({ copy, locale }: { copy: SavedCopyData; locale?: string }) {
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
      {html ? (
        <div class="reader__body" dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <p class="reader__empty">{i18n.t('library.noContent')}</p>
      )}
      {copy.notes && (
        <aside class="reader__notes">
          <h2>{i18n.t('library.notes')}</h2>
          <p data-testid="saved-notes">
            {copy.notes}
          </p>
        </aside>
      )}
    </article>
  );
}
