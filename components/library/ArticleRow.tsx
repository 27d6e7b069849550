import { i18n } from '#i18n';
import type { ArticleRecord } from '@/utils/db/schema';
import { formatDate } from '@/utils/format';
import { hostLabel } from '@/utils/url';

export interface ArticleRowProps {
  article: ArticleRecord;
  locale: string;
  selected: boolean;
  current: boolean;
  onSelect(selected: boolean): void;
}

/** One article in the library list: fixed height (the list is windowed). */
export function ArticleRow({ article, locale, selected, current, onSelect }: ArticleRowProps) {
  const classes = ['article-row', current && 'article-row--current', article.readState === 'read' && 'article-row--read'].filter(Boolean).join(' ');
  return (
    <div class={classes} data-testid="article-item" data-article-id={article.id} data-current={current ? 'true' : undefined}>
      <input type="checkbox" class="article-row__check" checked={selected} aria-label={i18n.t('library.select')} onChange={(event) => onSelect(event.currentTarget.checked)} />
      <div class="article-row__main">
        <a class="article-row__title" href={`#/article/${article.id}`}>
          {article.title}
        </a>
        <p class="article-row__facts">
          <span>{article.siteName || hostLabel(article.url)}</span>
          {article.readingMinutes > 0 && <span>{i18n.t('popup.minutesRead', article.readingMinutes, [article.readingMinutes])}</span>}
          <span>{i18n.t('library.savedOn', [formatDate(article.savedAt, locale) ?? ''])}</span>
          {article.readState === 'read' ? <span class="badge">{i18n.t('library.read')}</span> : article.readingProgress > 0 && <span>{i18n.t('library.progress', [Math.round(article.readingProgress * 100)])}</span>}
          {article.favorite && <span class="badge badge--favorite">★ {i18n.t('library.favorited')}</span>}
          {article.archived && <span class="badge">{i18n.t('library.archived')}</span>}
          {article.contentStatus === 'link-only' && <span class="badge">{i18n.t('library.linkOnly')}</span>}
          {article.contentStatus === 'pending-fetch' && <span class="badge">{i18n.t('library.pendingFetch')}</span>}
          {article.tags.map((tag) => (
            <span key={tag} class="tag">
              {tag}
            </span>
          ))}
        </p>
        {article.excerpt && <p class="article-row__excerpt">{article.excerpt}</p>}
      </div>
    </div>
  );
}
