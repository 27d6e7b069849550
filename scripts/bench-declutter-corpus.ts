/**
 * `npm run bench:declutter:corpus`: Declutter in Chromium, through the extension's own command
 * path, on the corpus pages served from 127.0.0.1 (every other request refused, so no page
 * reaches its site's scripts, fonts or ads). What a reader sees afterwards
 * (`document.body.innerText`) is scored against the truth, beside Readability's extraction and
 * Kliping's own extraction of the same pages in the same run.
 *
 * `BENCH_CORPORA=wcxb-dev,news-id` narrows the run, `BENCH_IDS=0329,4163` to those pages, `BENCH_LIMIT=n` takes the first n pages of
 * each corpus, `BENCH_RESUME=1` keeps the pages already in `BENCH_OUT` (default
 * `.bench/declutter-corpus.jsonl`) and measures only the rest; `BENCH_PAGE_MS` bounds each page;
 * `BENCH_REPORT_ONLY=1` prints the figures of the results file without running a browser.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { ChromiumExtension } from '../support/browser/chromium';
import { launchChromium, tabIdOf } from '../support/browser/launch';
import { loadNewsId, loadReadabilityTestPages, loadScrapinghub, loadWcxb, requireCorpusDir } from '../support/corpus';
import type { WithTestHooks } from '../utils/browser/test-hooks';
import { aggregate, foldText, shingleScore } from '../support/score';

const CORPORA = (process.env.BENCH_CORPORA ?? 'wcxb-dev,scrapinghub-dev,news-id,readability-test-pages').split(',').map((c) => c.trim());
const LIMIT = Number(process.env.BENCH_LIMIT ?? Infinity);
/** `BENCH_IDS=0329,4163` measures only these pages (ids as the corpus names them, or their first characters). */
const IDS = (process.env.BENCH_IDS ?? '').split(',').map((id) => id.trim()).filter(Boolean);
const OUT = resolve(process.env.BENCH_OUT ?? '.bench/declutter-corpus.jsonl');
const RESUME = process.env.BENCH_RESUME === '1';
const PAGE_MS = Number(process.env.BENCH_PAGE_MS ?? 45_000);
/** Inline scripts that navigate away usually do it at once; this long is waited for them. */
const SETTLE_MS = 150;
const require = createRequire(import.meta.url);
const READABILITY_SOURCE = readFileSync(require.resolve('@mozilla/readability/Readability.js'), 'utf8');

interface BenchPage {
  corpus: string;
  id: string;
  html: () => string;
  /** The article text the truth gives (scrapinghub's body, WCXB's main content), if any. */
  truthText: string | null;
  title: string | null;
  with: string[];
  without: string[];
  /** news-id: paragraphs and clutter texts. */
  body?: string[];
  clutter?: string[];
  /** readability-test-pages: whether Readability's suite marks the page readerable. */
  readerable?: boolean;
}

/** One page's measurement, as written to the results file. */
interface Row {
  corpus: string;
  id: string;
  /** Why the page was not measured: it navigated away, timed out, or failed to load. */
  skipped?: string;
  refused?: string;
  declutterError?: string;
  inPageMs?: number;
  heldBack?: number;
  readabilityMs?: number;
  before?: string;
  after?: string;
  readability?: string;
  kliping?: string;
}

function pages(): BenchPage[] {
  const dir = requireCorpusDir();
  const all: BenchPage[] = [];
  const take = <T>(items: T[]) => items.slice(0, Number.isFinite(LIMIT) ? LIMIT : undefined);
  for (const corpus of CORPORA) {
    if (corpus === 'wcxb-dev') {
      for (const p of take(loadWcxb(dir)))
        all.push({ corpus, id: p.id, html: () => p.html, truthText: p.truth.main_content, title: p.truth.title, with: p.truth.with, without: p.truth.without });
    } else if (corpus === 'scrapinghub-dev') {
      for (const p of take(loadScrapinghub(dir))) all.push({ corpus, id: p.id, html: () => p.html, truthText: p.articleBody, title: null, with: [], without: [] });
    } else if (corpus === 'news-id') {
      for (const p of take(loadNewsId(dir)))
        all.push({ corpus, id: p.id, html: () => p.html, truthText: p.truth.body.join('\n'), title: p.truth.title, with: [], without: [], body: p.truth.body, clutter: p.truth.clutter });
    } else if (corpus === 'readability-test-pages') {
      for (const p of take(loadReadabilityTestPages(dir)))
        all.push({ corpus, id: p.id, html: () => p.html, truthText: null, title: p.expected.title, with: [], without: [], readerable: p.expected.readerable });
    } else throw new Error(`Unknown corpus ${corpus}`);
  }
  return IDS.length ? all.filter((p) => IDS.some((id) => p.id.startsWith(id))) : all;
}

