import { Readability, isProbablyReaderable } from '@mozilla/readability';
import type { Article, ExtractResult } from '../article';
import { canonicalUrlOf } from '../url';
import { sanitizeHtml } from '../sanitize';
import { blockText, countWords } from './text';
import { readingMinutes } from './reading-time';

export interface ExtractOptions {
  /** Skip the readerable pre-check (the user asked for this page explicitly). */
  force?: boolean;
}

/**
 * The one extraction pipeline: `(Document, url) → Article | why not`. Works on a clone, so the
 * live page is never touched.
 */
export function extractArticle(doc: Document, url: string, options: ExtractOptions = {}): ExtractResult {
  const canonicalUrl = canonicalUrlOf(doc, url);
  const pageTitle = doc.title?.trim() || url;
  const notArticle = (reason: Extract<ExtractResult, { ok: false }>['reason'], detail: string): ExtractResult => ({
    ok: false,
    reason,
    detail,
    url,
    canonicalUrl,
    title: pageTitle,
  });

  if (!options.force && !isProbablyReaderable(doc)) {
    return notArticle('not-readerable', 'The page has too little text in paragraphs to be an article.');
  }
  const clone = doc.cloneNode(true) as Document;
  let parsed: ReturnType<Readability<string>['parse']>;
  try {
    parsed = new Readability(clone, { charThreshold: 300 }).parse();
  } catch (error) {
    return notArticle('parse-error', String(error));
  }
  if (!parsed?.content) return notArticle('no-content', 'No article body was found.');

  const win = (doc.defaultView ?? globalThis.window) as Window & typeof globalThis;
  const contentHtml = sanitizeHtml(parsed.content, win);
  const holder = doc.createElement('div');
  holder.innerHTML = contentHtml; // already sanitized, and the holder is never attached
  const textContent = blockText(holder);
  const wordCount = countWords(textContent);
  const lang = parsed.lang || doc.documentElement.getAttribute('lang') || null;
  const article: Article = {
    url,
    canonicalUrl,
    title: parsed.title?.trim() || pageTitle,
    byline: parsed.byline?.trim() || null,
    siteName: parsed.siteName?.trim() || null,
    publishedTime: parsed.publishedTime?.trim() || null,
    lang,
    dir: parsed.dir === 'rtl' ? 'rtl' : parsed.dir === 'ltr' ? 'ltr' : null,
    excerpt: parsed.excerpt?.trim() || null,
    leadImageUrl: doc.querySelector('meta[property="og:image"]')?.getAttribute('content') ?? null,
    wordCount,
    readingMinutes: readingMinutes(wordCount, lang),
    contentHtml,
    textContent,
  };
  return { ok: true, article };
}
