import { cleanTags } from '../tags';
import { clip, webAddress } from './common';
import { jsonErrorOffset, lineOfOffset } from './json-position';
import { HIGHLIGHT_COLORS } from '../records';
import {
  ImportFormatError,
  type ContentStatus,
  type HighlightColor,
  type ReadState,
  type TextPositionSelector,
  type ImageFailure,
  type ImportBatch,
  type TransferArticle,
  type TransferHighlight,
  type TransferImage,
  type TransferPicture,
} from './model';

const KLIPING_FORMAT = 'kliping';
/** Bump when a field changes meaning; older versions stay readable here. */
const KLIPING_VERSION = 1;

/** A kept picture's entry in the JSON: its bytes are the zip's file `file`. */
export interface PictureEntry {
  hash: string;
  type: string;
  size: number;
  file: string;
}

/**
 * Version 1 since the start. Saved images were added without a version change: `pictures` and
 * each article's `images` are new optional fields, which earlier readers pass over.
 */
export interface KlipingExport {
  format: typeof KLIPING_FORMAT;
  version: typeof KLIPING_VERSION;
  exportedAt: string;
  articles: TransferArticle[];
  pictures?: PictureEntry[];
}

/** Kliping's own backup: everything, lossless, one JSON document (beside its pictures, in a zip, when there are any). */
export function serializeKlipingJson(articles: readonly TransferArticle[], now: number, pictures?: readonly PictureEntry[]): string {
  const doc: KlipingExport = { format: KLIPING_FORMAT, version: KLIPING_VERSION, exportedAt: new Date(now).toISOString(), articles: [...articles] };
  if (pictures && pictures.length > 0) doc.pictures = [...pictures];
  return JSON.stringify(doc, null, 1);
}

const PICTURE_EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/svg+xml': 'svg',
  'image/bmp': 'bmp',
  'image/x-icon': 'ico',
};

export function pictureExtension(type: string): string {
  return PICTURE_EXTENSIONS[type] ?? 'img';
}

/** Where a picture sits in Kliping's zip. */
export function pictureFile(hash: string, type: string): string {
  return `images/${hash}.${pictureExtension(type)}`;
}

/**
 * Reads a Kliping export, checking every field of every entry before anything is written.
 * Errors name the entry (1-based) and the field path.
 */
export function parseKlipingJson(text: string, file: string, zipFiles?: ReadonlyMap<string, Uint8Array>): ImportBatch {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ImportFormatError({ file, line: jsonErrorLine(text) }, 'notJson');
  }
  if (!isObject(data) || data.format !== KLIPING_FORMAT) throw new ImportFormatError({ file }, 'notKliping');
  if (data.version !== KLIPING_VERSION) {
    throw new ImportFormatError({ file }, 'klipingVersion', String(data.version), KLIPING_VERSION);
  }
  if (!Array.isArray(data.articles)) throw new ImportFormatError({ file }, 'notAList', 'articles');
  const articles = data.articles.map((raw, i) => new EntryReader(file, i).article(raw));
  const seen = new Map<string, number>();
  articles.forEach((a, i) => {
    const first = seen.get(a.canonicalUrl);
    if (first !== undefined) throw new ImportFormatError({ file, entry: i + 1 }, 'duplicateEntry', first + 1, clip(a.canonicalUrl));
    seen.set(a.canonicalUrl, i);
  });
  const pictures = readPictures(data.pictures, file, zipFiles);
  // The JSON alone (taken out of its zip): kept images without their bytes stay links.
  for (const article of articles) {
    if (article.images) article.images = article.images.filter((image) => image.status !== 'kept' || pictures.has(image.hash!));
  }
  return { source: 'kliping', articles, skipped: 0, pictures };
}

const HASH = /^[0-9a-f]{64}$/;

function readPictures(raw: unknown, file: string, zipFiles: ReadonlyMap<string, Uint8Array> | undefined): Map<string, TransferPicture> {
  const pictures = new Map<string, TransferPicture>();
  if (raw === undefined || raw === null) return pictures;
  if (!Array.isArray(raw)) throw new ImportFormatError({ file }, 'notAList', 'pictures');
  raw.forEach((entry: unknown, i) => {
    const at = `pictures[${i}]`;
    if (!isObject(entry) || typeof entry.hash !== 'string' || !HASH.test(entry.hash) || typeof entry.type !== 'string' || typeof entry.file !== 'string') {
      throw new ImportFormatError({ file }, 'badField', at, 'an object with a SHA-256 "hash", a "type" and a "file"');
    }
    if (!zipFiles) return;
    const bytes = zipFiles.get(entry.file);
    if (!bytes) throw new ImportFormatError({ file }, 'imageMissing', entry.file);
    pictures.set(entry.hash, { hash: entry.hash, type: entry.type, bytes });
  });
  return pictures;
}