/** WCXB's word score: lower-cased `\w+` tokens as multisets. */
function wordScore(predicted: string, truth: string): { precision: number; recall: number; f1: number } {
  const tokens = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
  const counts = new Map<string, number>();
  for (const t of tokens(truth)) counts.set(t, (counts.get(t) ?? 0) + 1);
  const predictedTokens = tokens(predicted);
  let shared = 0;
  for (const t of predictedTokens) {
    const left = counts.get(t) ?? 0;
    if (left > 0) {
      shared += 1;
      counts.set(t, left - 1);
    }
  }
  const truthCount = tokens(truth).length;
  const precision = predictedTokens.length ? shared / predictedTokens.length : 0;
  const recall = truthCount ? shared / truthCount : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Folded page texts, kept: each is looked up once per snippet. */
const foldedTexts = new Map<string, string>();
const has = (text: string, snippet: string) => {
  let folded = foldedTexts.get(text);
  if (folded === undefined) {
    folded = foldText(text);
    foldedTexts.set(text, folded);
  }
  return folded.includes(foldText(snippet));
};

/** Serves the page of the moment at its own path; anything else gets a 404. */
async function pageServer(): Promise<{ origin: string; serve(path: string, html: string): void; close(): Promise<void> }> {
  let current = { path: '', html: '' };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path === current.path || path === '/blank') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(path === '/blank' ? '<!doctype html><title>blank</title>' : current.html);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    serve: (path, html) => {
      current = { path, html };
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** Readability on a clone of the page, in the page: its article as block-aware text, and its time. */
const READABILITY_IN_PAGE = `(() => {
  const module = undefined;
  ${READABILITY_SOURCE}
  const started = performance.now();
  const parsed = new Readability(document.cloneNode(true), { serializer: (el) => el }).parse();
  const ms = performance.now() - started;
  const BLOCK = /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|BR|DD|DETAILS|DIV|DL|DT|FIGCAPTION|FIGURE|FOOTER|H[1-6]|HEADER|HR|LI|MAIN|NAV|OL|P|PRE|SECTION|SUMMARY|TABLE|TBODY|TD|TFOOT|TH|THEAD|TR|UL)$/;
  const parts = [];
  const walk = (node) => {
    if (node.nodeType === 3) { parts.push(node.nodeValue); return; }
    if (node.nodeType !== 1 || /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(node.tagName)) return;
    const block = BLOCK.test(node.tagName);
    if (block) parts.push('\\n');
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
    if (block) parts.push('\\n');
  };
  if (parsed && parsed.content) walk(parsed.content);
  return { ms, text: parts.join('') };
})()`;

type Worker = NonNullable<ReturnType<ChromiumExtension['context']['serviceWorkers']>[number]>;

async function worker(ext: ChromiumExtension): Promise<Worker> {
  return ext.context.serviceWorkers()[0] ?? (await ext.context.waitForEvent('serviceworker'));
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timeout: ${what} took over ${ms} ms`)), ms);
    }),
  ]);
}

async function measure(ext: ChromiumExtension, page: Page, tabId: number, url: string): Promise<Row | { skipped: string }> {
  let away: string | null = null;
  const onNavigate = (frame: { parentFrame(): unknown; url(): string }) => {
    if (!frame.parentFrame() && frame.url() !== url) away = frame.url();
  };
  page.on('framenavigated', onNavigate);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: PAGE_MS });
    await page.waitForTimeout(SETTLE_MS);
    if (away || page.url() !== url) return { skipped: `navigated away to ${away ?? page.url()}` };
    const before = await page.evaluate(() => document.body?.innerText ?? '');
    const readability = (await page.evaluate(READABILITY_IN_PAGE)) as { ms: number; text: string };
    const sw = await worker(ext);
    const extracted = (await sw.evaluate(async (id) => {
      const result = await (globalThis as unknown as WithTestHooks).klipingTest.extractFromTab(id);
      return result.ok ? { ok: true, text: result.article.textContent } : { ok: false, reason: result.reason };
    }, tabId)) as { ok: boolean; text?: string; reason?: string };
    const command = (await ext.callHook('runPageCommand', 'declutter', tabId)) as { status?: { active: boolean; ms?: number; heldBack?: number; error?: string; detail?: string }; error?: string };
    if (away) return { skipped: `navigated away to ${away}` };
    const after = await page.evaluate(() => document.body?.innerText ?? '');
    const status = command.status;
    return {
      corpus: '',
      id: '',
      refused: extracted.ok ? undefined : extracted.reason,
      declutterError: status?.active ? undefined : (status?.error ?? command.error ?? 'not active'),
      inPageMs: status?.active ? status.ms : undefined,
      heldBack: status?.active ? (status.heldBack ?? 0) : undefined,
      readabilityMs: readability.ms,
      before,
      after,
      readability: readability.text,
      kliping: extracted.text ?? '',
    };
  } finally {
    page.off('framenavigated', onNavigate);
  }
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
};
const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN);
const f3 = (value: number) => (Number.isFinite(value) ? value.toFixed(3) : '–');
const f1 = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');

/** The texts each corpus table scores, in its row order: both extractions, then the page before and after. */
const SCORED_TEXTS = [
  ['Readability extraction (baseline)', (r: Row) => r.readability ?? ''],
  ['Kliping extraction', (r: Row) => r.kliping ?? ''],
  ['page before declutter (innerText)', (r: Row) => r.before ?? ''],
  ['page after declutter (innerText)', (r: Row) => r.after ?? ''],
] as const;

/**
 * The visible text after Declutter from the body on: from its first line (over 30 characters) that
 * Kliping's extraction also holds, so the title block above it (headline, standfirst, byline,
 * date, lead image) is left out.
 */
function afterFromBody(row: Row): string {
  const extracted = foldText(row.kliping ?? '');
  const lines = (row.after ?? '').split('\n');
  const first = lines.findIndex((line) => foldText(line).length > 30 && extracted.includes(foldText(line)));
  return first > 0 ? lines.slice(first).join('\n') : (row.after ?? '');
}

function report(all: BenchPage[], rows: Map<string, Row>): void {
  const key = (p: { corpus: string; id: string }) => `${p.corpus}/${p.id}`;
  console.log(`\nbench:declutter:corpus — Chromium, extension's declutter command, pages on 127.0.0.1 (other requests refused); load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  for (const corpus of CORPORA) {
    const inCorpus = all.filter((p) => p.corpus === corpus);
    const measured = inCorpus.map((p) => ({ p, row: rows.get(key(p)) })).filter((x): x is { p: BenchPage; row: Row } => !!x.row);
    const skipped = measured.filter((x) => x.row.skipped);
    const done = measured.filter((x) => !x.row.skipped && x.row.after !== undefined);
    const refusedPool = corpus === 'readability-test-pages' ? done.filter((x) => x.p.readerable) : done;
    const refused = refusedPool.filter((x) => x.row.refused);
    const declutterFailed = refusedPool.filter((x) => x.row.declutterError);
    const active = done.filter((x) => !x.row.declutterError);
    const heldBack = active.filter((x) => (x.row.heldBack ?? 0) > 0);
    const titled = active.filter((x) => x.p.title && has(x.row.before!, x.p.title));
    const titleHidden = titled.filter((x) => !has(x.row.after!, x.p.title!));
    console.log(`\n## ${corpus}: ${done.length} pages measured of ${inCorpus.length} (${skipped.length} skipped, ${inCorpus.length - measured.length} not run)`);
    console.log(`refused by the explicit extraction${corpus === 'readability-test-pages' ? ' (pages marked readerable)' : ''}: ${refused.length}/${refusedPool.length}${refused.length ? ' — ' + refused.map((x) => `${x.p.id.slice(0, 12)} (${x.row.refused}; the page as served shows ${x.row.before!.length} characters, ${x.p.with.filter((w) => has(x.row.before!, w)).length}/${x.p.with.length} 'with' snippets)`).join(', ') : ''}`);
    console.log(`declutter refused: ${declutterFailed.length}/${refusedPool.length}${declutterFailed.length ? ' — ' + declutterFailed.map((x) => `${x.p.id.slice(0, 12)} (${x.row.declutterError})`).join(', ') : ''}`);
    console.log(`pages where the invariant had to hide less: ${heldBack.length}/${active.length}`);
    if (titled.length || corpus !== 'scrapinghub-dev') console.log(`title hidden by declutter: ${titleHidden.length}/${titled.length} pages whose title was visible before${titleHidden.length ? ' — ' + titleHidden.map((x) => x.p.id.slice(0, 12)).join(', ') : ''}`);

    if (corpus === 'scrapinghub-dev') {
      const score = (pick: (row: Row) => string) => aggregate(active.map((x) => shingleScore(pick(x.row), x.p.truthText ?? '')));
      console.log('| text (4-token shingles)          | precision | recall | F1    |');
      console.log('|----------------------------------|-----------|--------|-------|');
      // scrapinghub's truth is the body alone (no headline, byline, date or captions), while
      // Declutter keeps the title block visible by design: the last row scores the page from the
      // body's first line on, to tell the title block from clutter left in the body.
      for (const [label, pick] of [...SCORED_TEXTS, ['after declutter, from the body on', afterFromBody] as const]) {
        const s = score(pick);
        console.log(`| ${label.padEnd(32)} | ${f3(s.precision).padStart(9)} | ${f3(s.recall).padStart(6)} | ${f3(s.f1)} |`);
      }
    }
    if (corpus === 'wcxb-dev') {
      const score = (pick: (row: Row) => string) => {
        const s = active.map((x) => wordScore(pick(x.row), x.p.truthText ?? ''));
        return { precision: mean(s.map((v) => v.precision)), recall: mean(s.map((v) => v.recall)), f1: mean(s.map((v) => v.f1)) };
      };
      console.log('| text (WCXB words)                 | precision | recall | F1    | with kept | without left |');
      console.log('|-----------------------------------|-----------|--------|-------|-----------|--------------|');
      for (const [label, pick] of SCORED_TEXTS) {
        const s = score(pick);
        let withKept = 0;
        let withAll = 0;
        let withoutLeft = 0;
        let withoutAll = 0;
        for (const x of active) {
          for (const snippet of x.p.with) {
            withAll += 1;
            if (has(pick(x.row), snippet)) withKept += 1;
          }
          for (const snippet of x.p.without) {
            withoutAll += 1;
            if (has(pick(x.row), snippet)) withoutLeft += 1;
          }
        }
        console.log(`| ${label.padEnd(33)} | ${f3(s.precision).padStart(9)} | ${f3(s.recall).padStart(6)} | ${f3(s.f1)} | ${`${withKept}/${withAll}`.padStart(9)} | ${`${withoutLeft}/${withoutAll}`.padStart(12)} |`);
      }
      // Judged against the page as served: a snippet the page never showed cannot be hidden by declutter.
      let withShown = 0;
      let withHidden = 0;
      let withoutShown = 0;
      let withoutHidden = 0;
      const pagesWithHidden: string[] = [];
      for (const x of active) {
        let lost = false;
        for (const snippet of x.p.with) {
          if (!has(x.row.before!, snippet)) continue;
          withShown += 1;
          if (!has(x.row.after!, snippet)) {
            withHidden += 1;
            lost = true;
          }
        }
        if (lost) pagesWithHidden.push(x.p.id.slice(0, 12));
        for (const snippet of x.p.without) {
          if (!has(x.row.before!, snippet)) continue;
          withoutShown += 1;
          if (!has(x.row.after!, snippet)) withoutHidden += 1;
        }
      }
      console.log(`'with' snippets visible before and hidden by declutter: ${withHidden}/${withShown}, on ${pagesWithHidden.length} pages${pagesWithHidden.length ? ' — ' + pagesWithHidden.slice(0, 30).join(', ') : ''}`);
      console.log(`'without' snippets visible before and hidden by declutter: ${withoutHidden}/${withoutShown} (${f1((100 * withoutHidden) / withoutShown)}%)`);
    }
    if (corpus === 'news-id') {
      let kept = 0;
      let paragraphs = 0;
      let hidden = 0;
      let clutter = 0;
      for (const x of active) {
        for (const p of x.p.body ?? []) {
          paragraphs += 1;
          if (has(x.row.after!, p)) kept += 1;
        }
        for (const c of x.p.clutter ?? []) {
          clutter += 1;
          if (!has(x.row.after!, c)) hidden += 1;
        }
      }
      console.log(`body paragraphs visible after declutter: ${kept}/${paragraphs}; clutter texts hidden: ${hidden}/${clutter}`);
    }
    const times = active.map((x) => x.row.inPageMs!).filter((v) => Number.isFinite(v));
    const readabilityTimes = done.map((x) => x.row.readabilityMs!).filter((v) => Number.isFinite(v));
    console.log(`in-page time (ms): declutter plan + hide + check + layout median ${f1(quantile(times, 0.5))}, p95 ${f1(quantile(times, 0.95))}, max ${f1(Math.max(...times))}; Readability.parse on a clone (baseline) median ${f1(quantile(readabilityTimes, 0.5))}, p95 ${f1(quantile(readabilityTimes, 0.95))}, max ${f1(Math.max(...readabilityTimes))}`);
    if (skipped.length) console.log(`skipped: ${skipped.map((x) => `${x.p.id.slice(0, 12)} (${x.row.skipped})`).join('; ')}`);
  }
}

async function main() {
  const all = pages();
  const rows = new Map<string, Row>();
  if ((RESUME || process.env.BENCH_REPORT_ONLY === '1') && existsSync(OUT)) {
    for (const line of readFileSync(OUT, 'utf8').split('\n')) {
      if (!line) continue;
      const row = JSON.parse(line) as Row;
      rows.set(`${row.corpus}/${row.id}`, row);
    }
  } else {
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, '');
  }
  if (process.env.BENCH_REPORT_ONLY === '1') {
    report(all, rows);
    return;
  }
  const todo = all.filter((p) => !rows.has(`${p.corpus}/${p.id}`));
  console.log(`${all.length} pages in ${CORPORA.join(', ')}; ${todo.length} to measure; results in ${OUT}`);

  const server = await pageServer();
  let allowed = '';
  const blank = `${server.origin}/blank`;
  const openBrowser = async () => {
    const browser = await launchChromium();
    // Only the page itself loads: its scripts, styles, fonts, ads and trackers are all refused.
    await browser.context.route('**/*', (route) => {
      const requested = route.request().url();
      return requested === allowed || requested === blank ? route.continue() : route.abort();
    });
    return browser;
  };
  let ext = await openBrowser();
  let page = await ext.context.newPage();
  let tabId = -1;
  const started = Date.now();
  try {
    for (const [n, p] of todo.entries()) {
      const path = `/${p.corpus}/${encodeURIComponent(p.id)}.html`;
      const url = server.origin + path;
      server.serve(path, p.html());
      allowed = url;
      let row: Row;
      try {
        if (tabId < 0) {
          await page.goto(blank).catch(() => {});
          tabId = await withTimeout(tabIdOf(ext, page), PAGE_MS, 'finding the tab');
        }
        const measured = await withTimeout(measure(ext, page, tabId, url), PAGE_MS, p.id);
        row = { ...measured, corpus: p.corpus, id: p.id };
      } catch (error) {
        row = { corpus: p.corpus, id: p.id, skipped: String(error instanceof Error ? error.message : error).split('\n')[0]!.slice(0, 160) };
        // A page that hung or crashed gets a fresh browser: closing just its tab was seen to hang
        // as well (wcxb-dev 0121 at load 20), stopping the whole run.
        await withTimeout(ext.close(), 15_000, 'closing the browser').catch(() => {});
        ext = await openBrowser();
        page = await ext.context.newPage();
        tabId = -1;
      }
      rows.set(`${p.corpus}/${p.id}`, row);
      appendFileSync(OUT, JSON.stringify(row) + '\n');
      if ((n + 1) % 25 === 0) console.log(`  ${n + 1}/${todo.length} pages, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  } finally {
    await ext.close();
    await server.close();
  }
  report(all, rows);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
