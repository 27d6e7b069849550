import type { Article, NotArticleReason } from '../article';
import { extractArticle } from '../extract';

/*
 * Fetch-on-open for imported links: the library page (with the host permission the user granted
 * for that site) fetches the page, and the one extraction pipeline turns it into a saved copy.
 * Pure apart from the fetch it is given, so tests hand it a fake one.
 */

/** The host permission a fetch of this URL needs: its origin, any path. */
export function originPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

/** Fewer words than this is not an article (extraction is forced: the user asked for this page). */
const MIN_WORDS = 30;

/** Pages bigger than this are not articles worth keeping (and would stall the page). */
const MAX_BYTES = 8 * 1024 * 1024;

export type FetchFailure = 'network' | 'http' | 'not-html' | 'too-large' | NotArticleReason;

export type FetchedArticle = { ok: true; article: Article } | { ok: false; reason: FetchFailure; detail: string };

export async function fetchArticle(url: string, env: { fetch: typeof fetch; win: Window & typeof globalThis }): Promise<FetchedArticle> {
  let response: Response;
  try {
    response = await env.fetch(url, { credentials: 'include', redirect: 'follow' });
  } catch (error) {
    return { ok: false, reason: 'network', detail: String(error) };
  }
  if (!response.ok) return { ok: false, reason: 'http', detail: `HTTP ${response.status}` };
  const type = response.headers.get('content-type') ?? '';
  if (type && !/html|xml/i.test(type)) return { ok: false, reason: 'not-html', detail: type };
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_BYTES) return { ok: false, reason: 'too-large', detail: `${declared} bytes` };
  const html = await response.text();
  if (html.length > MAX_BYTES) return { ok: false, reason: 'too-large', detail: `${html.length} characters` };
  // An inert document: DOMParser runs no script and loads nothing.
  const doc = new env.win.DOMParser().parseFromString(html, 'text/html');
  const finalUrl = response.url || url;
  // Relative links and images in the article resolve against the page's own address.
  const base = doc.createElement('base');
  base.href = finalUrl;
  doc.head.prepend(base);
  const result = extractArticle(doc, finalUrl, { force: true });
  if (!result.ok) return { ok: false, reason: result.reason, detail: result.detail };
  // Forced extraction always finds *something*; a menu or a cookie notice is not worth keeping.
  if (result.article.wordCount < MIN_WORDS) return { ok: false, reason: 'no-content', detail: `${result.article.wordCount} words` };
  return { ok: true, article: result.article };
}
