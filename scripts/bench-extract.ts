/**
 * `npm run bench:extract`: plain Readability against Kliping's pipeline, same pages, same DOMs,
 * same text conversion, same run. Prints one table per corpus and the ratios the targets use.
 */
import { performance } from 'node:perf_hooks';
import { extractArticle } from '../utils/core/extract';
import { readabilityOnly, type BaselineOutput } from '../support/baseline';
import {
  corpusDir,
  loadNewsId,
  loadReadabilityTestPages,
  loadScrapinghub,
  loadWcxb,
  parseHtml,
  type WcxbPage,
} from '../support/corpus';
import { writeFileSync } from 'node:fs';
import {
  aggregate,
  clutterLeft,
  linesLost,
  paragraphKept,
  sameByline,
  sameLang,
  sameTime,
  sameTitle,
  sameTitleWithoutSite,
  shingleScore,
  snippetsIn,
  tokenRecall,
  wordScore,
  type ShingleScore,
} from '../support/score';

type Output = BaselineOutput;

type Extractor = (doc: Document, url: string) => Output | null;

const kliping: Extractor = (doc, url) => {
  const result = extractArticle(doc, url, { force: true });
  // Thrown so the run records why: a refused page is listed with its reason.
  if (!result.ok) throw new Error(`${result.reason}: ${result.detail}`);
  const { article } = result;
  return {
    text: article.textContent,
    title: article.title,
    byline: article.byline,
    lang: article.lang,
    publishedTime: article.publishedTime,
  };
};

const EXTRACTORS: [string, Extractor][] = [
  ['Readability', readabilityOnly],
  ['Kliping', kliping],
];

interface Run {
  output: Output | null;
  ms: number;
  error: string | null;
}

