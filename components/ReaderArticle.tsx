import type { ComponentChildren, Ref } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import { ArticleSummary } from './ArticleSummary';
import type { Article } from '@/utils/article';
import { readerStyle, type ReaderPrefs } from '@/utils/reader/prefs';

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
}

/** Only http(s) images; and none when the body already shows that picture. */
function leadImage(article: ReaderArticleData, html: string | null): string | null {
  const src = article.leadImageUrl;
  if (!src || !/^https?:\/\//i.test(src)) return null;
  if (html) {
    const file = src.split(/[?#]/)[0]?.split('/').pop();
    if (file && html.includes(file)) return null;
  }
  return src;
}

/**
 * One article in the reader's typography: the reader view over a page and the library's saved
 * copy are both this component, so they always look and read the same.
 */
export function ReaderArticle({ article, safeHtml, prefs, locale, bodyRef, children, testId }: ReaderArticleProps) {
  const image = leadImage(article, safeHtml);
  const body = useRef<HTMLDivElement | null>(null);
  // The page gave these images no description: they are decorative to a screen reader, not unnamed.
  useLayoutEffect(() => {
    for (const img of Array.from(body.current?.getElementsByTagName('img') ?? [])) if (!img.hasAttribute('alt')) img.setAttribute('alt', '');
  }, [safeHtml]);
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
      {safeHtml ? (
        <div class="reader__body" ref={setBody} data-testid="reader-body" dangerouslySetInnerHTML={{ __html: safeHtml }} />
      ) : (
        <p class="reader__empty">{i18n.t('library.noContent')}</p>
      )}
      {children}
    </article>
  );
}
