/*
 * Which images a saved copy shows, read from its sanitized HTML. The background (a service
 * worker in Chromium: no DOMParser) reads it, so this works on the HTML text. The HTML has been
 * serialized by DOMPurify, so every attribute is double-quoted with `&amp;`/`&quot;` escapes.
 */

const IMG_TAG = /<img\b[^>]*>/gi;
const SRC_ATTR = /\ssrc="([^"]*)"/i;
const ENTITIES: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'", nbsp: '\u00a0' };

export function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const isWeb = (url: string) => /^https?:\/\//i.test(url);

/**
 * The lead image the reader shows above the body: only http(s), and none when the body already
 * shows that picture.
 */
export function leadImageShown(leadImageUrl: string | null, html: string | null): string | null {
  if (!leadImageUrl || !isWeb(leadImageUrl)) return null;
  if (html) {
    const file = leadImageUrl.split(/[?#]/)[0]?.split('/').pop();
    if (file && html.includes(file)) return null;
  }
  return leadImageUrl;
}

/**
 * Every image URL the saved copy shows, in reading order, once each: each `<img>`'s `src`
 * (lazy images were made real by extraction, so `src` is the picture) and the lead image.
 * `srcset` alternatives are not kept: one picture per image is what the copy needs offline.
 */
export function imageUrlsOf(html: string, leadImageUrl: string | null = null): string[] {
  const urls: string[] = [];
  const lead = leadImageShown(leadImageUrl, html);
  if (lead) urls.push(lead);
  for (const tag of html.match(IMG_TAG) ?? []) {
    const src = SRC_ATTR.exec(tag)?.[1];
    if (!src) continue;
    const url = decodeAttribute(src).trim();
    if (isWeb(url) && !urls.includes(url)) urls.push(url);
  }
  return urls;
}
