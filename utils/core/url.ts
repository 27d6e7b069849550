import { elementsByTag, hasAttrToken } from './dom';
import { isTrackingParam } from './url-tracking';


/**
 * The key a saved page is stored under: same page, same key, however the user arrived at it.
 * Tracking parameters and the fragment are dropped; the rest of the URL is kept as the site wrote it.
 */
export function normalizeUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw.trim();
  }
  url.hash = '';
  // forEach, not an iterator: in a Firefox content script `URL` is the page's, seen through an
  // Xray wrapper that hides its iterators (spreading them throws, Array.from gives []).
  const keys: string[] = [];
  url.searchParams.forEach((_value, key) => keys.push(key));
  for (const key of keys) {
    if (isTrackingParam(key)) url.searchParams.delete(key);
  }
  if (url.search === '?') url.search = '';
  return url.toString();
}

/**
 * The page's canonical URL: `<link rel="canonical">` when it is an http(s) URL on the web,
 * else the visited URL; both normalized.
 */
export function canonicalUrlOf(doc: Document, visitedUrl: string): string {
  // link[rel~="canonical" i], found without jsdom's costly selector engine
  const link = elementsByTag(doc, 'link').find((el) => hasAttrToken(el, 'rel', 'canonical', true));
  const href = link?.getAttribute('href')?.trim();
  if (href) {
    try {
      const canonical = new URL(href, visitedUrl);
      if (canonical.protocol === 'http:' || canonical.protocol === 'https:') return normalizeUrl(canonical.href);
    } catch {
      // An unparsable canonical link is the site's mistake: fall back to where the user is.
    }
  }
  return normalizeUrl(visitedUrl);
}

export type PageAccess = 'ok' | 'browser-page' | 'pdf' | 'file' | 'no-access';

const STORE_HOSTS = ['chromewebstore.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com'];

/** Whether an extension may run a script in a page at this URL, and if not, why. */
export function pageAccess(raw: string | undefined): PageAccess {
  if (!raw) return 'no-access';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'no-access';
  }
  if (url.protocol === 'file:') return /\.pdf$/i.test(url.pathname) ? 'pdf' : 'file';
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'browser-page';
  if (STORE_HOSTS.includes(url.hostname)) return 'browser-page';
  if (url.hostname === 'chrome.google.com' && url.pathname.startsWith('/webstore')) return 'browser-page';
  if (/\.pdf$/i.test(url.pathname)) return 'pdf';
  return 'ok';
}

/** A short, readable site name from a URL: `www.kompas.com` → `kompas.com`. */
export function hostLabel(raw: string): string {
  try {
    return new URL(raw).hostname.replace(/^www\./, '');
  } catch {
    return raw;
  }
}
