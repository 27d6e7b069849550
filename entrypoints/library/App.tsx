import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { ArticleList } from '@/components/ArticleList';
import { SavedCopy } from '@/components/SavedCopy';
import { useLiveQuery } from '@/components/useLiveQuery';
import { getSavedCopy, listArticles } from '@/utils/db/articles';
import { getDb } from '@/utils/db/schema';

/** `#/article/12` opens a saved copy; anything else is the list. */
function articleIdFromHash(hash: string): number | null {
  const match = /^#\/article\/(\d+)$/.exec(hash);
  return match ? Number(match[1]) : null;
}

function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onChange = () => setHash(location.hash);
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return hash;
}

export function App() {
  const locale = browser.i18n.getUILanguage();
  const openId = articleIdFromHash(useHash());
  return (
    <div class="library">
      <header class="library__bar">
        <a class="library__brand" href="#/">
          {i18n.t('library.title')}
        </a>
      </header>
      {openId === null ? <ListView locale={locale} /> : <ArticleView id={openId} locale={locale} />}
    </div>
  );
}

function ListView({ locale }: { locale: string }) {
  const articles = useLiveQuery(() => listArticles(getDb()), []);
  if (!articles) return null;
  if (articles.length === 0) return <p class="library__empty">{i18n.t('library.empty')}</p>;
  return (
    <main class="library__main">
      <p class="library__count">{i18n.t('library.count', articles.length, [articles.length])}</p>
      <ArticleList articles={articles} locale={locale} />
    </main>
  );
}

function ArticleView({ id, locale }: { id: number; locale: string }) {
  const copy = useLiveQuery(() => getSavedCopy(getDb(), id), [id]);
  if (copy === undefined) return null;
  return (
    <main class="library__reader">
      <a class="library__back" href="#/">
        ← {i18n.t('library.back')}
      </a>
      {copy ? <SavedCopy copy={copy} locale={locale} /> : <p>{i18n.t('library.notFound')}</p>}
    </main>
  );
}
