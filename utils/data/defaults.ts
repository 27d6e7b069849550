import type { ArticleRecord } from '../core/records';

/**
 * What version 2 adds to an article that did not have it: a v1 row, or an imported one.
 * Kept out of schema.ts so that code reaching it (saveArticle, the import) does not pull Dexie
 * in where it is not needed: Dexie's minified U+FFFF literal makes Chromium refuse a content
 * script as "not UTF-8".
 */
export function articleDefaults(hasContent: boolean): Pick<ArticleRecord, 'readState' | 'readingProgress' | 'favorite' | 'archived' | 'contentStatus'> {
  return { readState: 'unread', readingProgress: 0, favorite: false, archived: false, contentStatus: hasContent ? 'saved' : 'link-only' };
}
