/**
 * The pages `bench:offpage` and the off-page diff test run on (wcxb-dev, scrapinghub-dev and
 * news-id), a loopback server for them, and the diff between the in-page and off-page answers.
 */
import { tabIdOf } from './browser/launch';
import type { ExtensionBrowser } from './browser/types';
import type { PathName } from '../utils/browser/off-page-diff';
import { listenOnLoopback, type StaticServer } from './loopback';
import { loadNewsId, loadScrapinghub, loadWcxb } from './corpus';

export const OFF_PAGE_CORPORA = ['wcxb-dev', 'scrapinghub-dev', 'news-id'] as const;

export interface CorpusPage {
  corpus: string;
  id: string;
  html: string;
}

/** Every page of the three corpora, or `perCorpus` of each spread evenly over it (a sample). */
export function offPagePages(dir: string, perCorpus = Infinity, corpora: readonly string[] = OFF_PAGE_CORPORA): CorpusPage[] {
  const spread = <T>(items: T[]): T[] => {
    if (!Number.isFinite(perCorpus) || items.length <= perCorpus) return items;
    const step = items.length / perCorpus;
    return Array.from({ length: perCorpus }, (_, i) => items[Math.floor(i * step)]!);
  };
  const pages: CorpusPage[] = [];
  for (const corpus of corpora) {
    if (corpus === 'wcxb-dev') for (const p of spread(loadWcxb(dir))) pages.push({ corpus, id: p.id, html: p.html });
    else if (corpus === 'scrapinghub-dev') for (const p of spread(loadScrapinghub(dir))) pages.push({ corpus, id: p.id, html: p.html });
    else if (corpus === 'news-id') for (const p of spread(loadNewsId(dir))) pages.push({ corpus, id: p.id, html: p.html });
    else throw new Error(`Unknown corpus ${corpus}`);
  }
  return pages;
}

export const pagePath = (page: CorpusPage) => `/${page.corpus}/${encodeURIComponent(page.id)}.html`;

/**
 * Every request to another origin refused by the browser itself, before any network: a saved page
 * asks for its site's scripts, styles, fonts and ads by the hundred, and failing each by DNS made
 * one page's load take 6–20 s on a loaded machine (past the tests' 10 s navigation timeout).
 * Inline scripts and styles still run, as on the site (and as with the benchmarks' own routes).
 */
const ONLY_THIS_ORIGIN = "default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:";

/** Serves the pages at `pagePath`; anything else is a 404, and no page reaches its site. */
export function serveCorpusPages(pages: readonly CorpusPage[]): Promise<StaticServer> {
  const byPath = new Map(pages.map((page) => [pagePath(page), page.html]));
  return listenOnLoopback((request, response) => {
    const html = byPath.get(new URL(request.url ?? '/', 'http://x').pathname);
    response.writeHead(html === undefined ? 404 : 200, {
      'content-type': html === undefined ? 'text/plain' : 'text/html; charset=utf-8',
      'content-security-policy': ONLY_THIS_ORIGIN,
    });
    response.end(html ?? '');
  });
}

/** What utils/browser/off-page-diff.ts answers, as the tests read it. */
export interface PathResult {
  extract: Record<string, unknown> & { ok: boolean };
  declutter: { active: boolean; ms?: number; heldBack?: number; error?: string };
  hidden: number[];
  before: string;
  restored: string;
}
export interface Comparison {
  inPage: PathResult;
  offPage: PathResult;
}

const show = (value: unknown) => {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
};

/**
 * The page at `url` through each path, each on its own fresh load (`runPath` in
 * utils/browser/off-page-diff.ts): on one load, the page's answer to the first path's Declutter
 * (a lazy loader marking the images a layout change showed) became the second path's input.
 */
export async function comparePaths(ext: ExtensionBrowser, url: string): Promise<Comparison> {
  const run = async (path: PathName): Promise<PathResult> => {
    const page = await ext.newPage();
    try {
      await page.goto(url);
      return (await ext.callHook('runPath', await tabIdOf(ext, page), path)) as unknown as PathResult;
    } finally {
      await page.close();
    }
  };
  return { inPage: await run('inPage'), offPage: await run('offPage') };
}

/**
 * The page as a path must leave it: Kliping never writes an element's `class` or `style` (it
 * hides with its own attribute and one stylesheet), while a page's scripts change them in answer
 * to the layout changing (a lazy loader's `lazyloaded`, a sticky header's `sticking`).
 */
const withoutPageStateAttributes = (html: string) => html.replace(/\s(?:class|style)="[^"]*"/g, '');

/** Whether a path left the page otherwise than it found it (see withoutPageStateAttributes). */
export const leftChanged = (result: PathResult): boolean => withoutPageStateAttributes(result.restored) !== withoutPageStateAttributes(result.before);

/**
 * Said first when the paths' answers differ and the page's two loads did not settle alike (a
 * script's random ids, a late element shifting every number after it): the page differed, not
 * necessarily the paths. Loads that differ while every answer agrees are no difference at all.
 */
export const NOT_SAME_START = 'the page was not the same on its two loads';

/**
 * Every difference between the two paths: each output field of the extraction, Declutter's
 * answer (but its time), every hidden element, and the page restored as it was. Empty: the same.
 */
export function differences({ inPage, offPage }: Comparison): string[] {
  const found: string[] = [];
  const fields = (result: PathResult['extract']) => ({ ...result, ...((result.article as object | undefined) ?? {}) });
  const a = fields(inPage.extract);
  const b = fields(offPage.extract);
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (key === 'article') continue;
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) found.push(`extract.${key}: in page ${show(a[key])}, off page ${show(b[key])}`);
  }
  const status = (s: PathResult['declutter']) => ({ active: s.active, heldBack: s.heldBack, error: s.error });
  if (JSON.stringify(status(inPage.declutter)) !== JSON.stringify(status(offPage.declutter))) {
    found.push(`declutter: in page ${show(status(inPage.declutter))}, off page ${show(status(offPage.declutter))}`);
  }
  const hiddenIn = new Set(inPage.hidden);
  const hiddenOff = new Set(offPage.hidden);
  const onlyIn = inPage.hidden.filter((n) => !hiddenOff.has(n));
  const onlyOff = offPage.hidden.filter((n) => !hiddenIn.has(n));
  if (onlyIn.length || onlyOff.length) found.push(`hidden: ${onlyIn.length} only in page (${show(onlyIn)}), ${onlyOff.length} only off page (${show(onlyOff)})`);
  // A page the two paths left changed alike changed itself (a timer, a lazy loader answering
  // the layout change): only a change one path made and the other did not is theirs.
  const [inChanged, offChanged] = [leftChanged(inPage), leftChanged(offPage)];
  if (offChanged && !inChanged) found.push('the off-page path did not restore the page (the in-page path did)');
  if (inChanged && !offChanged) found.push('the in-page path did not restore the page (the off-page path did)');
  if (found.length && inPage.before !== offPage.before) found.unshift(NOT_SAME_START);
  return found;
}
