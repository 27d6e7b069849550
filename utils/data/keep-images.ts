import { recordImages, imageLinksOf, imagesUsage, knownHashes, type ImageOutcome } from './images';
import type { ImageFailure, KlipingDb } from './schema';
import type { ImagePrefs } from '../core/images/prefs';
import { TINY_IMAGE_PIXELS } from '../core/images/prefs';
import { imageSize, sniffImageType } from '../core/images/sniff';
import { imageUrlsOf } from '../core/images/urls';

/*
 * Keeps a saved article's images: fetched in an extension context (the background), after the
 * article itself is saved, never blocking or failing the save. Each image ends kept (a blob in
 * IndexedDB, one per distinct picture) or failed with a reason the saved copy shows.
 */

export interface KeepOptions {
  caps: Pick<ImagePrefs, 'perImageBytes' | 'perArticleBytes' | 'totalBytes'>;
  fetcher?: typeof fetch;
  /** Whether Kliping may read this URL's site (a fetch without it fails like a network error). */
  hasAccess?(url: string): Promise<boolean>;
  timeoutMs?: number;
  concurrency?: number;
  now?: number;
}

export interface KeepSummary {
  urls: number;
  kept: number;
  failed: number;
  skipped: number;
  /** New bytes stored by this run (pictures already stored count nothing). */
  storedBytes: number;
}

type Fetched = { ok: true; bytes: Uint8Array; type: string } | { ok: false; reason: ImageFailure; httpStatus?: number };

/** One image, read up to `maxBytes` (a bigger one is refused as soon as it is known to be). */
async function fetchImage(url: string, options: { fetcher: typeof fetch; maxBytes: number; timeoutMs: number; hasAccess?(url: string): Promise<boolean> }): Promise<Fetched> {
  // Called bare: a worker's fetch called as a method of another object throws "Illegal invocation".
  const { fetcher } = options;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    let response: Response;
    try {
      // No cookies: the saved copy is the public picture, and the site learns nothing of the user.
      response = await fetcher(url, { credentials: 'omit', referrerPolicy: 'no-referrer', signal: controller.signal });
    } catch {
      const access = options.hasAccess ? await options.hasAccess(url).catch(() => false) : true;
      return { ok: false, reason: access ? 'network' : 'permission' };
    }
    if (!response.ok) return { ok: false, reason: 'http-error', httpStatus: response.status };
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > options.maxBytes) {
      void response.body?.cancel();
      return { ok: false, reason: 'too-large' };
    }
    const bytes = await readCapped(response, options.maxBytes);
    if (!bytes) return { ok: false, reason: 'too-large' };
    const header = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const sniffed = sniffImageType(bytes);
    if (!sniffed && !header.startsWith('image/')) return { ok: false, reason: 'not-image' };
    // The bytes decide: a server's label is often generic or wrong.
    return { ok: true, bytes, type: sniffed ?? header };
  } catch {
    return { ok: false, reason: 'network' };
  } finally {
    clearTimeout(timer);
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    return bytes.length > maxBytes ? null : bytes;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      void reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Tracking pixels and icons: kept out on purpose (and not loaded by the saved copy either). */
function tooSmall(size: { width: number; height: number } | null): ImageFailure | null {
  if (!size) return null;
  if (size.width <= 2 || size.height <= 2) return 'tracking-pixel';
  if (size.width * size.height < TINY_IMAGE_PIXELS) return 'tiny';
  return null;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Fetches and stores the images of one saved article. Images kept before are not fetched again;
 * failed ones are tried again (the network may be back). Caps apply in reading order.
 */
export async function keepArticleImages(db: KlipingDb, articleId: number, options: KeepOptions): Promise<KeepSummary> {
  const summary: KeepSummary = { urls: 0, kept: 0, failed: 0, skipped: 0, storedBytes: 0 };
  const [article, content] = await Promise.all([db.articles.get(articleId), db.contents.get(articleId)]);
  if (!article || !content) return summary;
  const urls = imageUrlsOf(content.html, article.leadImageUrl);
  summary.urls = urls.length;
  const links = new Map((await imageLinksOf(db, articleId)).map((link) => [link.url, link]));
  const keptBefore = await knownHashes(db, [...links.values()].flatMap((link) => (link.status === 'kept' && link.hash ? [link.hash] : [])));
  const { caps } = options;
  const now = options.now ?? Date.now();

  type Candidate = { url: string; fetched: Fetched | null };
  const candidates = await mapLimit(urls, options.concurrency ?? 4, async (url): Promise<Candidate> => {
    const link = links.get(url);
    if (link?.status === 'kept' && link.hash && keptBefore.has(link.hash)) return { url, fetched: null };
    if (link?.status === 'skipped') return { url, fetched: null };
    const fetched = await fetchImage(url, { fetcher: options.fetcher ?? globalThis.fetch.bind(globalThis), maxBytes: caps.perImageBytes, timeoutMs: options.timeoutMs ?? 30_000, hasAccess: options.hasAccess });
    return { url, fetched };
  });

  // Hashing happens before the write transaction: awaiting crypto.subtle inside one commits it.
  const hashed = await Promise.all(candidates.map(async (c) => (c.fetched?.ok ? sha256Hex(c.fetched.bytes) : null)));
  const stored = await knownHashes(db, hashed.filter((hash): hash is string => hash !== null));
  let total = (await imagesUsage(db)).bytes;
  let articleBytes = 0;
  const outcomes: ImageOutcome[] = [];
  candidates.forEach((candidate, index) => {
    const { url, fetched } = candidate;
    const link = links.get(url);
    if (!fetched) {
      // Unchanged since the last run: its link stays as it is.
      if (link?.status === 'kept') summary.kept++;
      else summary.skipped++;
      return;
    }
    if (!fetched.ok) {
      summary.failed++;
      outcomes.push({ url, status: 'failed', reason: fetched.reason, ...(fetched.httpStatus ? { httpStatus: fetched.httpStatus } : {}) });
      return;
    }
    const size = imageSize(fetched.bytes);
    const small = tooSmall(size);
    if (small) {
      summary.skipped++;
      outcomes.push({ url, status: 'skipped', reason: small });
      return;
    }
    const hash = hashed[index]!;
    const isNew = !stored.has(hash) && !outcomes.some((o) => o.status === 'kept' && o.image.hash === hash);
    const bytes = fetched.bytes.length;
    if (articleBytes + bytes > caps.perArticleBytes) {
      summary.failed++;
      outcomes.push({ url, status: 'failed', reason: 'article-cap' });
      return;
    }
    if (isNew && total + bytes > caps.totalBytes) {
      summary.failed++;
      outcomes.push({ url, status: 'failed', reason: 'total-cap' });
      return;
    }
    articleBytes += bytes;
    if (isNew) {
      total += bytes;
      summary.storedBytes += bytes;
    }
    summary.kept++;
    const blob = new Blob([fetched.bytes as BlobPart], { type: fetched.type });
    outcomes.push({ url, status: 'kept', image: { hash, blob, type: fetched.type, size: bytes, width: size?.width ?? null, height: size?.height ?? null, createdAt: now } });
  });
  await recordImages(db, articleId, urls, outcomes, now);
  return summary;
}
