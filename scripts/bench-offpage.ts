/**
 * `npm run bench:offpage`: parsing off the page (#15) against the in-page pipeline it replaced,
 * in one Chromium run, on wcxb-dev, scrapinghub-dev and news-id pages served from 127.0.0.1
 * (every other request refused).
 *
 * Per page, each path on a freshly loaded page: click → the article read (what the popup shows),
 * click → decluttered and click → reader painted (timed in the service worker, as a command
 * arrives: inject, ask, answer), Declutter and Reader pressed in a popup opened a second before
 * (from the press: off the page, with the plan the popup had asked for as it opened, and the
 * article it read), and the page's main thread meanwhile from a Chromium trace (CDP
 * Tracing, `RunTask` on the page's renderer main thread: a page's own PerformanceObserver does
 * not see a content script's work). Then the diff:
 * every extraction field and every hidden element of both paths on the same page.
 * Also the size of the script injected on a click, minified as built.
 *
 * `BENCH_CORPORA=wcxb-dev,news-id` narrows the run, `BENCH_LIMIT=n` takes n pages of each corpus
 * spread over it, `BENCH_PAGES=wcxb-dev/4340,news-id/suara-pasar` takes just those pages, `BENCH_OUT`
 * names the results file (default `.bench/offpage.jsonl`).
 */
import { appendFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { ChromiumExtension } from '../support/browser/chromium';
import { EXTENSION_DIRS, launchChromium, tabIdOf } from '../support/browser/launch';
import { requireCorpusDir } from '../support/corpus';
import { comparePaths, differences, OFF_PAGE_CORPORA, offPagePages, pagePath, serveCorpusPages, type CorpusPage } from '../support/offpage-corpus';
import type { TraceEvent } from './renderer-tasks';

const CORPORA = (process.env.BENCH_CORPORA ?? OFF_PAGE_CORPORA.join(',')).split(',').map((c) => c.trim());
const LIMIT = Number(process.env.BENCH_LIMIT ?? Infinity);
const ONLY = process.env.BENCH_PAGES ? new Set(process.env.BENCH_PAGES.split(',').map((p) => p.trim())) : null;
const OUT = resolve(process.env.BENCH_OUT ?? '.bench/offpage.jsonl');
const SETTLE_MS = 150;
const PATHS = ['inPage', 'offPage'] as const;
type PathName = (typeof PATHS)[number];
const COMMANDS = ['extract', 'declutter', 'popup-declutter', 'reader', 'popup-reader'] as const;
type CommandName = (typeof COMMANDS)[number];

/**
 * The page's main-thread tasks during one command, from the trace: the longest by wall clock
 * (what the user feels) and by the thread's own CPU time (`tdur`: the page's work alone, without
 * the time a loaded machine kept the thread off a core), and how many ran over 50 ms.
 */
interface Tasks {
  longest: number;
  longestCpu: number;
  over50: number;
  /** What the longest task (by CPU) spent its time on (see partsOf). */
  longestParts: string[];
}
interface Timed {
  ms: number;
  ok: boolean;
  detail?: string;
  /** `popup-declutter`, off the page: the press used the plan made while the popup was open. */
  ahead?: boolean;
  tasks: Tasks;
}
interface Row {
  corpus: string;
  id: string;
  elements: number;
  runs: Partial<Record<`${PathName}:${CommandName}`, Timed>>;
  diff?: string[];
  error?: string;
}

/**
 * Where the longest task's time went: the events nested in it on its thread, each with its own
 * time (its wall time less its children's), summed by name, longest first.
 */
function partsOf(task: TraceEvent, events: TraceEvent[]): string[] {
  const end = task.ts + (task.dur ?? 0);
  const inside = events
    .filter((e) => e.ph === 'X' && e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const label = (e: TraceEvent) => {
    const url = e.args?.data?.url;
    if (!url) return e.name;
    return `${e.name} ${url.startsWith('chrome-extension:') ? url.replace(/^chrome-extension:\/\/[a-z]+/, '') : 'page'}`;
  };
  const own = new Map<string, number>();
  const stack: { e: TraceEvent; end: number }[] = [];
  for (const e of inside) {
    while (stack.length && stack[stack.length - 1]!.end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) own.set(label(parent.e), (own.get(label(parent.e)) ?? 0) - (e.dur ?? 0));
    own.set(label(e), (own.get(label(e)) ?? 0) + (e.dur ?? 0));
    stack.push({ e, end: e.ts + (e.dur ?? 0) });
  }
  return [...own]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([name, us]) => `${name} ${(us / 1000).toFixed(1)}`);
}

/** Records a trace of the page's renderer while `action` runs; returns its main thread's tasks. */
async function traced<T>(cdp: CDPSession, url: string, action: () => Promise<T>): Promise<{ result: T; tasks: Tasks }> {
  const events: TraceEvent[] = [];
  const collect = (data: { value: object[] }) => {
    events.push(...(data.value as TraceEvent[]));
  };
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['disabled-by-default-devtools.timeline', 'devtools.timeline', 'toplevel', '__metadata'] },
  });
  let result: T;
  try {
    result = await action();
  } finally {
    const done = new Promise<void>((resolveDone) => cdp.once('Tracing.tracingComplete', () => resolveDone()));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', collect);
  }
  const pids = new Set<number>();
  for (const e of events) {
    for (const frame of e.args?.data?.frames ?? []) if (frame.url === url && frame.processId) pids.add(frame.processId);
  }
  const mainThreads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && pids.has(e.pid)).map((e) => `${e.pid}:${e.tid}`));
  if (!mainThreads.size) throw new Error(`No renderer main thread found in the trace for ${url}`);
  const runs = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`));
  const wall = runs.map((e) => (e.dur ?? 0) / 1000);
  const cpu = runs.map((e) => (e.tdur ?? e.dur ?? 0) / 1000);
  const longestTask = runs[cpu.indexOf(Math.max(...cpu))];
  return {
    result,
    tasks: { longest: Math.max(0, ...wall), longestCpu: Math.max(0, ...cpu), over50: wall.filter((ms) => ms > 50).length, longestParts: longestTask ? partsOf(longestTask, events) : [] },
  };
}

async function worker(ext: ChromiumExtension) {
  return ext.context.serviceWorkers()[0] ?? (await ext.context.waitForEvent('serviceworker'));
}

async function load(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load', timeout: 45_000 });
  await page.waitForTimeout(SETTLE_MS);
  if (page.url() !== url) throw new Error(`navigated away to ${page.url()}`);
}

async function measurePage(ext: ChromiumExtension, page: Page, cdp: CDPSession, url: string): Promise<Omit<Row, 'corpus' | 'id'>> {
  // The service worker must be up before its hooks are called.
  await worker(ext);
  const runs: Row['runs'] = {};
  let elements = 0;
  for (const command of COMMANDS) {
    for (const path of PATHS) {
      await load(page, url);
      elements = await page.evaluate(() => document.getElementsByTagName('*').length);
      const tabId = await tabIdOf(ext, page);
      const { result, tasks } = await traced(cdp, url, () =>
        ext.callHook('timeCommand', path, command, tabId),
      );
      runs[`${path}:${command}`] = { ...result, tasks };
    }
  }
  return { elements, runs, diff: differences(await comparePaths(ext, url)) };
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
};
const f1 = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');

function report(rows: Row[]): void {
  const script = statSync(join(EXTENSION_DIRS.chromium, 'content-script.js')).size;
  const baseline = statSync(join(EXTENSION_DIRS.chromium, 'content-scripts/inpage.js')).size;
  console.log(`\nbench:offpage — Chromium, pages on 127.0.0.1 (other requests refused); load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  console.log(`script injected on a click (minified, as built): off page ${(script / 1000).toFixed(2)} kB; in page (baseline) ${(baseline / 1000).toFixed(2)} kB; target ≤ 15 kB`);
  const measured = rows.filter((r) => !r.error);
  console.log(`pages: ${measured.length} measured of ${rows.length}${rows.length - measured.length ? ` (skipped: ${rows.filter((r) => r.error).map((r) => `${r.corpus}/${r.id.slice(0, 12)}: ${r.error}`).join('; ')})` : ''}`);
  for (const corpus of ['all', ...CORPORA]) {
    const inCorpus = measured.filter((r) => corpus === 'all' || r.corpus === corpus);
    if (!inCorpus.length) continue;
    console.log(`\n## ${corpus}: ${inCorpus.length} pages (elements: median ${quantile(inCorpus.map((r) => r.elements), 0.5)}, max ${Math.max(...inCorpus.map((r) => r.elements))})`);
    console.log('| command         | path               | ok    | median ms | p95 ms | longest task p95 | longest task max | longest task CPU p95 | CPU max | pages with a task > 50 ms |');
    console.log('|-----------------|--------------------|-------|-----------|--------|------------------|------------------|----------------------|---------|---------------------------|');
    for (const command of COMMANDS) {
      for (const path of PATHS) {
        const timed = inCorpus.map((r) => r.runs[`${path}:${command}`]).filter((t): t is Timed => !!t);
        const ok = timed.filter((t) => t.ok);
        const ms = ok.map((t) => t.ms);
        const longest = timed.map((t) => t.tasks.longest);
        const cpu = timed.map((t) => t.tasks.longestCpu);
        const label = path === 'inPage' ? 'in page (baseline)' : 'off page';
        console.log(
          `| ${command.padEnd(15)} | ${label.padEnd(18)} | ${`${ok.length}/${timed.length}`.padStart(5)} | ${f1(quantile(ms, 0.5)).padStart(9)} | ${f1(quantile(ms, 0.95)).padStart(6)} | ${f1(quantile(longest, 0.95)).padStart(16)} | ${f1(Math.max(...longest)).padStart(16)} | ${f1(quantile(cpu, 0.95)).padStart(20)} | ${f1(Math.max(...cpu)).padStart(7)} | ${String(timed.filter((t) => t.tasks.over50 > 0).length).padStart(25)} |`,
        );
      }
    }
    const pressed = inCorpus.map((r) => r.runs['offPage:popup-declutter']).filter((t): t is Timed => !!t);
    console.log(`popup-declutter, off page: the plan made while the popup was open used on ${pressed.filter((t) => t.ahead).length}/${pressed.length} pages (the rest changed meanwhile and were planned again at the press)`);
    const differing = inCorpus.filter((r) => r.diff?.length);
    console.log(`diff (every extraction field, Declutter's answer, every hidden element): ${inCorpus.length - differing.length}/${inCorpus.length} pages the same${differing.length ? ' — ' + differing.map((r) => `${r.corpus}/${r.id.slice(0, 12)}: ${r.diff!.join('; ')}`).join(' | ') : ''}`);
  }
}

