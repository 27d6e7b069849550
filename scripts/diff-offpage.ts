/**
 * `npm run diff:offpage`: #15's "same results" target on every page of wcxb-dev, scrapinghub-dev
 * and news-id, in Chromium and in Firefox: each page through the in-page pipeline and through the
 * off-page one, each on its own load of the page (`comparePaths`), and every extraction field,
 * Declutter's answer and every hidden element compared (`differences`). The diff test in
 * `tests/e2e/off-page.test.ts` does the same on a sample; this is the whole corpus, without
 * timings (`bench:offpage` times both paths, in Chromium only).
 *
 * `DIFF_BROWSERS=firefox` takes one browser, `BENCH_CORPORA`, `BENCH_LIMIT` and `BENCH_PAGES` narrow
 * the pages as in `bench:offpage`, `BENCH_OUT` names the results file (default
 * `.bench/diff-offpage-<browser>.jsonl`, one line a page; `BENCH_REPORT_ONLY=1` reports from it). A page that differs is compared once
 * more: a page whose own timers make each load settle differently (wcxb-dev 0451's "prehiding"
 * snippet) differs by chance, and is counted apart when the second try agrees.
 */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { launchBrowser } from '../support/browser/launch';
import type { BrowserName } from '../support/browser/types';
import { requireCorpusDir } from '../support/corpus';
import { comparePaths, differences, leftChanged, NOT_SAME_START, OFF_PAGE_CORPORA, offPagePages, pagePath, serveCorpusPages } from '../support/offpage-corpus';

const BROWSERS = (process.env.DIFF_BROWSERS ?? 'chromium,firefox').split(',').map((b) => b.trim()) as BrowserName[];
const CORPORA = (process.env.BENCH_CORPORA ?? OFF_PAGE_CORPORA.join(',')).split(',').map((c) => c.trim());
const LIMIT = Number(process.env.BENCH_LIMIT ?? Infinity);
const ONLY = process.env.BENCH_PAGES ? new Set(process.env.BENCH_PAGES.split(',').map((p) => p.trim())) : null;
/** A page's whole comparison may take this long before it is given up (and the browser restarted). */
const PAGE_TIMEOUT_MS = 60_000;

const outFor = (browser: BrowserName) => resolve(process.env.BENCH_OUT ?? `.bench/diff-offpage-${browser}.jsonl`);

