/**
 * The one shape every import parser produces and every export serializer consumes. Parsers and
 * serializers never see Dexie records: utils/import-export/store.ts maps between the two, so a
 * schema change touches one module.
 */

/** W3C Web Annotation `TextQuoteSelector`: the quoted text with some context either side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation `TextPositionSelector`: character offsets into the saved text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface TransferHighlight {
  quote: TextQuoteSelector;
  position: TextPositionSelector | null;
  note: string | null;
  color: string | null;
  createdAt: number;
  updatedAt: number;
}

/** Whether the article body is stored, or only the link (and whether fetching it is due). */
export type ContentStatus = 'saved' | 'link-only' | 'pending-fetch';

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
  /** When the user finished it; null when unread. */
  readAt: number | null;
  /** Reading progress, 0..1. */
  progress: number;
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
    readAt: null,
    progress: 0,
    favorite: false,
    archived: false,
    contentStatus: 'pending-fetch',
    content: null,
    notes: null,
    highlights: [],
  };
}
