/**
 * `npm run bench:transfer`: in Chromium, through the library page's own Export/Import panel,
 * imports of 10,000 rows of each format into an empty library, a merge of 10,000 known pages, and
 * exports of a 10,000-article library; against a baseline measured in the same run: the same
 * 10,000 article rows written straight to IndexedDB in one transaction (no parsing, no checks).
 * Target: a 10,000-row import under 10 s.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../support/browser/launch';

const ROWS = Number(process.env.ROWS ?? 10_000);
const TARGET_MS = 10_000;
const WORDS = 'harga cabai naik lagi di pasar induk pedagang mengeluh pemerintah berjanji menstabilkan pasokan menjelang lebaran petani kopi gayo panen raya ekspor meningkat'.split(' ');

/** Deterministic pseudo-random numbers, so every run benches the same files. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}
const rand = random(42);
const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
const TAGS = ['ekonomi', 'politik', 'kopi', 'pasar', 'teknologi', 'olahraga', 'budaya'];
const tagsFor = () => Array.from({ length: Math.floor(rand() * 3) }, () => pick(TAGS));
const urlFor = (i: number) => `https://news${i % 40}.example/${2020 + (i % 5)}/${(i % 12) + 1}/artikel-${i}-${sentence(3).replace(/ /g, '-')}?utm_source=pocket`;
const titleFor = (i: number) => `${sentence(8)} (${i})`;
const timeFor = (i: number) => 1_600_000_000 + i * 600;
const csvCell = (value: string) => `"${value.replace(/"/g, '""')}"`;

function pocketCsv(): string {
  const lines = ['title,url,time_added,tags,status'];
  for (let i = 0; i < ROWS; i++) lines.push([titleFor(i), urlFor(i), String(timeFor(i)), tagsFor().join('|'), rand() < 0.4 ? 'archive' : 'unread'].map(csvCell).join(','));
  return `${lines.join('\n')}\n`;
}

function instapaperCsv(): string {
  const lines = ['URL,Title,Selection,Folder,Timestamp,Tags'];
  for (let i = 0; i < ROWS; i++) lines.push([urlFor(i), titleFor(i), rand() < 0.2 ? sentence(20) : '', pick(['Unread', 'Archive', 'Starred', 'Kuliner']), String(timeFor(i)), JSON.stringify(tagsFor())].map(csvCell).join(','));
  return `${lines.join('\n')}\n`;
}

function bookmarksHtml(): string {
  const lines = ['<!DOCTYPE NETSCAPE-Bookmark-file-1>', '<TITLE>Bookmarks</TITLE>', '<H1>Bookmarks</H1>', '<DL><p>'];
  for (let i = 0; i < ROWS; i++) lines.push(`<DT><A HREF="${urlFor(i).replace(/&/g, '&amp;')}" ADD_DATE="${timeFor(i)}" TAGS="${tagsFor().join(',')}">${titleFor(i)}</A>`);
  lines.push('</DL><p>');
  return lines.join('\n');
}

/** A Kliping backup of articles with a body of about `words` words each, notes on some, highlights on some. */
function klipingJson(words: number): string {
  const articles = [];
  for (let i = 0; i < ROWS; i++) {
    const paragraphs = Array.from({ length: Math.ceil(words / 60) }, () => `${sentence(60)}.`);
    const text = paragraphs.join('\n');
    const exact = paragraphs[0]!.slice(10, 40);
    articles.push({
      url: urlFor(i),
      canonicalUrl: urlFor(i).replace(/\?utm_source=pocket$/, ''),
      title: titleFor(i),
      byline: 'Rina',
      siteName: `News ${i % 40}`,
      publishedTime: new Date(timeFor(i) * 1000).toISOString(),
      lang: 'id',
      dir: 'ltr',
      excerpt: paragraphs[0]!.slice(0, 120),
      leadImageUrl: null,
      wordCount: words,
      readingMinutes: Math.ceil(words / 200),
      tags: tagsFor(),
      savedAt: timeFor(i) * 1000,
      updatedAt: timeFor(i) * 1000,
      readState: rand() < 0.5 ? 'read' : 'unread',
      readingProgress: Math.round(rand() * 100) / 100,
      favorite: rand() < 0.1,
      archived: rand() < 0.4,
      contentStatus: 'saved',
      content: { html: paragraphs.map((p) => `<p>${p}</p>`).join(''), text },
      notes: i % 10 === 0 ? { text: sentence(30), updatedAt: timeFor(i) * 1000 } : null,
      highlights:
        i % 5 === 0
          ? [{ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, quote: { type: 'TextQuoteSelector', exact, prefix: paragraphs[0]!.slice(0, 10), suffix: paragraphs[0]!.slice(40, 72) }, position: { type: 'TextPositionSelector', start: 10, end: 40 }, note: null, color: 'yellow', createdAt: 1, updatedAt: 1 }]
          : [],
    });
  }
  return JSON.stringify({ format: 'kliping', version: 1, exportedAt: new Date().toISOString(), articles });
}

async function clearLibrary(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('kliping');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(['articles', 'contents', 'notes', 'highlights'], 'readwrite');
    for (const store of ['articles', 'contents', 'notes', 'highlights']) tx.objectStore(store).clear();
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
}

