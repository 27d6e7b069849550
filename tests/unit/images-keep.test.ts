// @vitest-environment node
// Real HTTP on 127.0.0.1 and Node's own fetch: no DOM is involved in keeping images.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sampleArticle } from './helpers';
import { makePng } from '../../support/png';
import { saveArticle } from '@/utils/data/library-writes';
import { imagesUsage, storedImagesOf } from '@/utils/data/images';
import { deleteArticles, restoreArticles } from '@/utils/data/library-writes';
import { KlipingDb } from '@/utils/data/schema';
import { keepArticleImages, sha256Hex, type KeepOptions } from '@/utils/data/keep-images';
import { imageSize } from '@/utils/core/images/sniff';

const PHOTO = makePng(320, 200, 7);
const OTHER = makePng(300, 180, 8);
const BIG = makePng(900, 700, 9);
const PIXEL = makePng(1, 1, 10);
const ICON = makePng(16, 16, 11);

let server: Server;
let origin: string;
const hits = new Map<string, number>();
beforeAll(async () => {
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const files: Record<string, [Buffer, string]> = {
      '/photo.png': [PHOTO, 'image/png'],
      '/same-photo.png': [PHOTO, 'image/png'],
      '/mislabelled': [OTHER, 'application/octet-stream'],
      '/big.png': [BIG, 'image/png'],
      '/pixel.png': [PIXEL, 'image/png'],
      '/icon.png': [ICON, 'image/png'],
      '/page.html': [Buffer.from('<html></html>'), 'text/html'],
    };
    const file = files[path];
    if (!file) {
      response.writeHead(404).end('no');
      return;
    }
    response.writeHead(200, { 'content-type': file[1] }).end(file[0]);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

let db: KlipingDb;
let n = 0;
beforeEach(async () => {
  db = new KlipingDb(`images-${++n}`);
  await db.open();
  hits.clear();
});
afterEach(() => db.delete());

const MB = 1024 * 1024;
const options = (caps: Partial<KeepOptions['caps']> = {}, extra: Partial<KeepOptions> = {}): KeepOptions => ({
  caps: { perImageBytes: 5 * MB, perArticleBytes: 25 * MB, totalBytes: 100 * MB, ...caps },
  ...extra,
});

async function save(path: string, html: string, leadImageUrl: string | null = null) {
  const article = sampleArticle({ canonicalUrl: `https://news.example/${path}`, url: `https://news.example/${path}`, contentHtml: html, leadImageUrl });
  return saveArticle(db, { kind: 'article', article });
}
const img = (path: string) => `<img src="${origin}${path}" alt="">`;

describe('keeping a saved article’s images', () => {
  it('stores each picture once by content, with its size, and maps every URL of the copy to it', async () => {
    const record = await save('a', `<p>${img('/photo.png')}${img('/same-photo.png')}${img('/mislabelled')}</p>`, `${origin}/big.png`);
    const summary = await keepArticleImages(db, record.id, options());
    expect(summary).toMatchObject({ urls: 4, kept: 4, failed: 0, skipped: 0 });
    expect(await db.images.count()).toBe(3); // photo.png and same-photo.png are one picture
    const stored = await storedImagesOf(db, record.id);
    const byUrl = new Map(stored.map((s) => [s.url.slice(origin.length), s]));
    expect(byUrl.get('/photo.png')?.hash).toBe(await sha256Hex(PHOTO));
    expect(byUrl.get('/same-photo.png')?.hash).toBe(byUrl.get('/photo.png')?.hash);
    // The bytes decide the type, not the server's label.
    expect(byUrl.get('/mislabelled')?.blob?.type).toBe('image/png');
    const photo = await db.images.get(await sha256Hex(PHOTO));
    expect(photo).toMatchObject({ type: 'image/png', size: PHOTO.length, width: 320, height: 200 });
    expect(new Uint8Array(await photo!.blob.arrayBuffer())).toEqual(new Uint8Array(PHOTO));
    expect(await imagesUsage(db)).toEqual({ bytes: PHOTO.length + OTHER.length + BIG.length, count: 3 });
  });

  it('says why an image was not kept, and leaves out tracking pixels and icons', async () => {
    const record = await save('b', `<p>${img('/gone.png')}${img('/page.html')}${img('/pixel.png')}${img('/icon.png')}<img src="http://127.0.0.1:1/x.png"></p>`);
    await keepArticleImages(db, record.id, options({}, { hasAccess: async () => false }));
    const reasons = Object.fromEntries((await storedImagesOf(db, record.id)).map((s) => [s.url.replace(origin, '').replace('http://127.0.0.1:1', 'closed'), [s.status, s.reason, s.httpStatus]]));
    expect(reasons).toEqual({
      '/gone.png': ['failed', 'http-error', 404],
      '/page.html': ['failed', 'not-image', undefined],
      '/pixel.png': ['skipped', 'tracking-pixel', undefined],
      '/icon.png': ['skipped', 'tiny', undefined],
      // A fetch that fails where Kliping has no access to the site: the permission is what is missing.
      'closed/x.png': ['failed', 'permission', undefined],
    });
    expect(await db.images.count()).toBe(0);
  });

  it('applies the per-image, per-article and total caps in reading order', async () => {
    const perImage = await save('c', `<p>${img('/big.png')}${img('/photo.png')}</p>`);
    await keepArticleImages(db, perImage.id, options({ perImageBytes: BIG.length - 1 }));
    expect((await storedImagesOf(db, perImage.id)).map((s) => s.reason)).toEqual(['too-large', null]);

    const perArticle = await save('d', `<p>${img('/photo.png')}${img('/big.png')}${img('/mislabelled')}</p>`);
    await keepArticleImages(db, perArticle.id, options({ perArticleBytes: PHOTO.length + OTHER.length + 10 }));
    expect((await storedImagesOf(db, perArticle.id)).map((s) => [s.url.slice(origin.length), s.reason])).toEqual(
      expect.arrayContaining([['/photo.png', null], ['/big.png', 'article-cap'], ['/mislabelled', null]]),
    );

    // Total: the photo is stored already and costs nothing more; a new picture would pass the cap.
    const total = await save('e', `<p>${img('/same-photo.png')}${img('/big.png')}</p>`);
    const used = (await imagesUsage(db)).bytes;
    await keepArticleImages(db, total.id, options({ totalBytes: used + 10 }));
    expect((await storedImagesOf(db, total.id)).map((s) => [s.url.slice(origin.length), s.status, s.reason])).toEqual(
      expect.arrayContaining([['/same-photo.png', 'kept', null], ['/big.png', 'failed', 'total-cap']]),
    );
  });

  it('does not fetch a kept image again, tries failed ones again, and follows a re-saved page', async () => {
    const record = await save('f', `<p>${img('/photo.png')}${img('/later.png')}</p>`);
    await keepArticleImages(db, record.id, options());
    await keepArticleImages(db, record.id, options());
    expect(hits.get('/photo.png')).toBe(1);
    expect(hits.get('/later.png')).toBe(2);
    // The page changed: the photo is gone from it, so its link and blob go too.
    await save('f', `<p>${img('/mislabelled')}</p>`);
    await keepArticleImages(db, record.id, options());
    expect((await storedImagesOf(db, record.id)).map((s) => s.url.slice(origin.length))).toEqual(['/mislabelled']);
    expect(await db.images.count()).toBe(1);
  });

  it('writes nothing for an article deleted while its images were fetched', async () => {
    const record = await save('g', `<p>${img('/photo.png')}</p>`);
    const slowFetch: typeof fetch = async (...args) => {
      await deleteArticles(db, [record.id]);
      return fetch(...args);
    };
    await keepArticleImages(db, record.id, options({}, { fetcher: slowFetch }));
    expect(await db.images.count()).toBe(0);
    expect(await db.articleImages.count()).toBe(0);
  });
});

describe('deleting articles with images', () => {
  it('deletes a picture with the last article that shows it, and undo brings it back', async () => {
    const a = await save('h', `<p>${img('/photo.png')}${img('/big.png')}</p>`);
    const b = await save('i', `<p>${img('/same-photo.png')}</p>`);
    await keepArticleImages(db, a.id, options());
    await keepArticleImages(db, b.id, options());
    expect(await db.images.count()).toBe(2);

    const deleted = await deleteArticles(db, [a.id]);
    // The photo is still shown by b; the big picture was a's alone.
    expect((await db.images.toArray()).map((row) => row.hash)).toEqual([await sha256Hex(PHOTO)]);
    expect(await db.articleImages.where('articleId').equals(a.id).count()).toBe(0);

    await restoreArticles(db, deleted);
    expect(await db.images.count()).toBe(2);
    expect((await storedImagesOf(db, a.id)).every((s) => s.blob && s.blob.size > 0)).toBe(true);

    await deleteArticles(db, [a.id, b.id]);
    expect(await db.images.count()).toBe(0);
    expect(await db.articleImages.count()).toBe(0);
  });
});

describe('image headers', () => {
  it('reads the pixel size of PNG, GIF, JPEG and WebP files', () => {
    expect(imageSize(makePng(33, 44))).toEqual({ width: 33, height: 44 });
    const gif = Uint8Array.from([...Buffer.from('GIF89a'), 5, 0, 3, 0, 0]);
    expect(imageSize(gif)).toEqual({ width: 5, height: 3 });
    // SOI, an APP0 segment of 16 bytes, then SOF0 with height 480 and width 640.
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, ...new Array(14).fill(0), 0xff, 0xc0, 0, 17, 8, 0x01, 0xe0, 0x02, 0x80, 3, 0, 0, 0, 0]);
    expect(imageSize(jpeg)).toEqual({ width: 640, height: 480 });
    const webp = Uint8Array.from([...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBPVP8X'), 10, 0, 0, 0, 0, 0, 0, 0, 0x7f, 0x02, 0, 0xdf, 0x01, 0]);
    expect(imageSize(webp)).toEqual({ width: 640, height: 480 });
  });
});
