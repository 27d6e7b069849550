import { i18n } from '#i18n';
import { bylineBesideSite } from '@/utils/core/article';
import { formatDate } from '@/utils/core/format';
import { hostLabel } from '@/utils/core/url';

export interface ArticleSummaryProps {
  title: string;
  url: string;
  siteName: string | null;
  byline: string | null;
  publishedTime: string | null;
  readingMinutes: number;
  excerpt?: string | null;
  locale?: string;
}

/** Title, site, byline, date and reading time: how an article is named everywhere in Kliping. */
export function ArticleSummary(props: ArticleSummaryProps) {
  const date = formatDate(props.publishedTime, props.locale);
  const site = props.siteName || hostLabel(props.url);
  const facts = [site, bylineBesideSite(props.byline, site), date].filter(Boolean);
  return (
    <header class="article-summary">
      <h1 class="article-summary__title" data-testid="article-title">
        {props.title}
      </h1>
      <p class="article-summary__facts" data-testid="article-facts">
        {facts.map((fact, index) => (
          <span key={index}>{fact}</span>
        ))}
        {props.readingMinutes > 0 && <span>{i18n.t('popup.minutesRead', props.readingMinutes, [props.readingMinutes])}</span>}
      </p>
      {props.excerpt && <p class="article-summary__excerpt">{props.excerpt}</p>}
    </header>
  );
}
