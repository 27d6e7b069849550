// @vitest-environment node
// Blobs and crypto.subtle as Node has them; no DOM is needed to export or import pictures.
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makePng } from '../../support/png';
import { sampleArticle } from './helpers';
import { saveArticle } from '@/utils/data/library-writes';
import { recordImages, storedImagesOf } from '@/utils/data/images';
import { KlipingDb, type ImageRecord } from '@/utils/data/schema';
import { sha256Hex } from '@/utils/data/keep-images';
import { exportLibrary, ImportFormatError } from '@/utils/data/transfer';
import { importFiles } from './transfer-helpers';

let n = 0;
const open: KlipingDb[] = [];
async function freshDb(): Promise<KlipingDb> {
  const db = new KlipingDb(`transfer-images-${++n}`);
  await db.open();
  open.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((d) => d.delete()));
});

const PHOTO = makePng(200, 120, 1);
const MAP = makePng(160, 160, 2);
const CDN = 'https://cdn.example';

async function picture(bytes: Uint8Array): Promise<ImageRecord> {
  return { hash: await sha256Hex(bytes), blob: new Blob([bytes as BlobPart], { type: 'image/png' }), type: 'image/png', size: bytes.length, width: null, height: null, createdAt: 1 };
}

/** Two articles sharing a photo; one has a map of its own and an image that could not be kept. */
async function seed(db: KlipingDb) {
  const a = await saveArticle(db, {
    kind: 'article',
    article: sampleArticle({ canonicalUrl: 'https://news.example/banjir', url: 'https://news.example/banjir', title: 'Banjir Pasar', contentHtml: `<p>Air naik.</p><img src="${CDN}/photo.png" alt="Pasar"><p>Peta:</p><img src="${CDN}/map.png?v=1&amp;z=2" alt="Peta"><img src="${CDN}/gone.png">` }),
  });
  const b = await saveArticle(db, {
    kind: 'article',
    article: sampleArticle({ canonicalUrl: 'https://news.example/pasar', url: 'https://news.example/pasar', title: 'Pasar Lagi', contentHtml: `<p>Lagi.</p><img src="${CDN}/same-photo.png">` }),
  });
  await recordImages(db, a.id, [`${CDN}/photo.png`, `${CDN}/map.png?v=1&z=2`, `${CDN}/gone.png`], [
    { url: `${CDN}/photo.png`, status: 'kept', image: await picture(PHOTO) },
    { url: `${CDN}/map.png?v=1&z=2`, status: 'kept', image: await picture(MAP) },
    { url: `${CDN}/gone.png`, status: 'failed', reason: 'http-error', httpStatus: 404 },
  ]);
  await recordImages(db, b.id, [`${CDN}/same-photo.png`], [{ url: `${CDN}/same-photo.png`, status: 'kept', image: await picture(PHOTO) }]);
  return { a, b };
}

const links = async (db: KlipingDb, canonicalUrl: string) => {
  const article = await db.articles.where('canonicalUrl').equals(canonicalUrl).first();
  const stored = await storedImagesOf(db, article!.id);
  return Promise.all(
    stored.map(async ({ url, status, hash, reason, httpStatus, blob }) => ({ url, status, hash, reason, httpStatus, bytes: blob ? (await sha256Hex(new Uint8Array(await blob.arrayBuffer()))) : null })),
  );
};

let source: KlipingDb;
beforeEach(async () => {
  source = await freshDb();
  await seed(source);
});