interface Row {
  corpus: string;
  id: string;
  /** Differences on the first try; on the second too, when the first had some. */
  first: string[];
  second?: string[];
  /** The in-page path's own answer, so a diff of two refusals is told apart. */
  extracted?: boolean;
  /** Both paths left the page changed alike (first try): the page's own scripts, not a path. */
  pageChangedItself?: boolean;
  error?: string;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms / 1000} s`)), ms)))]).finally(() => clearTimeout(timer));
}

async function runBrowser(browser: BrowserName): Promise<Row[]> {
  const pages = offPagePages(requireCorpusDir(), LIMIT, CORPORA).filter((p) => !ONLY || ONLY.has(`${p.corpus}/${p.id}`));
  const out = outFor(browser);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, '');
  const site = await serveCorpusPages(pages);
  let ext = await launchBrowser(browser);
  const rows: Row[] = [];
  const started = Date.now();
  try {
    for (const [i, corpusPage] of pages.entries()) {
      const url = site.url(pagePath(corpusPage));
      let row: Row = { corpus: corpusPage.corpus, id: corpusPage.id, first: [] };
      // A second attempt for a page that failed to load or answer (a loaded machine's slow load).
      for (let attempt = 0; attempt < 2; attempt++) {
        row = { corpus: corpusPage.corpus, id: corpusPage.id, first: [] };
        try {
          const first = await withTimeout(comparePaths(ext, url), PAGE_TIMEOUT_MS, 'compare');
          row.extracted = first.inPage.extract.ok;
          row.pageChangedItself = leftChanged(first.inPage) && leftChanged(first.offPage);
          row.first = differences(first);
          if (row.first.length) row.second = differences(await withTimeout(comparePaths(ext, url), PAGE_TIMEOUT_MS, 'compare again'));
          break;
        } catch (error) {
          row.error = String(error instanceof Error ? error.message : error).split('\n')[0];
          // A page that hung the browser leaves it in no state to judge the next page.
          await ext.close().catch(() => undefined);
          ext = await launchBrowser(browser);
        }
      }
      rows.push(row);
      appendFileSync(out, JSON.stringify(row) + '\n');
      if ((i + 1) % 50 === 0) console.error(`${browser}: ${i + 1}/${pages.length} pages, ${Math.round((Date.now() - started) / 1000)} s`);
    }
  } finally {
    await ext.close().catch(() => undefined);
    await site.close();
  }
  return rows;
}

/**
 * A try's differences in the answers. (Runs made before `differences` said NOT_SAME_START only
 * beside another difference stored it alone, for loads that differed while every answer agreed.)
 */
const answersDiffer = (found: string[] | undefined): boolean => !!found?.some((d) => d !== NOT_SAME_START);

function report(browser: BrowserName, rows: Row[], seconds: number | null): void {
  const compared = rows.filter((r) => !r.error);
  const firstSame = (r: Row) => !answersDiffer(r.first);
  const same = compared.filter(firstSame);
  const byChance = compared.filter((r) => !firstSame(r) && !answersDiffer(r.second));
  const both = compared.filter((r) => !firstSame(r) && answersDiffer(r.second));
  // Both tries began from two different pages: the page itself may have made the difference.
  const unsettled = both.filter((r) => r.second!.includes(NOT_SAME_START));
  const differing = both.filter((r) => !r.second!.includes(NOT_SAME_START));
  console.log(`\n## ${browser}: ${rows.length} pages${seconds === null ? '' : ` in ${Math.round(seconds)} s`}`);
  for (const corpus of CORPORA) {
    const inCorpus = compared.filter((r) => r.corpus === corpus);
    if (!inCorpus.length) continue;
    console.log(`- ${corpus}: ${inCorpus.filter(firstSame).length}/${inCorpus.length} the same on the first try, ${inCorpus.filter((r) => firstSame(r) || !answersDiffer(r.second)).length}/${inCorpus.length} on the first or second (refused by both paths alike: ${inCorpus.filter((r) => r.extracted === false).length})`);
  }
  console.log(`- all: ${same.length}/${compared.length} the same on the first try; ${byChance.length} differed once and not again; ${unsettled.length} differ on both tries, each from two loads that settled differently; ${differing.length} differ on both tries from the same page`);
  for (const r of differing) console.log(`  - ${r.corpus}/${r.id.slice(0, 12)}: ${r.second!.join('; ')}`);
  for (const r of unsettled) console.log(`  - loaded differently: ${r.corpus}/${r.id.slice(0, 12)}: ${r.second!.join('; ')}`);
  for (const r of byChance) console.log(`  - once: ${r.corpus}/${r.id.slice(0, 12)}: ${r.first.join('; ')}`);
  const changedItself = compared.filter((r) => r.pageChangedItself);
  if (changedItself.length) console.log(`- pages both paths left changed alike (the page's own scripts; not a difference): ${changedItself.map((r) => `${r.corpus}/${r.id.slice(0, 12)}`).join(', ')}`);
  const failed = rows.filter((r) => r.error);
  if (failed.length) console.log(`- not compared: ${failed.map((r) => `${r.corpus}/${r.id.slice(0, 12)} (${r.error})`).join('; ')}`);
}

async function main(): Promise<void> {
  if (process.env.BENCH_REPORT_ONLY) {
    for (const browser of BROWSERS) {
      const rows = readFileSync(outFor(browser), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Row);
      report(browser, rows, null);
    }
    return;
  }
  console.log(`diff:offpage — load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  for (const browser of BROWSERS) {
    const started = Date.now();
    const rows = await runBrowser(browser);
    report(browser, rows, (Date.now() - started) / 1000);
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
