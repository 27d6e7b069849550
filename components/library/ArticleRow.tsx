import { useEffect, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import type { ArticleRecord } from '@/utils/data/schema';
import { formatDateTime, formatRelativeDate } from '@/utils/core/format';
import { hostLabel } from '@/utils/core/url';

export interface ArticleRowProps {
  article: ArticleRecord;
  locale: string;
  selected: boolean;
  current: boolean;
  onSelect(selected: boolean): void;
  /** When the list was drawn: "2 hours ago" counts from here. */
  now: number;
}

/** One article in the library list: fixed height (the list is windowed). */
export function ArticleRow({ article, locale, selected, current, onSelect, now }: ArticleRowProps) {
  const link = useRef<HTMLAnchorElement>(null);
  // One Tab stop for the whole list (the current row's title); j/k or the arrows move it, and
  // focus follows when it is in the list.
  useEffect(() => {
    const active = document.activeElement;
    if (current && link.current && active !== link.current && active?.closest('.vlist')) link.current.focus({ preventScroll: true });
  }, [current]);
  const classes = ['article-row', current && 'article-row--current', article.readState === 'read' && 'article-row--read'].filter(Boolean).join(' ');
  return (
    <div class={classes} data-testid="article-item" data-article-id={article.id} data-current={current ? 'true' : undefined}>
      <input type="checkbox" class="article-row__check" tabIndex={-1} checked={selected} aria-label={i18n.t('library.select')} onChange={(event) => onSelect(event.currentTarget.checked)} />
      <div class="article-row__main">
        <a class="article-row__title" ref={link} tabIndex={current ? 0 : -1} href={`#/article/${article.id}`}>
          {article.title}
        </a>
        <p class="article-row__facts">
          <span>{article.siteName || hostLabel(article.url)}</span>
          {article.readingMinutes > 0 && <span>{i18n.t('popup.minutesRead', article.readingMinutes, [article.readingMinutes])}</span>}
          <span title={formatDateTime(article.savedAt, locale)}>{i18n.t('library.savedOn', [formatRelativeDate(article.savedAt, now, locale) ?? ''])}</span>
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
