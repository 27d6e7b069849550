import type { ArticleImageRecord, ImageFailure, ImageRecord, KlipingDb } from './schema';

/*
 * The saved copies' images: one `images` row per distinct picture (keyed by content hash),
 * one `articleImages` row per image URL of an article. Every write here is one transaction;
 * a picture's blob is deleted with the last article that shows it.
 */

/** What became of one image URL of an article, ready to be written. */
export type ImageOutcome =
  | { url: string; status: 'kept'; image: ImageRecord }
  | { url: string; status: 'failed' | 'skipped'; reason: ImageFailure; httpStatus?: number };

/** An image link with its blob when kept: what a page needs to show the saved copy. */
export interface StoredImage extends ArticleImageRecord {
  blob: Blob | null;
}

export async function imageLinksOf(db: KlipingDb, articleId: number): Promise<ArticleImageRecord[]> {
  return db.articleImages.where('articleId').equals(articleId).toArray();
}

/** The article's image links, each kept one with its blob. */
export async function storedImagesOf(db: KlipingDb, articleId: number): Promise<StoredImage[]> {
  return db.transaction('r', db.articleImages, db.images, async () => {
    const links = await db.articleImages.where('articleId').equals(articleId).toArray();
    const hashes = links.map((link) => link.hash).filter((hash): hash is string => hash !== null);
    const images = new Map((await db.images.bulkGet(hashes)).filter((row): row is ImageRecord => row !== undefined).map((row) => [row.hash, row]));
    return links.map((link) => ({ ...link, blob: link.hash ? (images.get(link.hash)?.blob ?? null) : null }));
  });
}

export async function getImage(db: KlipingDb, hash: string): Promise<ImageRecord | undefined> {
  return db.images.get(hash);
}

/** Hashes already stored, of those asked: a picture kept before is not stored twice. */
export async function knownHashes(db: KlipingDb, hashes: readonly string[]): Promise<Set<string>> {
  const rows = await db.images.bulkGet([...hashes]);
  return new Set(rows.filter((row): row is ImageRecord => row !== undefined).map((row) => row.hash));
}

/** Space the images take: bytes of every distinct picture, and how many there are. */
export async function imagesUsage(db: KlipingDb): Promise<{ bytes: number; count: number }> {
  let bytes = 0;
  let count = 0;
  // The size sits beside the blob, so no blob is read.
  await db.images.each((row) => {
    bytes += row.size;
    count++;
  });
  return { bytes, count };
}

/**
 * Writes what became of an article's images, in one transaction. `urls` is the article's whole
 * list now: links for URLs no longer in it go (a re-saved page may have dropped a picture), and
 * so do blobs no article shows any more; a URL with no outcome keeps its link as it was (kept
 * before, not fetched again). Nothing is written when the article was deleted meanwhile (its
 * images are fetched in the background, after the save).
 */
export async function recordImages(db: KlipingDb, articleId: number, urls: readonly string[], outcomes: readonly ImageOutcome[], now = Date.now()): Promise<boolean> {
  return db.transaction('rw', db.articles, db.articleImages, db.images, async () => {
    if (!(await db.articles.get(articleId))) return false;
    const wanted = new Set(urls);
    const before = await db.articleImages.where('articleId').equals(articleId).toArray();
    const stale = before.filter((link) => !wanted.has(link.url));
    if (stale.length > 0) await db.articleImages.bulkDelete(stale.map((link) => [articleId, link.url] as [number, string]));
    const links: ArticleImageRecord[] = [];
    for (const outcome of outcomes) {
      if (!wanted.has(outcome.url)) continue;
      if (outcome.status === 'kept') {
        if (!(await db.images.get(outcome.image.hash))) await db.images.add(outcome.image);
        links.push({ articleId, url: outcome.url, status: 'kept', hash: outcome.image.hash, reason: null, updatedAt: now });
      } else {
        links.push({ articleId, url: outcome.url, status: outcome.status, hash: null, reason: outcome.reason, ...(outcome.httpStatus ? { httpStatus: outcome.httpStatus } : {}), updatedAt: now });
      }
    }
    await db.articleImages.bulkPut(links);
    const replaced = before.filter((link) => link.hash && !links.some((next) => next.url === link.url && next.hash === link.hash));
    await deleteOrphans(db, [...stale, ...replaced].map((link) => link.hash));
    return true;
  });
}

/** Deletes the blobs of these hashes that no article links to any more; returns them. */
async function deleteOrphans(db: KlipingDb, hashes: readonly (string | null)[]): Promise<ImageRecord[]> {
  const unique = [...new Set(hashes.filter((hash): hash is string => hash !== null))];
  const orphans: string[] = [];
  for (const hash of unique) {
    if ((await db.articleImages.where('hash').equals(hash).count()) === 0) orphans.push(hash);
  }
  const rows = (await db.images.bulkGet(orphans)).filter((row): row is ImageRecord => row !== undefined);
  await db.images.bulkDelete(orphans);
  return rows;
}

/** What deleting articles took from the image tables, so that undo puts it back. */
export interface DeletedImages {
  links: ArticleImageRecord[];
  images: ImageRecord[];
}

/**
 * Deletes these articles' image links and every blob no other article shows. Called inside the
 * caller's transaction (it must include `articleImages` and `images`).
 */
export async function deleteImagesOf(db: KlipingDb, articleIds: readonly number[]): Promise<DeletedImages> {
  const links = await db.articleImages.where('articleId').anyOf([...articleIds]).toArray();
  await db.articleImages.bulkDelete(links.map((link) => [link.articleId, link.url] as [number, string]));
  const images = await deleteOrphans(db, links.map((link) => link.hash));
  return { links, images };
}

/** Puts deleted links back (for the articles that came back) and their blobs. Inside the caller's transaction. */
export async function restoreImages(db: KlipingDb, deleted: DeletedImages, articleIds: ReadonlySet<number>): Promise<void> {
  const links = deleted.links.filter((link) => articleIds.has(link.articleId));
  const needed = new Set(links.map((link) => link.hash));
  const images = deleted.images.filter((image) => needed.has(image.hash));
  const present = await knownHashes(db, images.map((image) => image.hash));
  await db.images.bulkAdd(images.filter((image) => !present.has(image.hash)));
  await db.articleImages.bulkPut(links);
}
