import type { ArticleBody, ArticleFields, HighlightBody, LiveArticle, LiveHighlight, NoteFields } from './documents';
import { hash128 } from './revisions';

/*
 * How two versions of one document become one, losing nothing a user wrote. Merging is
 * symmetric and idempotent (merge(a, merge(a, b)) is merge(a, b)), so devices that resolve the
 * same conflict agree, and resolving again changes nothing.
 *
 * `base` is what both sides last agreed on: their common ancestor (the last synced revision for
 * a local change; for two server branches the latest revision both descend from, see
 * replicator.ts), kept as a small fingerprint, never a second copy of the article. With it a
 * field changed on one side only takes that side's value, a tag removed or renamed on one side
 * stays removed. Without one (two first saves of a page, or an ancestor compacted away on the
 * server and never seen here) the merge keeps everything: tags united, both notes kept.
 */

/** Between two notes that both changed; fixed and in both languages, so every device writes the same. */
export const NOTE_CONFLICT_MARKER = '──── Kliping: edited on two devices, both texts kept · diedit di dua perangkat, kedua teks disimpan ────';

/** What the last synced revision held, enough to tell which side changed a field. */
export interface MergeBase {
  tags?: string[];
  readState?: string;
  favorite?: boolean;
  archived?: boolean;
  /** hash128 of the note's text ('' for no note). */
  noteHash?: string;
}

export function noteHash(text: string | undefined | null): string {
  return hash128(text ?? '');
}

export function baseOfArticle(body: ArticleBody): MergeBase | null {
  if (body.deleted) return null;
  const { tags, readState, favorite, archived } = body.article;
  return { tags: [...tags], readState, favorite, archived, noteHash: noteHash(body.note?.text) };
}

export function baseOfHighlight(body: HighlightBody): MergeBase | null {
  return body.deleted ? null : { noteHash: noteHash(body.highlight.note) };
}

export function baseOfBody(body: ArticleBody | HighlightBody): MergeBase | null {
  return body.kind === 'article' ? baseOfArticle(body) : baseOfHighlight(body);
}

/** When a live article was last edited by a user (its row or its note). */
export function lastEdit(body: LiveArticle): number {
  return Math.max(body.article.updatedAt, body.note?.updatedAt ?? 0);
}

/**
 * Both notes changed: keep both, the earlier first, with the marker between. A text that already
 * holds the other (a merge made earlier, or one side only added words) is kept as is.
 */
export function mergeNoteTexts(a: { text: string; updatedAt: number }, b: { text: string; updatedAt: number }): string {
  if (a.text.includes(b.text)) return a.text;
  if (b.text.includes(a.text)) return b.text;
  const [first, second] = a.updatedAt < b.updatedAt || (a.updatedAt === b.updatedAt && a.text < b.text) ? [a, b] : [b, a];
  return `${first.text}\n\n${NOTE_CONFLICT_MARKER}\n${second.text}`;
}

function mergeNotes(a: NoteFields | null, b: NoteFields | null, base: MergeBase | null): NoteFields | null {
  if (!a || !b) return a ?? b;
  if (a.text === b.text) return { text: a.text, updatedAt: Math.max(a.updatedAt, b.updatedAt) };
  if (base?.noteHash !== undefined) {
    if (noteHash(a.text) === base.noteHash) return b;
    if (noteHash(b.text) === base.noteHash) return a;
  }
  return { text: mergeNoteTexts(a, b), updatedAt: Math.max(a.updatedAt, b.updatedAt) };
}

const tagKey = (tag: string) => tag.toLocaleLowerCase();

/** Tags added on either side are kept; with a base, a tag removed on one side stays removed. */
export function mergeTags(a: string[], b: string[], base?: string[]): string[] {
  const inA = new Set(a.map(tagKey));
  const inB = new Set(b.map(tagKey));
  const inBase = base ? new Set(base.map(tagKey)) : null;
  const keep = (tag: string) => {
    const key = tagKey(tag);
    if (!inBase || !inBase.has(key)) return true; // added on a side (or no base): keep
    return inA.has(key) && inB.has(key); // was there before: removed on either side goes
  };
  const seen = new Set<string>();
  const merged: string[] = [];
  for (const tag of [...a, ...b]) {
    const key = tagKey(tag);
    if (!seen.has(key) && keep(tag)) {
      seen.add(key);
      merged.push(tag);
    }
  }
  return merged;
}

