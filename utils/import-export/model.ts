/**
 * The one shape every import parser produces and every export serializer consumes. Parsers and
 * serializers never see Dexie records: utils/import-export/store.ts maps between the two, so a
 * schema change touches one module.
 */

import type { ContentStatus, HighlightColor, ReadState, TextPositionSelector, TextQuoteSelector } from '../db/schema';

export type { ContentStatus, HighlightColor, ReadState, TextPositionSelector, TextQuoteSelector };

/** A highlight with its W3C selectors on the saved text (utils/db/schema.ts HighlightRecord). */
export interface TransferHighlight {
  /** A UUID: the same highlight exported from two profiles merges instead of doubling. */
  id: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  note: string | null;
  color: HighlightColor | null;
  createdAt: number;
  updatedAt: number;
}

export interface TransferArticle {
  url: string;
  /** Normalized with utils/url `normalizeUrl`: the merge key. */
  canonicalUrl: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  excerpt: string | null;
  leadImageUrl: string | null;
  wordCount: number;
  readingMinutes: number;
  tags: string[];
  savedAt: number;
  updatedAt: number;
  readState: ReadState;
  /** How far the user has read the saved copy, 0..1. */
  readingProgress: number;
  favorite: boolean;
  archived: boolean;
  contentStatus: ContentStatus;
  /** Sanitized HTML and block-aware text; null when only the link is known. */
  content: { html: string; text: string } | null;
  notes: { text: string; updatedAt: number } | null;
  highlights: TransferHighlight[];
}

/** Where an import problem is: a file, and a line (text formats) or an entry (structured ones). */
export interface ImportLocation {
  file: string;
  line?: number;
  entry?: number;
}

/** A file that cannot be imported. Nothing of it is written. */
export class ImportFormatError extends Error {
  readonly location: ImportLocation;
  /** What is wrong, without the location (the UI composes its own sentence). */
  readonly problem: string;

  constructor(location: ImportLocation, problem: string) {
    super(`${describeLocation(location)}: ${problem}`);
    this.name = 'ImportFormatError';
    this.location = location;
    this.problem = problem;
  }
}

export function describeLocation({ file, line, entry }: ImportLocation): string {
  if (line !== undefined) return `${file}, line ${line}`;
  if (entry !== undefined) return `${file}, entry ${entry}`;
  return file;
}

export type ImportSource = 'kliping' | 'pocket' | 'instapaper' | 'omnivore' | 'bookmarks';

/** What a parser hands to the store: validated, complete, not yet written. */
export interface ImportBatch {
  source: ImportSource;
  articles: TransferArticle[];
  /** Entries left out on purpose (e.g. `javascript:` bookmarklets), said to the user. */
  skipped: number;
}

/** Long runs report `done` of `total` steps; `phase` says which part of the run it is. */
export type ProgressPhase = 'reading' | 'checking' | 'writing' | 'packing';
export type ProgressCallback = (done: number, total: number, phase: ProgressPhase) => void;

/** A file handed to an importer: its name (format hints like `part_000000.csv`) and bytes. */
export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

/** A blank article for a URL; importers fill in what their format knows. */
export function linkArticle(url: string, canonicalUrl: string, now: number): TransferArticle {
  return {
    url,
    canonicalUrl,
    title: url,
    byline: null,
    siteName: null,
    publishedTime: null,
    lang: null,
    dir: null,
    excerpt: null,
    leadImageUrl: null,
    wordCount: 0,
    readingMinutes: 0,
    tags: [],
    savedAt: now,
    updatedAt: now,
    readState: 'unread',
    readingProgress: 0,
    favorite: false,
    archived: false,
    contentStatus: 'pending-fetch',
    content: null,
    notes: null,
    highlights: [],
  };
}
