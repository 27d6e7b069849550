import { cleanTags } from '../tags';
import { clip, mergeDuplicates, parseTime, webAddress } from './common';
import { ImportFormatError, linkArticle, type ImportBatch, type TransferArticle } from './model';

/** The Netscape bookmark file every browser and read-later service reads and writes. */
export function serializeNetscape(articles: readonly TransferArticle[]): string {
  const lines = [
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
    '<!-- This is an automatically generated file. It will be read and overwritten. DO NOT EDIT! -->',
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
    '<TITLE>Kliping</TITLE>',
    '<H1>Kliping</H1>',
    '<DL><p>',
  ];
  for (const a of articles) {
    const attrs = [
      `HREF="${escapeHtml(a.url)}"`,
      `ADD_DATE="${Math.floor(a.savedAt / 1000)}"`,
      `LAST_MODIFIED="${Math.floor(a.updatedAt / 1000)}"`,
    ];
    if (a.tags.length > 0) attrs.push(`TAGS="${escapeHtml(a.tags.join(','))}"`);
    if (a.readState === 'unread' && !a.archived) attrs.push('TOREAD="1"');
    lines.push(`    <DT><A ${attrs.join(' ')}>${escapeHtml(a.title)}</A>`);
    if (a.excerpt) lines.push(`    <DD>${escapeHtml(a.excerpt)}`);
  }
  lines.push('</DL><p>', '');
  return lines.join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Pocket's older HTML export files archived links under this heading. */
const POCKET_ARCHIVE_HEADING = /^read archive$/i;

/**
 * Reads a bookmark file (browsers, Pocket's old HTML export, Kliping's own) in an inert document
 * made by DOMParser: nothing in it runs or loads. Bookmarklets and browser-internal links are
 * skipped and counted; an entry with a broken address is refused, naming it.
 */
export function parseNetscape(html: string, file: string, now: number, parser: DOMParser = new DOMParser()): ImportBatch {
  const doc = parser.parseFromString(html, 'text/html');
  const isBookmarkFile = /<!DOCTYPE\s+NETSCAPE-Bookmark-file-1>/i.test(html.slice(0, 1024));
  const nodes = doc.querySelectorAll('h1, a');
  const anchors = doc.querySelectorAll('a[href]');
  if (!isBookmarkFile && anchors.length === 0) {
    throw new ImportFormatError({ file }, 'notBookmarks');
  }
  const articles: TransferArticle[] = [];
  let skipped = 0;
  let entry = 0;
  let archived = false;
  for (const node of nodes) {
    if (node.tagName === 'H1') {
      archived = POCKET_ARCHIVE_HEADING.test(node.textContent?.trim() ?? '');
      continue;
    }
    const href = node.getAttribute('href');
    if (href === null) continue;
    entry++;
    const at = { file, entry };
    const address = webAddress(href);
    if ('error' in address) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(href.trim()) && !/^https?:/i.test(href.trim())) {
        skipped++;
        continue;
      }
      throw new ImportFormatError(at, 'badBookmark', clip(node.textContent?.trim() ?? ''), clip(href.trim()));
    }
    const added = parseTime(node.getAttribute('add_date') ?? node.getAttribute('time_added'), at, 'ADD_DATE') ?? now;
    const article = linkArticle(address.url, address.canonicalUrl, added);
    article.updatedAt = parseTime(node.getAttribute('last_modified'), at, 'LAST_MODIFIED') ?? added;
    article.title = node.textContent?.trim() || address.url;
    article.tags = cleanTags((node.getAttribute('tags') ?? '').split(','));
    article.archived = archived;
    article.excerpt = descriptionOf(node);
    articles.push(article);
  }
  return { source: 'bookmarks', articles: mergeDuplicates(articles), skipped };
}

/** A `<DD>` right after the bookmark's `<DT>` is its description. */
function descriptionOf(anchor: Element): string | null {
  const dt = anchor.parentElement;
  let next = dt?.tagName === 'DT' ? dt.nextElementSibling : anchor.nextElementSibling;
  // Parsers nest the DD inside the DT when the DT is never closed.
  if (!next || next.tagName !== 'DD') next = dt?.tagName === 'DT' ? dt.querySelector(':scope > dd') : null;
  if (!next || next.tagName !== 'DD') return null;
  const own = [...next.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent ?? '').join('').trim();
  return own || null;
}