/** The line a JSON syntax error is on, for the message. */
export function jsonErrorLine(text: string): number | undefined {
  const offset = jsonErrorOffset(text);
  return offset < 0 ? undefined : lineOfOffset(text, offset);
}

type Obj = Record<string, unknown>;
function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const STATUSES: readonly ContentStatus[] = ['saved', 'link-only', 'pending-fetch'];
const IMAGE_FAILURES: readonly ImageFailure[] = ['permission', 'network', 'http-error', 'not-image', 'too-large', 'article-cap', 'total-cap', 'tracking-pixel', 'tiny'];

/** Field checks for one entry; every message carries the entry number and the field's path. */
class EntryReader {
  constructor(
    private readonly file: string,
    private readonly index: number,
  ) {}

  /** `expected` is a type description ("text", "a number from 0 to 1"...). */
  private fail(path: string, expected: string): never {
    throw new ImportFormatError({ file: this.file, entry: this.index + 1 }, 'badField', path, expected);
  }

  private obj(value: unknown, path: string): Obj {
    if (!isObject(value)) this.fail(path, 'an object');
    return value;
  }

  private str(o: Obj, key: string, path: string): string {
    const value = o[key];
    if (typeof value !== 'string') this.fail(`${path}.${key}`, 'text');
    return value;
  }

  private optStr(o: Obj, key: string, path: string): string | null {
    const value = o[key];
    if (value === null || value === undefined) return null;
    if (typeof value !== 'string') this.fail(`${path}.${key}`, 'text or null');
    return value;
  }

  private num(o: Obj, key: string, path: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
    const value = o[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) this.fail(`${path}.${key}`, max === Number.MAX_SAFE_INTEGER ? `a number of ${min} or more` : `a number from ${min} to ${max}`);
    return value;
  }

  private readState(o: Obj, path: string): ReadState {
    const value = o.readState;
    if (value !== 'read' && value !== 'unread') this.fail(`${path}.readState`, '"read" or "unread"');
    return value;
  }

  private bool(o: Obj, key: string, path: string): boolean {
    const value = o[key];
    if (typeof value !== 'boolean') this.fail(`${path}.${key}`, 'true or false');
    return value;
  }

  article(raw: unknown): TransferArticle {
    const path = `articles[${this.index}]`;
    const o = this.obj(raw, path);
    const url = this.str(o, 'url', path);
    const address = webAddress(url);
    if ('error' in address) this.fail(`${path}.url`, 'a web (http or https) address');
    const canonical = webAddress(this.str(o, 'canonicalUrl', path));
    if ('error' in canonical) this.fail(`${path}.canonicalUrl`, 'a web (http or https) address');
    const dir = this.optStr(o, 'dir', path);
    if (dir !== null && dir !== 'ltr' && dir !== 'rtl') this.fail(`${path}.dir`, '"ltr", "rtl" or null');
    const contentStatus = this.str(o, 'contentStatus', path) as ContentStatus;
    if (!STATUSES.includes(contentStatus)) this.fail(`${path}.contentStatus`, `one of ${STATUSES.join(', ')}`);
    if (!Array.isArray(o.tags) || !o.tags.every((t) => typeof t === 'string')) this.fail(`${path}.tags`, 'a list of text');
    if (!Array.isArray(o.highlights)) this.fail(`${path}.highlights`, 'a list');
    let content: TransferArticle['content'] = null;
    if (o.content !== null && o.content !== undefined) {
      const c = this.obj(o.content, `${path}.content`);
      content = { html: this.str(c, 'html', `${path}.content`), text: this.str(c, 'text', `${path}.content`) };
    }
    if (contentStatus === 'saved' && !content) this.fail(`${path}.content`, 'present when contentStatus is "saved"');
    let notes: TransferArticle['notes'] = null;
    if (o.notes !== null && o.notes !== undefined) {
      const n = this.obj(o.notes, `${path}.notes`);
      notes = { text: this.str(n, 'text', `${path}.notes`), updatedAt: this.num(n, 'updatedAt', `${path}.notes`) };
    }
    return {
      url: url.trim(),
      canonicalUrl: canonical.canonicalUrl,
      title: this.str(o, 'title', path),
      byline: this.optStr(o, 'byline', path),
      siteName: this.optStr(o, 'siteName', path),
      publishedTime: this.optStr(o, 'publishedTime', path),
      lang: this.optStr(o, 'lang', path),
      dir,
      excerpt: this.optStr(o, 'excerpt', path),
      leadImageUrl: this.optStr(o, 'leadImageUrl', path),
      wordCount: this.num(o, 'wordCount', path),
      readingMinutes: this.num(o, 'readingMinutes', path),
      tags: cleanTags(o.tags as string[]),
      savedAt: this.num(o, 'savedAt', path),
      updatedAt: this.num(o, 'updatedAt', path),
      readState: this.readState(o, path),
      readingProgress: this.num(o, 'readingProgress', path, 0, 1),
      favorite: this.bool(o, 'favorite', path),
      archived: this.bool(o, 'archived', path),
      contentStatus,
      content,
      notes,
      highlights: o.highlights.map((h, i) => this.highlight(h, `${path}.highlights[${i}]`)),
      ...(o.images === undefined ? {} : { images: this.images(o.images, `${path}.images`) }),
    };
  }