async function main(): Promise<void> {
  const pages: CorpusPage[] = offPagePages(requireCorpusDir(), LIMIT, CORPORA).filter((p) => !ONLY || ONLY.has(`${p.corpus}/${p.id}`));
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, '');
  const [ext, site] = await Promise.all([launchChromium(), serveCorpusPages(pages)]);
  const rows: Row[] = [];
  try {
    const page = await ext.context.newPage();
    // Other origins never answer: no page reaches its site's scripts, fonts or ads.
    await page.route((url) => !url.href.startsWith(site.origin), (route) => route.abort());
    const cdp = await ext.context.newCDPSession(page);
    // The first off-page request starts the offscreen document (once per browser session): warmed
    // here, on the first page, and not counted.
    if (pages[0]) {
      await load(page, site.url(pagePath(pages[0])));
      await worker(ext);
      await ext.callHook('timeCommand', 'offPage', 'declutter', await tabIdOf(ext, page));
    }
    for (const [i, corpusPage] of pages.entries()) {
      const url = site.url(pagePath(corpusPage));
      let row: Row;
      try {
        row = { corpus: corpusPage.corpus, id: corpusPage.id, ...(await measurePage(ext, page, cdp, url)) };
      } catch (error) {
        row = { corpus: corpusPage.corpus, id: corpusPage.id, elements: 0, runs: {}, error: String(error instanceof Error ? error.message : error).split('\n')[0] };
      }
      rows.push(row);
      appendFileSync(OUT, JSON.stringify(row) + '\n');
      if ((i + 1) % 10 === 0) console.error(`${i + 1}/${pages.length} pages`);
    }
  } finally {
    await ext.close();
    await site.close();
  }
  report(rows);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