/** A field one side changed takes that side's value; both changed: the later edit's. */
function pick<T>(a: T, b: T, baseValue: T | undefined, aNewer: boolean): T {
  if (a === b) return a;
  if (baseValue !== undefined) {
    if (a === baseValue) return b;
    if (b === baseValue) return a;
  }
  return aNewer ? a : b;
}

/** Orders two sides so that the result does not depend on which one is "local". */
function newerFirst<T extends { updatedAt: number }>(a: T, b: T, tie: (x: T, y: T) => boolean): boolean {
  return a.updatedAt > b.updatedAt || (a.updatedAt === b.updatedAt && tie(a, b));
}

export function mergeArticles(a: ArticleBody, b: ArticleBody, base: MergeBase | null = null): ArticleBody {
  if (a.deleted && b.deleted) return { ...a, deletedAt: Math.max(a.deletedAt, b.deletedAt) };
  // A deletion wins over what was made before it; an edit made after it brings the article back.
  if (a.deleted) return lastEdit(b as LiveArticle) > a.deletedAt ? b : a;
  if (b.deleted) return lastEdit(a) > b.deletedAt ? a : b;

  const x = a.article;
  const y = b.article;
  const xNewer = newerFirst(x, y, (p, q) => p.url > q.url || (p.url === q.url && p.title >= q.title));
  // The page itself: a saved copy beats none (an imported link fetched on one device); else the newer save.
  const xSaved = x.contentStatus === 'saved' && a.content !== null;
  const ySaved = y.contentStatus === 'saved' && b.content !== null;
  const pageFromX = xSaved !== ySaved ? xSaved : xNewer;
  const page = pageFromX ? { fields: x, content: a.content } : { fields: y, content: b.content };

  const article: ArticleFields = {
    ...page.fields,
    tags: mergeTags(xNewer ? x.tags : y.tags, xNewer ? y.tags : x.tags, base?.tags),
    savedAt: Math.min(x.savedAt, y.savedAt),
    updatedAt: Math.max(x.updatedAt, y.updatedAt),
    readState: pick(x.readState, y.readState, base?.readState as ArticleFields['readState'] | undefined, xNewer),
    favorite: pick(x.favorite, y.favorite, base?.favorite, xNewer),
    archived: pick(x.archived, y.archived, base?.archived, xNewer),
    readingProgress: Math.max(x.readingProgress, y.readingProgress),
  };
  return { kind: 'article', deleted: false, article, content: page.content, note: mergeNotes(a.note, b.note, base) };
}

export function mergeHighlights(a: HighlightBody, b: HighlightBody, base: MergeBase | null = null): HighlightBody {
  if (a.deleted && b.deleted) return { ...a, deletedAt: Math.max(a.deletedAt, b.deletedAt) };
  if (a.deleted) return (b as LiveHighlight).highlight.updatedAt > a.deletedAt ? b : a;
  if (b.deleted) return a.highlight.updatedAt > b.deletedAt ? a : b;
  const x = a.highlight;
  const y = b.highlight;
  const xNewer = newerFirst(x, y, (p, q) => (p.color ?? '') >= (q.color ?? ''));
  const newer = xNewer ? x : y;
  const xNote = x.note === undefined ? null : { text: x.note, updatedAt: x.updatedAt };
  const yNote = y.note === undefined ? null : { text: y.note, updatedAt: y.updatedAt };
  const note = mergeNotes(xNote, yNote, base);
  const highlight = { ...newer, createdAt: Math.min(x.createdAt, y.createdAt), updatedAt: Math.max(x.updatedAt, y.updatedAt) };
  if (note) highlight.note = note.text;
  return { kind: 'highlight', deleted: false, highlight };
}

export function mergeBodies<B extends ArticleBody | HighlightBody>(a: B, b: B, base: MergeBase | null = null): B {
  return (a.kind === 'article' ? mergeArticles(a, b as ArticleBody, base) : mergeHighlights(a as HighlightBody, b as HighlightBody, base)) as B;
}