  private images(raw: unknown, path: string): TransferImage[] {
    if (!Array.isArray(raw)) this.fail(path, 'a list');
    return raw.map((entry, i) => {
      const at = `${path}[${i}]`;
      const o = this.obj(entry, at);
      const url = this.str(o, 'url', at);
      if ('error' in webAddress(url)) this.fail(`${at}.url`, 'a web (http or https) address');
      const status = o.status;
      if (status !== 'kept' && status !== 'failed' && status !== 'skipped') this.fail(`${at}.status`, '"kept", "failed" or "skipped"');
      const hash = this.optStr(o, 'hash', at);
      if (status === 'kept' && (hash === null || !HASH.test(hash))) this.fail(`${at}.hash`, 'a SHA-256 in hex when status is "kept"');
      const reason = this.optStr(o, 'reason', at) as ImageFailure | null;
      if (status !== 'kept' && (reason === null || !IMAGE_FAILURES.includes(reason))) this.fail(`${at}.reason`, `one of ${IMAGE_FAILURES.join(', ')}`);
      const httpStatus = o.httpStatus === undefined || o.httpStatus === null ? undefined : this.num(o, 'httpStatus', at, 100, 599);
      return { url, status, hash: status === 'kept' ? hash : null, reason: status === 'kept' ? null : reason, ...(httpStatus ? { httpStatus } : {}) };
    });
  }

  private highlight(raw: unknown, path: string): TransferHighlight {
    const o = this.obj(raw, path);
    const q = this.obj(o.quote, `${path}.quote`);
    if (q.type !== 'TextQuoteSelector') this.fail(`${path}.quote.type`, '"TextQuoteSelector"');
    const p = this.obj(o.position, `${path}.position`);
    if (p.type !== 'TextPositionSelector') this.fail(`${path}.position.type`, '"TextPositionSelector"');
    const start = this.num(p, 'start', `${path}.position`);
    const end = this.num(p, 'end', `${path}.position`);
    if (end < start) this.fail(`${path}.position.end`, 'not before start');
    const position: TextPositionSelector = { type: 'TextPositionSelector', start, end };
    const exact = this.str(q, 'exact', `${path}.quote`);
    if (!exact) this.fail(`${path}.quote.exact`, 'not empty');
    const id = this.str(o, 'id', path);
    if (!id) this.fail(`${path}.id`, 'not empty');
    const color = this.optStr(o, 'color', path);
    if (color !== null && !(HIGHLIGHT_COLORS as readonly string[]).includes(color)) this.fail(`${path}.color`, `one of ${HIGHLIGHT_COLORS.join(', ')} or null`);
    return {
      id,
      quote: { type: 'TextQuoteSelector', exact, prefix: this.str(q, 'prefix', `${path}.quote`), suffix: this.str(q, 'suffix', `${path}.quote`) },
      position,
      note: this.optStr(o, 'note', path),
      color: color as HighlightColor | null,
      createdAt: this.num(o, 'createdAt', path),
      updatedAt: this.num(o, 'updatedAt', path),
    };
  }
}
