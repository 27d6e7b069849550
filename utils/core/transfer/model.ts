/**
 * The one shape every import parser produces and every export serializer consumes. Parsers and
 * serializers never see Dexie records: utils/data/transfer-store.ts maps between the two, so a
 * schema change touches one module.
 */

import { linkMetadata, type ArticleMetadata } from '../article';
import type { ArticleLibraryState, ContentStatus, HighlightColor, ImageFailure, ReadState, TextPositionSelector, TextQuoteSelector } from '../records';

export type { ContentStatus, HighlightColor, ImageFailure, ReadState, TextPositionSelector, TextQuoteSelector };

/** An image URL of a saved copy and what became of it (utils/core/records.ts ArticleImageRecord). */
export interface TransferImage {
  url: string;
  status: 'kept' | 'failed' | 'skipped';
  /** The kept picture's SHA-256 (its bytes travel beside the JSON, named by it). */
  hash: string | null;
  reason: ImageFailure | null;
  httpStatus?: number;
}

/** A kept picture's bytes, by content hash: one per distinct picture, however many articles show it. */
export interface TransferPicture {
  hash: string;
  type: string;
  bytes: Uint8Array;
}

/** A highlight with its W3C selectors on the saved text (utils/core/records.ts HighlightRecord). */
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

/** One article as files carry it; `canonicalUrl` (normalized with utils/url normalizeUrl) is the merge key. */
export interface TransferArticle extends ArticleMetadata, ArticleLibraryState {
  /** Sanitized HTML and block-aware text; null when only the link is known. */
  content: { html: string; text: string } | null;
  notes: { text: string; updatedAt: number } | null;
  highlights: TransferHighlight[];
  /** Only Kliping's own export carries them. */
  images?: TransferImage[];
}

/** Where an import problem is: a file, and a line (text formats) or an entry (structured ones). */
export interface ImportLocation {
  file: string;
  line?: number;
  entry?: number;
}

/**
 * Every reason a file is refused, in English with `$1`-style parameters. The library shows them
 * through i18n (`transfer.problem.<code>` in utils/locales, checked against this table by a test).
 */
export const PROBLEMS = {
  notUtf8: 'the file is not UTF-8 text',
  emptyFile: 'the file is empty',
  addressEmpty: 'the address is empty',
  notWebAddress: '"$1" is not a web (http or https) address',
  notDate: '$1 "$2" is not a date',
  csvUnclosedQuote: 'a quoted field is never closed',
  csvStrayQuote: 'a quote inside a quoted field is not doubled',
  csvBroken: 'the row cannot be read as CSV ($1)',
  csvFieldCount: 'the row has $1 fields where the header has $2',
  columnMissing: 'the column "$1" is missing (found: $2)',
  noFile: 'no file was chosen',
  oneFile: 'choose one export file (or one Pocket or Omnivore zip)',
  unknownCsv: 'this CSV is neither a Pocket nor an Instapaper export (columns: $1)',
  notPocket: 'this is not a Pocket export: it has no "time_added" or "status" column',
  pocketStatus: 'status "$1" is neither "unread" nor "archive"',
  instapaperTags: 'the Tags field is not a list of tags',
  notJson: 'the file is not valid JSON',
  notKliping: 'this is not a Kliping export (no "format": "kliping" header)',
  klipingVersion: 'this Kliping export is version $1; this Kliping reads version $2',
  notAList: '"$1" is not a list',
  duplicateEntry: 'the same page as entry $1 ($2)',
  badField: '$1 is not valid: it must be $2',
  notBookmarks: 'this is not a bookmark file (no NETSCAPE-Bookmark-file-1 header and no links)',
  badBookmark: 'the bookmark "$1" has an address that is not a web address: "$2"',
  notOmnivore: 'this is not an Omnivore export (no metadata_*.json file)',
  omnivoreState: 'state "$1" is not an Omnivore state',
  zipTooBig: 'the zip unpacks to more than 2 GB',
  zipDamaged: 'the zip file is damaged',
  notZip: 'the file is named .zip but is not a zip file',
  unknownFile: 'this is not an export Kliping can read (Kliping JSON, Pocket, Instapaper, Omnivore or bookmarks)',
  imageMissing: 'the picture $1 is listed but its file is not in the zip',
  imageDamaged: 'the picture $1 is damaged (its bytes do not match its name)',
} as const;

export type ProblemCode = keyof typeof PROBLEMS;

export interface Problem {
  code: ProblemCode;
  params: string[];
}

function problemText({ code, params }: Problem): string {
  return PROBLEMS[code].replace(/\$(\d)/g, (_, n: string) => params[Number(n) - 1] ?? '');
}

/** A file that cannot be imported. Nothing of it is written. */
export class ImportFormatError extends Error {
  readonly location: ImportLocation;
  /** What is wrong, without the location (the UI words it in the user's language). */
  readonly problem: Problem;

  constructor(location: ImportLocation, code: ProblemCode, ...params: (string | number)[]) {
    const problem = { code, params: params.map(String) };
    super(`${describeLocation(location)}: ${problemText(problem)}`);
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
  /** The kept pictures the articles' `images` name (Kliping's zip export), by hash. */
  pictures?: Map<string, TransferPicture>;
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
    ...linkMetadata(url, canonicalUrl, url),
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