describe('Kliping export with images', () => {
  it('is a zip of the JSON and each picture once, named by its hash, that imports back whole', async () => {
    const exported = await exportLibrary(source, 'kliping-json', { now: Date.UTC(2026, 11, 1) });
    expect(exported).toMatchObject({ name: 'kliping-2026-12-01.zip', mime: 'application/zip' });
    const entries = unzipSync(exported.bytes);
    const photo = `images/${await sha256Hex(PHOTO)}.png`;
    const map = `images/${await sha256Hex(MAP)}.png`;
    expect(Object.keys(entries).sort()).toEqual([photo, map, 'kliping.json'].sort());
    expect(entries[photo]).toEqual(new Uint8Array(PHOTO));
    expect(entries[map]).toEqual(new Uint8Array(MAP));
    const doc = JSON.parse(strFromU8(entries['kliping.json']!));
    expect(doc.pictures).toHaveLength(2);

    const target = await freshDb();
    const summary = await importFiles(target, [{ name: exported.name, bytes: exported.bytes }]);
    expect(summary.added).toBe(2);
    expect(await links(target, 'https://news.example/banjir')).toEqual(await links(source, 'https://news.example/banjir'));
    expect(await links(target, 'https://news.example/pasar')).toEqual(await links(source, 'https://news.example/pasar'));
    expect(await target.images.count()).toBe(2);
    // Imported again: nothing new, no second copy of any picture.
    expect(await importFiles(target, [{ name: exported.name, bytes: exported.bytes }])).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    expect(await target.images.count()).toBe(2);
  });

  it('reads the JSON alone, keeping the notes of images not kept and links for the rest', async () => {
    const exported = await exportLibrary(source, 'kliping-json');
    const json = unzipSync(exported.bytes)['kliping.json']!;
    const target = await freshDb();
    await importFiles(target, [{ name: 'kliping.json', bytes: json }]);
    expect((await links(target, 'https://news.example/banjir')).map((l) => [l.url, l.status])).toEqual([[`${CDN}/gone.png`, 'failed']]);
    expect(await target.images.count()).toBe(0);
  });

  it('refuses a zip whose picture is damaged or missing, and writes nothing', async () => {
    const entries = unzipSync((await exportLibrary(source, 'kliping-json')).bytes);
    const photo = `images/${await sha256Hex(PHOTO)}.png`;
    const target = await freshDb();

    const damaged = { ...entries, [photo]: MAP };
    const error = await importFiles(target, [{ name: 'k.zip', bytes: zipSync(damaged) }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFormatError);
    expect((error as ImportFormatError).problem.code).toBe('imageDamaged');

    const missing = Object.fromEntries(Object.entries(entries).filter(([name]) => name !== photo));
    const error2 = await importFiles(target, [{ name: 'k.zip', bytes: zipSync(missing) }]).catch((e: unknown) => e);
    expect((error2 as ImportFormatError).problem.code).toBe('imageMissing');
    expect((error2 as ImportFormatError).message).toContain(photo);
    expect(await target.articles.count()).toBe(0);
    expect(await target.images.count()).toBe(0);
  });

  it('stays plain JSON when no picture is kept', async () => {
    const empty = await freshDb();
    await saveArticle(empty, { kind: 'article', article: sampleArticle() });
    const exported = await exportLibrary(empty, 'kliping-json', { now: Date.UTC(2026, 11, 1) });
    expect(exported.name).toBe('kliping-2026-12-01.json');
    expect(JSON.parse(strFromU8(exported.bytes)).pictures).toBeUndefined();
  });
});

describe('Markdown zip with images', () => {
  it('puts each article’s pictures beside its file and links them relatively', async () => {
    const entries = unzipSync((await exportLibrary(source, 'markdown-zip')).bytes);
    const photo = `${(await sha256Hex(PHOTO)).slice(0, 16)}.png`;
    const map = `${(await sha256Hex(MAP)).slice(0, 16)}.png`;
    expect(Object.keys(entries).sort()).toEqual(['banjir-pasar.md', `banjir-pasar/${map}`, `banjir-pasar/${photo}`, 'pasar-lagi.md', `pasar-lagi/${photo}`].sort());
    const note = strFromU8(entries['banjir-pasar.md']!);
    expect(note).toContain(`![Pasar](banjir-pasar/${photo})`);
    expect(note).toContain(`![Peta](banjir-pasar/${map})`);
    // Not kept: the original address stays.
    expect(note).toContain(`![](${CDN}/gone.png)`);
    expect(entries[`banjir-pasar/${map}`]).toEqual(new Uint8Array(MAP));
    expect(strFromU8(entries['pasar-lagi.md']!)).toContain(`![](pasar-lagi/${photo})`);
  });
});
