import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makePng } from '../../support/png';
import { LibraryPage, PopupPage, freshProfileEachTest, listenOnLoopback, tabIdOf, type E2EPage, type ExtensionBrowser, type StaticServer } from './harness';

const TITLE = 'Hujan Deras Rendam Pasar Lama Kota';
const eventually = <T>(read: () => Promise<T> | T, message?: string) => expect.poll(read, { timeout: 15_000, interval: 150, message });

/** A real server on 127.0.0.1 that can be stopped mid-test, as a site going offline would be. */
function serve(routes: Record<string, [Buffer | string, string]>): Promise<StaticServer> {
  return listenOnLoopback((request, response) => {
    const route = routes[new URL(request.url ?? '/', 'http://x').pathname];
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': route[1], 'cache-control': 'no-store' }).end(route[0]);
  });
}

function articleHtml(img: string): string {
  const paragraph = (n: number) =>
    `<p>Paragraf ${n}: hujan deras sejak sore membuat air sungai meluap dan merendam los pedagang sayur di Pasar Lama. ` +
    'Para pedagang memindahkan dagangan ke lantai dua, sementara petugas membuka pintu air dan menyiapkan perahu karet untuk warga.</p>';
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${TITLE}</title>
<meta property="og:image" content="${img}/lead.png"><meta name="author" content="Sari Utami"></head>
<body><header><nav><a href="/">Beranda</a></nav></header>
<article><h1>${TITLE}</h1>
${paragraph(1)}
<figure><img src="${img}/photo.png" alt="Pasar terendam" width="400" height="300"><figcaption>Los sayur terendam.</figcaption></figure>
${paragraph(2)}
<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="${img}/lazy.png" alt="Perahu karet" class="lazyload"></figure>
${paragraph(3)}
<figure><img src="${img}/copy-of-photo.png" alt="Foto yang sama"></figure>
${paragraph(4)}
<figure><img src="${img}/missing.png" alt="Hilang"></figure>
${paragraph(5)}
<img src="${img}/pixel.png" alt="">
${paragraph(6)}
</article><footer>© Warta Kota</footer></body></html>`;
}

/** The saved images' rows, read from the extension's own IndexedDB. */
function storedLinks(): Promise<{ url: string; status: string; reason: string | null }[]> {
  return ext.inExtension(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('kliping');
        open.onsuccess = () => {
          const request = open.result.transaction('articleImages').objectStore('articleImages').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve((request.result as { url: string; status: string; reason: string | null }[]).map(({ url, status, reason }) => ({ url, status, reason })));
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** How many distinct pictures the extension's IndexedDB holds. */
function storedPictures(): Promise<number> {
  return ext.inExtension(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('kliping');
        open.onsuccess = () => {
          const count = open.result.transaction('images').objectStore('images').count();
          count.onsuccess = () => {
            open.result.close();
            resolve(count.result);
          };
        };
      }),
  );
}

/** Every image in `root` that is on screen has loaded from a blob URL this page made. */
function imagesShown(page: E2EPage, selector: string): Promise<{ src: string; ok: boolean }[]> {
  return page.evaluate((selector: string) => {
    const find = (root: Document | ShadowRoot): Element | null => root.querySelector(selector) ?? (root === document ? (document.querySelector('kliping-reader')?.shadowRoot?.querySelector(selector) ?? null) : null);
    const scope = find(document);
    return Array.from(scope?.querySelectorAll('img') ?? []).map((img) => ({ src: img.src.slice(0, 5), ok: img.complete && img.naturalWidth > 0 }));
  }, selector);
}

let ext: ExtensionBrowser;
let images: Awaited<ReturnType<typeof serve>>;
let site: Awaited<ReturnType<typeof serve>>;

// Each test has its own profile and its own image server (one test stops it, as a site going
// offline would), and saves what it needs itself.
freshProfileEachTest((launched) => (ext = launched));
beforeEach(async () => {
  const photo = makePng(400, 300, 2);
  images = await serve({
    '/lead.png': [makePng(640, 360, 1), 'image/png'],
    '/photo.png': [photo, 'image/png'],
    '/lazy.png': [makePng(300, 200, 3), 'image/png'],
    '/copy-of-photo.png': [photo, 'image/png'],
    '/pixel.png': [makePng(1, 1, 4), 'image/png'],
  });
  site = await serve({ '/banjir.html': [articleHtml(images.origin), 'text/html; charset=utf-8'] });
});
afterEach(async () => {
  await images?.close();
  await site?.close();
});

/** Turns "Keep images offline" on in Settings, as a user does; returns the page still open. */
async function keepImagesOffline(): Promise<E2EPage> {
  const settings = await ext.newPage();
  await settings.goto(ext.extensionUrl('options.html'));
  const toggle = settings.getByTestId('keep-images');
  expect(await toggle.isChecked()).toBe(false);
  await toggle.click();
  await eventually(() => toggle.isChecked()).toBe(true);
  return settings;
}

const imagePath = (url: string) => url.replace(images.origin, '');

/** What each image of the article became once stored: path, status, reason. */
const EXPECTED_LINKS = [
  ['/copy-of-photo.png', 'kept', null],
  ['/lazy.png', 'kept', null],
  ['/lead.png', 'kept', null],
  ['/missing.png', 'failed', 'http-error'],
  ['/photo.png', 'kept', null],
  ['/pixel.png', 'skipped', 'tracking-pixel'],
].sort();

/** The article saved through the popup with "Keep images offline" on, its images all stored. */
async function saveWithImagesStored(): Promise<void> {
  await (await keepImagesOffline()).close();
  const page = await ext.newPage();
  await page.goto(`${site.origin}/banjir.html`);
  const popup = await PopupPage.open(ext, await tabIdOf(ext, page));
  await eventually(() => popup.saveButton().textContent()).toBe('Save');
  await popup.save();
  await popup.close();
  await eventually(async () => (await storedLinks()).map((link) => [imagePath(link.url), link.status, link.reason]).sort()).toEqual(EXPECTED_LINKS);
  await page.close();
}

describe('a saved copy keeps its images', () => {
  it('asks for access when "Keep images offline" is turned on in Settings', async () => {
    const settings = await keepImagesOffline();
    expect(await settings.getByTestId('keep-images-denied').count()).toBe(0);
    await settings.close();
  });

  it('saves the article at once, then stores its images in the background', async () => {
    // The steps, and what each stored image must be, are the set-up the other tests share.
    await saveWithImagesStored();
  });

  it('shows every image in the library once the image server is gone, and says which could not be kept', async () => {
    await saveWithImagesStored();
    await images.close();
    const library = await LibraryPage.open(ext);
    await library.openArticle(TITLE);
    const body = '[data-testid="saved-article"]';
    await eventually(() => imagesShown(library.page, body)).toEqual([
      { src: 'blob:', ok: true }, // lead
      { src: 'blob:', ok: true },
      { src: 'blob:', ok: true },
      { src: 'blob:', ok: true },
      { src: 'http:', ok: false }, // the missing one, never kept
    ]);
    const notes = library.page.getByTestId('image-not-kept');
    expect(await notes.count()).toBe(1);
    expect(await notes.getAttribute('data-note')).toBe('Image not kept: the site answered with error 404');
    await library.page.close();
  });

  it('shows them in the reader over the page too, with the image server gone', async () => {
    await saveWithImagesStored();
    await images.close();
    const page = await ext.newPage();
    await page.goto(`${site.origin}/banjir.html`);
    const popup = await PopupPage.open(ext, await tabIdOf(ext, page));
    await popup.page.getByTestId('reader-view').click();
    await eventually(() => popup.page.isClosed()).toBe(true);
    await page.locator('kliping-reader').getByTestId('reader-article').waitFor();
    const shown = await (async () => {
      await eventually(async () => (await imagesShown(page, '[data-testid="reader-article"]')).filter((img) => img.src === 'data:' && img.ok).length).toBe(4);
      return imagesShown(page, '[data-testid="reader-article"]');
    })();
    // The page's own copies of those pictures are broken now; the reader's are the saved ones.
    expect(shown.filter((img) => img.src === 'data:').every((img) => img.ok)).toBe(true);
    expect(shown.filter((img) => img.src === 'http:').every((img) => !img.ok)).toBe(true);
    await page.close();
  });

  it('shows the space images take in Settings, one copy of identical pictures', async () => {
    await saveWithImagesStored();
    const settings = await ext.newPage();
    await settings.goto(ext.extensionUrl('options.html'));
    expect(await settings.getByTestId('images-usage').textContent()).toMatch(/^Images take 1.2\sMB \(3 pictures\)\.$/);
    await settings.close();
  });

  it('exports a zip with the pictures, and importing it after a delete brings every image back', async () => {
    await saveWithImagesStored();
    const library = await LibraryPage.open(ext);
    await library.page.getByTestId('transfer-toggle').locator('summary').click();
    await library.page.getByTestId('export-format').selectOption('kliping-json');
    const exported = await library.page.download(() => library.page.getByTestId('export-button').click());
    expect(exported.name).toMatch(/^kliping-\d{4}-\d{2}-\d{2}\.zip$/);
    const entries = Object.keys(unzipSync(new Uint8Array(exported.bytes)));
    expect(entries.filter((name) => /^images\/[0-9a-f]{64}\.png$/.test(name))).toHaveLength(3);
    expect(entries).toContain('kliping.json');

    await library.items().first().getByRole('checkbox').check();
    await library.page.getByTestId('bulk-bar').getByTestId('delete').click();
    await eventually(() => library.items().count()).toBe(0);
    // Deleted with the article: no other article shows these pictures.
    await eventually(() => storedPictures()).toBe(0);

    await library.page.getByTestId('import-file').setInputFiles({ name: exported.name, mimeType: 'application/zip', buffer: exported.bytes });
    await eventually(() => library.page.getByTestId('transfer-result').getAttribute('data-added')).toBe('1');
    await library.openArticle(TITLE);
    await eventually(async () => (await imagesShown(library.page, '[data-testid="saved-article"]')).filter((img) => img.src === 'blob:' && img.ok).length).toBe(4);
    await library.page.close();
  });
});
