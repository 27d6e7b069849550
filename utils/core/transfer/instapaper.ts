import { cleanTags } from '../tags';
import { mergeDuplicates, parseTime, requireWebAddress } from './common';
import { cell, columns, readCsv } from './csv';
import { ImportFormatError, linkArticle, type ImportBatch, type ImportLocation } from './model';

/** Instapaper's CSV export: `URL,Title,Selection,Folder,Timestamp` and, in newer exports, `Tags`. */
const REQUIRED = ['URL', 'Title', 'Selection', 'Folder', 'Timestamp'] as const;
const OPTIONAL = ['Tags'] as const;

/** Instapaper's built-in folders; any other folder name becomes a tag. */
const UNREAD = 'unread';
const ARCHIVE = 'archive';
const STARRED = 'starred';

export function parseInstapaperCsv(text: string, file: string, now: number): ImportBatch {
  const table = readCsv(text, file);
  const col = columns(table, file, REQUIRED, OPTIONAL);
  const articles = table.rows.map((row) => {
    const at = { file, line: row.line };
    const { url, canonicalUrl } = requireWebAddress(cell(row, col.URL), at);
    const savedAt = parseTime(cell(row, col.Timestamp), at, 'Timestamp') ?? now;
    const article = linkArticle(url, canonicalUrl, savedAt);
    article.title = cell(row, col.Title).trim() || url;
    // The selection is the text the user had selected when saving: the closest thing to an excerpt.
    article.excerpt = cell(row, col.Selection).trim() || null;
    const folder = cell(row, col.Folder).trim();
    const folderKey = folder.toLowerCase();
    article.archived = folderKey === ARCHIVE;
    article.favorite = folderKey === STARRED;
    const folderTag = folder && ![UNREAD, ARCHIVE, STARRED].includes(folderKey) ? [folder] : [];
    article.tags = cleanTags([...folderTag, ...instapaperTags(cell(row, col.Tags), at)]);
    return article;
  });
  return { source: 'instapaper', articles: mergeDuplicates(articles), skipped: 0 };
}

/** Newer exports write tags as a JSON array (`["a","b"]`); older ones as a comma list. */
function instapaperTags(raw: string, at: ImportLocation): string[] {
  const text = raw.trim();
  if (!text) return [];
  if (text.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new ImportFormatError(at, 'instapaperTags');
    }
    if (!Array.isArray(parsed) || !parsed.every((t) => typeof t === 'string')) {
      throw new ImportFormatError(at, 'instapaperTags');
    }
    return parsed;
  }
  return text.split(',');
}
