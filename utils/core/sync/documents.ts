import type { ArticleRecord, ContentRecord, HighlightRecord, NoteRecord } from '../records';

/*
 * What Kliping keeps on a CouchDB server: one document per saved page, keyed by its canonical URL
 * (the same page saved on two devices is one document), and one per highlight (two devices
 * highlighting one article never touch the same document). A deletion is a document too, a
 * tombstone with its time, so that a later edit elsewhere can win over it.
 *
 * Kept images are not synced: they are blobs, large, and each device can keep its own.
 */

export const ARTICLE_PREFIX = 'article:';
export const HIGHLIGHT_PREFIX = 'highlight:';

export function articleDocId(canonicalUrl: string): string {
  return ARTICLE_PREFIX + canonicalUrl;
}

export function highlightDocId(id: string): string {
  return HIGHLIGHT_PREFIX + id;
}

export function docKind(docId: string): 'article' | 'highlight' | null {
  if (docId.startsWith(ARTICLE_PREFIX)) return 'article';
  if (docId.startsWith(HIGHLIGHT_PREFIX)) return 'highlight';
  return null;
}

/** An article's row without its local id (ids differ per device), as stored in a document. */
export type ArticleFields = Omit<ArticleRecord, 'id'>;
export type ContentFields = Omit<ContentRecord, 'articleId'>;
export type NoteFields = Omit<NoteRecord, 'articleId'>;
/** A highlight names its article by canonical URL: local article ids differ per device. */
export type HighlightFields = Omit<HighlightRecord, 'articleId'> & { articleUrl: string };

export interface LiveArticle {
  kind: 'article';
  deleted: false;
  article: ArticleFields;
  content: ContentFields | null;
  note: NoteFields | null;
}

export interface Tombstone<K extends 'article' | 'highlight'> {
  kind: K;
  deleted: true;
  deletedAt: number;
  /** A highlight deleted with its article: where an edit after that brings the article back, the highlight comes back too. */
  withArticle?: true;
}

export type ArticleBody = LiveArticle | Tombstone<'article'>;

export interface LiveHighlight {
  kind: 'highlight';
  deleted: false;
  highlight: HighlightFields;
}

export type HighlightBody = LiveHighlight | Tombstone<'highlight'>;

export type DocBody = ArticleBody | HighlightBody;

/**
 * A document as the server holds it: the body plus CouchDB's own fields, and `mergedFrom`: the
 * conflict branches (leaf revisions) this revision's content took in when it closed them. CouchDB
 * records one parent per revision, so without it a merge's other parent would be invisible, and
 * the next conflict would be merged against too old an ancestor (a half-typed tag kept).
 */
export type SyncDoc = DocBody & { _id: string; _rev: string; _deleted?: boolean; _revisions?: { start: number; ids: string[] }; mergedFrom?: string[] };

export const MERGED_FROM = 'mergedFrom';

export function articleBody(article: ArticleRecord, content: ContentRecord | undefined, note: NoteRecord | undefined): LiveArticle {
  const fields: Partial<ArticleRecord> = { ...article };
  delete fields.id;
  return {
    kind: 'article',
    deleted: false,
    article: fields as ArticleFields,
    content: content ? { html: content.html, text: content.text } : null,
    note: note ? { text: note.text, updatedAt: note.updatedAt } : null,
  };
}

export function highlightBody(highlight: HighlightRecord, articleUrl: string): LiveHighlight {
  const fields: Partial<HighlightRecord> = { ...highlight };
  delete fields.articleId;
  return { kind: 'highlight', deleted: false, highlight: { ...(fields as Omit<HighlightRecord, 'articleId'>), articleUrl } };
}

export function tombstone<K extends 'article' | 'highlight'>(kind: K, deletedAt: number, withArticle = false): Tombstone<K> {
  return { kind, deleted: true, deletedAt, ...(withArticle ? { withArticle: true as const } : {}) };
}

/** The body alone, CouchDB's underscore fields and the merge record dropped (what merging and hashing look at). */
export function bodyOf(doc: SyncDoc): DocBody {
  const body: Record<string, unknown> = { ...doc };
  for (const key of Object.keys(body)) if (key.startsWith('_') || key === MERGED_FROM) delete body[key];
  return body as unknown as DocBody;
}

/** The revisions a document names as ancestors: its own revision path, and the branches it merged. */
export function ancestryOf(doc: Pick<SyncDoc, '_rev' | '_revisions' | 'mergedFrom'>): string[] {
  const path = doc._revisions ? doc._revisions.ids.map((id, i) => `${doc._revisions!.start - i}-${id}`) : [doc._rev];
  return [...path, ...(Array.isArray(doc.mergedFrom) ? doc.mergedFrom : [])];
}

/** A well-formed Kliping document? Anything else in the database (another app's) is left alone. */
export function isKlipingBody(body: unknown): body is DocBody {
  if (!body || typeof body !== 'object') return false;
  const b = body as Record<string, unknown>;
  if (b.deleted === true) return (b.kind === 'article' || b.kind === 'highlight') && typeof b.deletedAt === 'number';
  if (b.kind === 'article') return typeof b.article === 'object' && b.article !== null;
  if (b.kind === 'highlight') return typeof b.highlight === 'object' && b.highlight !== null;
  return false;
}
