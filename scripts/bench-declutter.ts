/**
 * `npm run bench:declutter`: in Chromium, on every news-id corpus page, the time from a command
 * (the handler the shortcut and context menu run) to a decluttered page and to a painted reader
 * view, against Readability's plain parse of the same pages in the same run.
 */
import { createRequire } from 'node:module';
import { launchChromium, tabIdOf } from '../support/browser/launch';
import { requireCorpusDir } from '../support/corpus';
import type { WithTestHooks } from '../utils/browser/test-hooks';
import { serveDirs } from '../support/loopback';

const RUNS = Number(process.env.RUNS ?? 15);
const TARGET_MS = 100;
const require = createRequire(import.meta.url);
const READABILITY_JS = require.resolve('@mozilla/readability/Readability.js');

type Figures = number[];
const quantile = (values: Figures, q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
};
const fmt = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(1).padStart(7) : '      –');

async function main() {
  const root = `${requireCorpusDir()}/news-id`;
  const { readdirSync } = await import('node:fs');
  const cases = readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  const [ext, site] = await Promise.all([launchChromium(), serveDirs(root)]);
  const sw = ext.context.serviceWorkers()[0]!;
  const command = (name: 'declutter' | 'reader', tabId: number) =>
    sw.evaluate(
      async ([n, id]) => {
        const test = (globalThis as unknown as WithTestHooks).klipingTest;
        const started = performance.now();
        const result = (await test.runPageCommand(n, id)) as unknown as Record<string, unknown>;
        return { ms: performance.now() - started, result };
      },
      [name, tabId] as const,
    );

  const declutter: Figures = [];
  const declutterInPage: Figures = [];
  const reader: Figures = [];
  const readability: Figures = [];
  let readerMissing: string | null = null;

  try {
    for (const name of cases) {
      const page = await ext.context.newPage();
      await page.goto(site.url(`/${name}/source.html`));
      await page.bringToFront();
      const tabId = await tabIdOf(ext, page);
      for (let run = 0; run < RUNS; run++) {
        // Every sample starts from a fresh load: the first command on a page, injection included.
        await page.reload();
        const d = await command('declutter', tabId);
        const status = d.result.status as { active: boolean; ms: number } | undefined;
        if (!status?.active) throw new Error(`${name}: declutter failed: ${JSON.stringify(d.result)}`);
        declutter.push(d.ms);
        declutterInPage.push(status.ms);

        await page.reload();
        if (!readerMissing) {
          const r = await command('reader', tabId);
          const opened = r.result.opened as { ok: boolean } | undefined;
          if (opened?.ok) reader.push(r.ms);
          else readerMissing = String(r.result.error ?? JSON.stringify(r.result));
        }

        await page.reload();
        await page.addScriptTag({ path: READABILITY_JS });
        readability.push(
          await page.evaluate(() => {
            const started = performance.now();
            const Parser = (window as unknown as { Readability: new (doc: Document) => { parse(): unknown } }).Readability;
            new Parser(document.cloneNode(true) as Document).parse();
            return performance.now() - started;
          }),
        );
      }
      await page.close();
    }
  } finally {
    await ext.close();
    await site.close();
  }

  const base = quantile(readability, 0.5);
  const row = (label: string, values: Figures) =>
    `${label.padEnd(46)} ${fmt(quantile(values, 0.5))} ${fmt(quantile(values, 0.95))} ${String(values.length).padStart(4)}   ${values.length ? (quantile(values, 0.5) / base).toFixed(2).padStart(5) + '×' : '     –'}`;
  console.log(`\nbench:declutter — Chromium, ${cases.length} news-id pages × ${RUNS} runs, each on a fresh page load`);
  console.log(`${'metric (ms)'.padEnd(46)}  median     p95    n   vs Readability`);
  console.log(row('Readability.parse (clone + parse), baseline', readability));
  console.log(row('command → page decluttered (background clock)', declutter));
  console.log(row('  of which in the page: plan + hide + layout', declutterInPage));
  console.log(row('command → reader view painted', reader));
  if (readerMissing) console.log(`reader view: not measured (${readerMissing})`);
  const verdict = (label: string, values: Figures) =>
    values.length ? `${label}: median ${quantile(values, 0.5).toFixed(1)} ms ${quantile(values, 0.5) < TARGET_MS ? '<' : '≥'} ${TARGET_MS} ms target → ${quantile(values, 0.5) < TARGET_MS ? 'PASS' : 'FAIL'}` : `${label}: no figures`;
  console.log(verdict('declutter', declutter));
  console.log(verdict('reader', reader));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
