import type { ComponentChildren, Ref } from 'preact';
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import { ArticleSummary } from '../shared/ArticleSummary';
import type { Article } from '@/utils/core/article';
import { withKeptImages, type ImageViews } from '@/utils/core/images/render';
import { leadImageShown } from '@/utils/core/images/urls';
import { readerStyle, type ReaderPrefs } from '@/utils/core/reader/prefs';

export type ReaderArticleData = Pick<
  Article,
  'title' | 'url' | 'siteName' | 'byline' | 'publishedTime' | 'readingMinutes' | 'lang' | 'dir' | 'leadImageUrl'
>;

export interface ReaderArticleProps {
  article: ReaderArticleData;
  /** Body HTML that has ALREADY been through `sanitizeHtml`; null when only a link was saved. */
  safeHtml: string | null;
  prefs: ReaderPrefs;
  locale?: string;
  bodyRef?: Ref<HTMLDivElement>;
  /** Shown after the body (the library's notes). */
  children?: ComponentChildren;
  testId?: string;
  /** The saved copy's kept images (blob URLs), by their original URL; shown in their place. */
  images?: ImageViews;
}

/**
 * One article in the reader's typography: the reader view over a page and the library's saved
 * copy are both this component, so they always look and read the same.
 */
export function ReaderArticle({ article, safeHtml, prefs, locale, bodyRef, children, testId, images }: ReaderArticleProps) {
  const lead = leadImageShown(article.leadImageUrl, safeHtml);
  const leadView = lead ? images?.get(lead) : undefined;
  const image = leadView?.kind === 'kept' ? leadView.src : leadView?.kind === 'skipped' ? null : lead;
  const html = useMemo(() => (safeHtml && images ? withKeptImages(safeHtml, images) : safeHtml), [safeHtml, images]);
  const body = useRef<HTMLDivElement | null>(null);
  // The page gave these images no description: they are decorative to a screen reader, not unnamed.
  useLayoutEffect(() => {
    for (const img of Array.from(body.current?.getElementsByTagName('img') ?? [])) if (!img.hasAttribute('alt')) img.setAttribute('alt', '');
  }, [html]);
  const setBody = (element: HTMLDivElement | null) => {
    body.current = element;
    if (typeof bodyRef === 'function') bodyRef(element);
    else if (bodyRef) bodyRef.current = element;
  };
  return (
    <article
      class="reader"
      lang={article.lang ?? undefined}
      dir={article.dir ?? 'auto'}
      style={readerStyle(prefs)}
      data-font={prefs.font}
      data-testid={testId}
    >
      {/* No excerpt: the article itself follows. */}
      <ArticleSummary {...article} excerpt={null} locale={locale} />
      <p class="reader__original">
        <a href={article.url} target="_blank" rel="noopener noreferrer">
          {i18n.t('library.openOriginal')}
        </a>
      </p>
      {image && (
        <figure class="reader__lead">
          <img src={image} alt="" referrerpolicy="no-referrer" data-testid="reader-lead-image" />
        </figure>
      )}
      {html ? (
        <div class="reader__body" ref={setBody} data-testid="reader-body" dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <p class="reader__empty">{i18n.t('library.noContent')}</p>
      )}
      {children}
    </article>
  );
}
