import { browser } from 'wxt/browser';
import { getImage, imageLinksOf } from '../data/images';
import type { ArticleImageRecord, KlipingDb } from '../data/schema';
import { bytesToBase64 } from '../core/reader/font';
import { normalizeUrl } from '../core/url';
import { keepArticleImages, type KeepSummary } from '../data/keep-images';
import { loadImagePrefs } from './settings-storage';

/*
 * The background's side of saved images: runs after a save (never awaited by it), and answers
 * the reader view, which runs in the page and cannot open the extension's IndexedDB.
 */

const running = new Map<number, Promise<KeepSummary | null>>();
const START_DELAY_MS = 300;

function originPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

async function hasAccess(url: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPattern(url)] });
}

/**
 * Keeps the images of a just-saved article when "Keep images offline" is on. One run per
 * article at a time; a save arriving meanwhile starts one more run after it (the page may have
 * changed). Resolves with what was kept, or null when the setting is off. Never throws.
 */
export function keepImagesAfterSave(db: KlipingDb, articleId: number): Promise<KeepSummary | null> {
  const before = running.get(articleId) ?? Promise.resolve(null);
  const run = before
    .catch(() => null)
    .then(async () => {
      const prefs = await loadImagePrefs();
      if (!prefs.keep) return null;
      // Let the popup show "Saved" first: on a busy machine downloading and hashing pictures in
      // the same extension process delays its paint (bench:library measures both).
      await new Promise((done) => setTimeout(done, START_DELAY_MS));
      return keepArticleImages(db, articleId, { caps: prefs, hasAccess });
    })
    .catch((error: unknown) => {
      console.warn('Kliping: images of a saved article could not be kept', error);
      return null;
    });
  running.set(articleId, run);
  void run.finally(() => {
    if (running.get(articleId) === run) running.delete(articleId);
  });
  return run;
}

/** What the reader view is told about a saved page's images (blobs are asked for one by one). */
export type SavedImageInfo = Pick<ArticleImageRecord, 'url' | 'status' | 'hash' | 'reason' | 'httpStatus'>;

export async function savedImagesFor(db: KlipingDb, canonicalUrl: string): Promise<SavedImageInfo[]> {
  const article = await db.articles.where('canonicalUrl').equals(normalizeUrl(canonicalUrl)).first();
  if (!article) return [];
  return (await imageLinksOf(db, article.id)).map(({ url, status, hash, reason, httpStatus }) => ({ url, status, hash, reason, httpStatus }));
}

/**
 * One picture as base64: runtime messages carry JSON in Chromium (no ArrayBuffer, no Blob), so
 * this is the form both browsers pass to a content script.
 */
export async function savedImageData(db: KlipingDb, hash: string): Promise<{ type: string; base64: string } | null> {
  const image = await getImage(db, hash);
  if (!image) return null;
  return { type: image.type, base64: bytesToBase64(await image.blob.arrayBuffer()) };
}