/** The baseline: the same number of article rows put straight into IndexedDB, one transaction. */
async function rawWrite(page: Page, rows: number): Promise<number> {
  return page.evaluate(async (n) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('kliping');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const started = performance.now();
    const tx = db.transaction('articles', 'readwrite');
    const store = tx.objectStore('articles');
    for (let i = 0; i < n; i++) {
      store.add({
        canonicalUrl: `https://raw.example/${i}`,
        url: `https://raw.example/${i}?utm_source=pocket`,
        title: `Raw row ${i} harga cabai naik lagi di pasar induk`,
        byline: null, siteName: null, publishedTime: null, lang: null, dir: null, excerpt: null, leadImageUrl: null,
        wordCount: 0, readingMinutes: 0, hasContent: false, tags: ['ekonomi'], savedAt: i, updatedAt: i,
        readState: 'unread', readingProgress: 0, favorite: false, archived: false, contentStatus: 'pending-fetch',
      });
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    const ms = performance.now() - started;
    db.close();
    return ms;
  }, rows);
}

interface Figure {
  what: string;
  pageMs: number;
  wallMs: number;
  /** Of the page time: parsing and checking the file, then the one write transaction. */
  checkMs?: number;
  writeMs?: number;
  note?: string;
}

/** The split the importer marks with User Timing (the last import's marks). */
async function importSplit(page: Page): Promise<{ checkMs: number; writeMs: number }> {
  return page.evaluate(() => {
    const last = (name: string) => performance.getEntriesByName(name, 'mark').at(-1)?.startTime ?? NaN;
    const start = last('kliping:import:start');
    const checked = last('kliping:import:checked');
    return { checkMs: checked - start, writeMs: last('kliping:import:written') - checked };
  });
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'kliping-bench-'));
  const files = {
    pocket: join(dir, 'part_000000.csv'),
    instapaper: join(dir, 'instapaper-export.csv'),
    bookmarks: join(dir, 'bookmarks.html'),
    kliping: join(dir, 'kliping.json'),
  };
  writeFileSync(files.pocket, pocketCsv());
  writeFileSync(files.instapaper, instapaperCsv());
  writeFileSync(files.bookmarks, bookmarksHtml());
  writeFileSync(files.kliping, klipingJson(300));
  const size = (path: string) => `${(readFileSync(path).length / 1024 / 1024).toFixed(1)} MB`;

  const ext = await launchChromium();
  ext.context.setDefaultTimeout(120_000);
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('library.html'));
  await page.getByTestId('transfer-toggle').locator('summary').click();
  const result = page.getByTestId('transfer-result');

  const importFile = async (what: string, path: string, expectAdded: number): Promise<Figure> => {
    const started = performance.now();
    await page.getByTestId('import-file').setInputFiles(path);
    await page.locator(`[data-testid="transfer-result"][data-added="${expectAdded}"]`).waitFor();
    const wallMs = performance.now() - started;
    const pageMs = Number(await result.getAttribute('data-ms'));
    return { what, pageMs, wallMs, ...(await importSplit(page)), note: size(path) };
  };

  const figures: Figure[] = [];
  await clearLibrary(page);
  const baseline = await rawWrite(page, ROWS);
  await clearLibrary(page);
  for (const [what, path] of [
    ['Pocket CSV', files.pocket],
    ['Instapaper CSV', files.instapaper],
    ['Bookmarks HTML', files.bookmarks],
    ['Kliping JSON (300-word bodies)', files.kliping],
  ] as const) {
    figures.push(await importFile(`import ${ROWS} rows: ${what}`, path, ROWS));
    if (what.startsWith('Kliping')) break;
    await clearLibrary(page);
  }
  // The library now holds the Kliping JSON's articles: merging the same file again checks every page.
  figures.push(await importFile(`merge ${ROWS} known pages: Kliping JSON`, files.kliping, 0));

  const exportOne = async (format: string): Promise<Figure> => {
    await page.getByTestId('export-format').selectOption(format);
    const started = performance.now();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-button').click();
    const file = await download;
    const wallMs = performance.now() - started;
    const bytes = readFileSync(await file.path()).length;
    return { what: `export ${ROWS} articles: ${format}`, pageMs: NaN, wallMs, note: `${(bytes / 1024 / 1024).toFixed(1)} MB` };
  };
  for (const format of ['kliping-json', 'csv', 'bookmarks-html', 'markdown-zip']) figures.push(await exportOne(format));

  await ext.close();
  rmSync(dir, { recursive: true, force: true });

  const fmt = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : '–').padStart(9);
  console.log(`\nKliping transfer benchmark (Chromium, through the library page; ${ROWS} rows)\n`);
  console.log(`baseline: raw IndexedDB add of ${ROWS} article rows in one transaction: ${fmt(baseline)}\n`);
  console.log(`${'what'.padEnd(48)} ${'in page'.padStart(9)} ${'check'.padStart(9)} ${'write'.padStart(9)} ${'wall'.padStart(9)} ${'× baseline'.padStart(11)}  file`);
  for (const f of figures) {
    const ratio = Number.isFinite(f.pageMs) ? (f.pageMs / baseline).toFixed(1) : (f.wallMs / baseline).toFixed(1);
    console.log(`${f.what.padEnd(48)} ${fmt(f.pageMs)} ${fmt(f.checkMs ?? NaN)} ${fmt(f.writeMs ?? NaN)} ${fmt(f.wallMs)} ${ratio.padStart(11)}  ${f.note ?? ''}`);
  }
  const worstImport = Math.max(...figures.filter((f) => f.what.startsWith('import')).map((f) => f.pageMs));
  console.log(`\ntarget: a ${ROWS}-row import under ${TARGET_MS / 1000} s — slowest import ${fmt(worstImport).trim()}: ${worstImport < TARGET_MS ? 'met' : 'NOT met'}`);
  console.log('("in page": from choosing the file to the summary shown, measured by the page; "wall": the same seen from the test driver, exports end at the download.)');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
