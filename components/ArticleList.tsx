import { i18n } from '#i18n';
import type { ArticleRecord } from '@/utils/db/schema';
import { formatDate } from '@/utils/format';
import { hostLabel } from '@/utils/url';

export function ArticleList({ articles, locale }: { articles: ArticleRecord[]; locale?: string }) {
  return (
    <ol class="article-list" data-testid="article-list">
      {articles.map((article) => (
        <li key={article.id} class="article-list__item" data-testid="article-item">
          <a class="article-list__title" href={`#/article/${article.id}`}>
            {article.title}
          </a>
          <p class="article-list__facts">
            <span>{article.siteName || hostLabel(article.url)}</span>
            {article.readingMinutes > 0 && <span>{i18n.t('popup.minutesRead', article.readingMinutes, [article.readingMinutes])}</span>}
            <span>{i18n.t('library.savedOn', [formatDate(article.savedAt, locale) ?? ''])}</span>
            {article.tags.map((tag) => (
              <span key={tag} class="tag">
                {tag}
              </span>
            ))}
          </p>
          {article.excerpt && <p class="article-list__excerpt">{article.excerpt}</p>}
        </li>
      ))}
    </ol>
  );
}