function run(extractor: Extractor, doc: Document, url: string): Run {
  const start = performance.now();
  try {
    const output = extractor(doc, url);
    return { output, ms: performance.now() - start, error: null };
  } catch (error) {
    return { output: null, ms: performance.now() - start, error: String(error) };
  }
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

class Tally {
  times: number[] = [];
  failed = 0;
  record(result: Run): void {
    this.times.push(result.ms);
    if (!result.output) this.failed += 1;
  }
}

interface MetaHits {
  /** Right without the site's name, as the issue asks ("Headline", not "Headline | Site"). */
  title: number;
  /** The expected title character for character, site name and all. */
  titleVerbatim: number;
  byline: number;
  lang: number;
  published: number;
}

interface Expected {
  title: string | null;
  byline: string | null;
  lang: string | null;
  published: string | null;
}

function metaHits(hits: MetaHits, totals: MetaHits, output: Output | null, expected: Expected): void {
  const fields: [keyof MetaHits, boolean, keyof Expected][] = [
    ['title', sameTitleWithoutSite(output?.title ?? null, expected.title), 'title'],
    ['titleVerbatim', sameTitle(output?.title ?? null, expected.title), 'title'],
    ['byline', sameByline(output?.byline ?? null, expected.byline), 'byline'],
    ['lang', sameLang(output?.lang ?? null, expected.lang), 'lang'],
    ['published', sameTime(output?.publishedTime ?? null, expected.published), 'published'],
  ];
  for (const [field, hit, expectedField] of fields) {
    if (!expected[expectedField]) continue;
    totals[field] += 1;
    if (hit) hits[field] += 1;
  }
}

const zeroHits = (): MetaHits => ({ title: 0, titleVerbatim: 0, byline: 0, lang: 0, published: 0 });
const fixed = (value: number, digits = 3) => value.toFixed(digits);

function table(title: string, header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\n### ${title}\n`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

/**
 * `BENCH_WCXB=odd` or `even` (by page number) halves the corpus for a held-out check: rules tuned
 * on one half are verified on the other. A comma list of ids picks pages by hand.
 */
function wcxbSubset(pages: WcxbPage[], spec: string | undefined): WcxbPage[] {
  if (!spec) return pages;
  if (spec === 'odd' || spec === 'even') return pages.filter((page) => (Number(page.id) % 2 === 1) === (spec === 'odd'));
  const ids = new Set(spec.split(',').map((id) => id.trim()));
  return pages.filter((page) => ids.has(page.id));
}

/** Pages jsdom could not build with their stylesheets, or at all: named with the reason. */
const parseNotes: string[] = [];

function parsePage(corpus: string, id: string, html: string, url: string): ReturnType<typeof parseHtml> {
  const parsed = parseHtml(html, url);
  if (parsed.fallback) parseNotes.push(`${corpus}/${id}: read without its stylesheets (${parsed.fallback})`);
  if (!parsed.doc) parseNotes.push(`${corpus}/${id}: not parsed (${parsed.error})`);
  return parsed;
}

function main(): void {
  const dir = corpusDir();
  if (!dir) {
    console.error('Extraction corpus not found (set KLIPING_CORPUS or put it at ../shared/corpus).');
    process.exit(1);
  }
  console.log(`Corpus: ${dir}`);
  const names = EXTRACTORS.map(([name]) => name);
  const allTimes = new Map(names.map((n) => [n, [] as number[]]));
  let jsdomWarnings = 0;

  // BENCH_CORPORA=news-id,scrapinghub-dev narrows a run while working on one corpus.
  const only = process.env.BENCH_CORPORA?.split(',').map((name) => name.trim());
  const want = (name: string) => !only || only.includes(name);

  // scrapinghub-dev: shingle precision / recall / F1.
  if (want('scrapinghub-dev')) {
    const pages = loadScrapinghub(dir);
    const scores = new Map(names.map((n) => [n, [] as ShingleScore[]]));
    const tallies = new Map(names.map((n) => [n, new Tally()]));
    const perPage: { id: string; f1: Record<string, number> }[] = [];
    let unparsable = 0;
    const lost: string[] = [];
    for (const page of pages) {
      const parsed = parsePage('scrapinghub-dev', page.id, page.html, page.url);
      jsdomWarnings += parsed.warnings;
      const f1: Record<string, number> = {};
      const outputs: Record<string, string> = {};
      for (const [name, extractor] of EXTRACTORS) {
        const result = parsed.doc ? run(extractor, parsed.doc, page.url) : { output: null, ms: 0, error: parsed.error };
        tallies.get(name)!.record(result);
        allTimes.get(name)!.push(result.ms);
        outputs[name] = result.output?.text ?? '';
        const score = shingleScore(result.output?.text ?? '', page.articleBody);
        scores.get(name)!.push(result.output ? score : { ...score, precision: null });
        f1[name] = score.f1 ?? 0;
      }
      parsed.close();
      if (!parsed.doc) unparsable += 1;
      perPage.push({ id: page.id, f1 });
      const [base, ours] = names as [string, string];
      for (const line of linesLost(page.articleBody, outputs[base]!, outputs[ours]!)) lost.push(`${page.id.slice(0, 12)} ${line.slice(0, 90)}`);
    }
    const rows = names.map((name) => {
      const agg = aggregate(scores.get(name)!);
      const tally = tallies.get(name)!;
      return [name, fixed(agg.precision), fixed(agg.recall), fixed(agg.f1), String(tally.failed), fixed(percentile(tally.times, 50), 1), fixed(percentile(tally.times, 95), 1)];
    });
    table(`scrapinghub-dev (${pages.length} pages, 4-token shingles)`, ['extractor', 'precision', 'recall', 'F1', 'failed', 'ms median', 'ms p95'], rows);
    const [base, ours] = names as [string, string];
    const worse = perPage.filter((p) => p.f1[ours]! < p.f1[base]! - 0.05);
    const better = perPage.filter((p) => p.f1[ours]! > p.f1[base]! + 0.05);
    console.log(`\nPages > 0.05 F1 below ${base}: ${worse.length}; above: ${better.length}; unparsable: ${unparsable}`);
    for (const page of worse) console.log(`  below: ${page.id.slice(0, 12)} ${fixed(page.f1[base]!)} → ${fixed(page.f1[ours]!)}`);
    console.log(`Article-body lines ${base} keeps and ${ours} drops: ${lost.length}`);
    for (const line of lost) console.log(`  dropped: ${line}`);
    if (process.env.BENCH_VERBOSE) {
      for (const page of perPage) console.log(`  ${page.id.slice(0, 12)} ${names.map((n) => fixed(page.f1[n]!)).join(' ')}`);
    }
  }

  // wcxb-dev: WCXB's word F1, `with` snippets kept, `without` snippets left in, pages refused.
  if (want('wcxb-dev')) {
    const pages = wcxbSubset(loadWcxb(dir), process.env.BENCH_WCXB);
    const f1s = new Map(names.map((n) => [n, [] as number[]]));
    const precisions = new Map(names.map((n) => [n, [] as number[]]));
    const recalls = new Map(names.map((n) => [n, [] as number[]]));
    const withKept = new Map(names.map((n) => [n, 0]));
    const withoutLeft = new Map(names.map((n) => [n, 0]));
    const tallies = new Map(names.map((n) => [n, new Tally()]));
    const refused = new Map(names.map((n) => [n, [] as string[]]));
    const lost: string[] = [];
    const dump: unknown[] = [];
    let withTotal = 0;
    let withoutTotal = 0;
    for (const page of pages) {
      const parsed = parsePage('wcxb-dev', page.id, page.html, page.url);
      jsdomWarnings += parsed.warnings;
      withTotal += page.truth.with.length;
      withoutTotal += page.truth.without.length;
      const record: Record<string, unknown> = { id: page.id, url: page.url };
      const texts: Record<string, string> = {};
      for (const [name, extractor] of EXTRACTORS) {
        const result = parsed.doc ? run(extractor, parsed.doc, page.url) : { output: null, ms: 0, error: parsed.error };
        tallies.get(name)!.record(result);
        allTimes.get(name)!.push(result.ms);
        if (!result.output) refused.get(name)!.push(`${page.id} ${result.error ?? 'no article'}`.slice(0, 160));
        const text = result.output?.text ?? '';
        texts[name] = text;
        const score = wordScore(text, page.truth.main_content);
        f1s.get(name)!.push(score.f1);
        precisions.get(name)!.push(score.precision);
        recalls.get(name)!.push(score.recall);
        const kept = snippetsIn(page.truth.with, text);
        const left = snippetsIn(page.truth.without, text);
        withKept.set(name, withKept.get(name)! + kept.length);
        withoutLeft.set(name, withoutLeft.get(name)! + left.length);
        record[name] = { f1: score.f1, precision: score.precision, recall: score.recall, withLost: page.truth.with.filter((s) => !kept.includes(s)), withoutLeft: left };
      }
      parsed.close();
      const [base, ours] = names as [string, string];
      const baseKept = snippetsIn(page.truth.with, texts[base]!);
      for (const snippet of baseKept) if (!snippetsIn([snippet], texts[ours]!).length) lost.push(`${page.id} ${snippet.slice(0, 90)}`);
      dump.push(record);
    }
    const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);
    const rows = names.map((name) => {
      const tally = tallies.get(name)!;
      return [
        name,
        fixed(mean(precisions.get(name)!)),
        fixed(mean(recalls.get(name)!)),
        fixed(mean(f1s.get(name)!)),
        `${withKept.get(name)}/${withTotal}`,
        `${withoutLeft.get(name)}/${withoutTotal}`,
        String(tally.failed),
        fixed(percentile(tally.times, 50), 1),
        fixed(percentile(tally.times, 95), 1),
      ];
    });
    const subset = process.env.BENCH_WCXB ? `, subset ${process.env.BENCH_WCXB}` : '';
    table(`wcxb-dev (${pages.length} pages${subset}, WCXB word scores)`, ['extractor', 'precision', 'recall', 'word F1', 'with kept', 'without left', 'refused', 'ms median', 'ms p95'], rows);
    const [base, ours] = names as [string, string];
    console.log('');
    for (const name of names) {
      const list = refused.get(name)!;
      console.log(`Pages ${name} refused: ${list.length}`);
      for (const line of list) console.log(`  refused: ${line}`);
    }
    console.log(`\`with\` snippets ${base} keeps and ${ours} drops: ${lost.length}`);
    for (const line of lost) console.log(`  dropped: ${line}`);
    if (process.env.BENCH_DUMP) writeFileSync(process.env.BENCH_DUMP, JSON.stringify(dump, null, 1));
  }

  // readability-test-pages: metadata against Readability's own expected output.
  if (want('readability-test-pages')) {
    const pages = loadReadabilityTestPages(dir);
    const hits = new Map(names.map((n) => [n, zeroHits()]));
    const totals = new Map(names.map((n) => [n, zeroHits()]));
    const tallies = new Map(names.map((n) => [n, new Tally()]));
    // The target: no page marked readerable refused (the others may be: a few words of text).
    const refused = new Map(names.map((n) => [n, [] as { id: string; readerable: boolean; why: string }[]]));
    for (const page of pages) {
      const parsed = parsePage('readability-test-pages', page.id, page.html, page.url);
      jsdomWarnings += parsed.warnings;
      for (const [name, extractor] of EXTRACTORS) {
        const result = parsed.doc ? run(extractor, parsed.doc, page.url) : { output: null, ms: 0, error: parsed.error };
        tallies.get(name)!.record(result);
        allTimes.get(name)!.push(result.ms);
        if (!result.output) refused.get(name)!.push({ id: page.id, readerable: page.expected.readerable, why: result.error ?? 'no output' });
        const e = page.expected;
        metaHits(hits.get(name)!, totals.get(name)!, result.output, {
          title: e.title,
          byline: e.byline,
          lang: e.lang,
          published: e.publishedTime,
        });
      }
      parsed.close();
    }
    const rows = names.map((name) => {
      const h = hits.get(name)!;
      const t = totals.get(name)!;
      const tally = tallies.get(name)!;
      return [name, `${h.title}/${t.title}`, `${h.titleVerbatim}/${t.titleVerbatim}`, `${h.byline}/${t.byline}`, `${h.lang}/${t.lang}`, `${h.published}/${t.published}`, String(tally.failed), fixed(percentile(tally.times, 50), 1), fixed(percentile(tally.times, 95), 1)];
    });
    table(`readability-test-pages (${pages.length} pages, metadata hits where expected is set)`, ['extractor', 'title', 'title verbatim', 'byline', 'lang', 'published', 'failed', 'ms median', 'ms p95'], rows);
    for (const name of names) {
      const list = refused.get(name)!;
      console.log(`\nPages ${name} refused: ${list.length}, marked readerable: ${list.filter((r) => r.readerable).length}`);
      for (const r of list) console.log(`  refused: ${r.id}${r.readerable ? ' (marked readerable)' : ''}: ${r.why}`);
    }
  }

  // news-id: every body paragraph kept, no clutter text left, metadata against the truth.
  if (want('news-id')) {
    const pages = loadNewsId(dir);
    const hits = new Map(names.map((n) => [n, zeroHits()]));
    const totals = new Map(names.map((n) => [n, zeroHits()]));
    const tallies = new Map(names.map((n) => [n, new Tally()]));
    const kept = new Map(names.map((n) => [n, 0]));
    const recallSum = new Map(names.map((n) => [n, 0]));
    const clutter = new Map(names.map((n) => [n, 0]));
    const details: string[] = [];
    let paragraphs = 0;
    let clutterTotal = 0;
    for (const page of pages) {
      const parsed = parsePage('news-id', page.id, page.html, page.url);
      jsdomWarnings += parsed.warnings;
      paragraphs += page.truth.body.length;
      clutterTotal += page.truth.clutter.length;
      for (const [name, extractor] of EXTRACTORS) {
        const result = parsed.doc ? run(extractor, parsed.doc, page.url) : { output: null, ms: 0, error: parsed.error };
        tallies.get(name)!.record(result);
        allTimes.get(name)!.push(result.ms);
        const text = result.output?.text ?? '';
        const lost = page.truth.body.filter((p) => !paragraphKept(p, text));
        kept.set(name, kept.get(name)! + page.truth.body.length - lost.length);
        recallSum.set(name, recallSum.get(name)! + tokenRecall(page.truth.body.join('\n'), text));
        const left = clutterLeft(page.truth.clutter, text);
        clutter.set(name, clutter.get(name)! + left.length);
        for (const p of lost) details.push(`  ${name} ${page.id} lost: ${p.slice(0, 70)}`);
        for (const c of left) details.push(`  ${name} ${page.id} clutter: ${c.slice(0, 70)}`);
        const t = page.truth;
        metaHits(hits.get(name)!, totals.get(name)!, result.output, { title: t.title, byline: t.byline, lang: t.lang, published: t.published });
      }
      parsed.close();
    }
    const rows = names.map((name) => {
      const h = hits.get(name)!;
      const t = totals.get(name)!;
      const tally = tallies.get(name)!;
      return [
        name,
        `${kept.get(name)}/${paragraphs}`,
        fixed(recallSum.get(name)! / pages.length),
        `${clutter.get(name)}/${clutterTotal}`,
        `${h.title}/${t.title}`,
        `${h.byline}/${t.byline}`,
        `${h.lang}/${t.lang}`,
        `${h.published}/${t.published}`,
        String(tally.failed),
        fixed(percentile(tally.times, 50), 1),
        fixed(percentile(tally.times, 95), 1),
      ];
    });
    table(`news-id (${pages.length} pages)`, ['extractor', 'paragraphs kept', 'body recall', 'clutter left', 'title', 'byline', 'lang', 'published', 'failed', 'ms median', 'ms p95'], rows);
    if (details.length) console.log(`\n${details.join('\n')}`);
  }

  const [base, ours] = names as [string, string];
  if (!allTimes.get(base)!.length) return;
  const baseTimes = allTimes.get(base)!;
  const ourTimes = allTimes.get(ours)!;
  table('all pages: time per page', ['extractor', 'ms median', 'ms p95', 'ratio median', 'ratio p95'], [
    [base, fixed(percentile(baseTimes, 50), 1), fixed(percentile(baseTimes, 95), 1), '1.00', '1.00'],
    [
      ours,
      fixed(percentile(ourTimes, 50), 1),
      fixed(percentile(ourTimes, 95), 1),
      fixed(percentile(ourTimes, 50) / percentile(baseTimes, 50), 2),
      fixed(percentile(ourTimes, 95) / percentile(baseTimes, 95), 2),
    ],
  ]);
  console.log(`\njsdom CSS/parse complaints caught (not fatal): ${jsdomWarnings}`);
  console.log(`Pages jsdom could not build as they are: ${parseNotes.length}`);
  for (const note of parseNotes) console.log(`  ${note}`);
}

main();
