import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The collections of the shared corpus (its README): a folder holding none of them is not the corpus. */
export const CORPUS_COLLECTIONS = ['news-id', 'scrapinghub-dev', 'readability-test-pages', 'wcxb-dev'] as const;

const DEFAULT_CORPUS = resolve(REPO_ROOT, '../shared/corpus');

const holdsCorpus = (dir: string) => CORPUS_COLLECTIONS.some((name) => existsSync(join(dir, name)));

/**
 * The shared corpus: where `KLIPING_CORPUS` says when it is set (and only there, so pointing it at
 * an empty folder runs as a fresh clone does), else beside the repository (`../shared/corpus`).
 * Null when that place holds none of the corpus's collections.
 */
export function corpusDir(): string | null {
  const dir = process.env.KLIPING_CORPUS || DEFAULT_CORPUS;
  return holdsCorpus(dir) ? dir : null;
}

/** Where the corpus was looked for, for messages that say it is missing. */
export const CORPUS_HINT = process.env.KLIPING_CORPUS
  ? `KLIPING_CORPUS=${process.env.KLIPING_CORPUS} holds none of ${CORPUS_COLLECTIONS.join(', ')}`
  : `set KLIPING_CORPUS, or place the shared corpus at ${DEFAULT_CORPUS}`;

export function requireCorpusDir(): string {
  const dir = corpusDir();
  if (!dir) {
    throw new Error(
      `Extraction corpus not found: ${CORPUS_HINT}`,
    );
  }
  return dir;
}

export interface ParsedPage {
  doc: Document | null;
  /** Why jsdom could not build the page, when it could not. */
  error: string | null;
  /**
   * Why the page was read without its stylesheets, when jsdom threw on them (jsdom 29 throws on a
   * stylesheet a browser reads fine, e.g. an unbalanced parenthesis in a value): null otherwise.
   */
  fallback: string | null;
  /** CSS and other non-fatal complaints jsdom made while building the page. */
  warnings: number;
  /** Frees the page's window; a run over a whole corpus keeps memory flat with it. */
  close: () => void;
}

/**
 * `<style>` is raw text in HTML: its content runs to the first `</style`, so emptying each one
 * this way removes exactly the stylesheets the parser would have built, and nothing else.
 */
const STYLE_CONTENT = /(<style\b[^>]*>)[\s\S]*?(<\/style\s*>)/gi;

const firstLine = (error: unknown) => String(error).split('\n')[0]!;

/**
 * jsdom 29 throws or logs on odd stylesheets; a page with bad CSS is still a page, so those
 * complaints are counted, never fatal. When jsdom throws on the page's CSS, the page is read again
 * with its stylesheets emptied (extraction reads markup and text, not styles), and `fallback` says
 * why. `stylesheets: false` empties them from the start: the same DOM for extraction (Readability
 * and the rules read inline styles only), built in about half the time.
 */
export function parseHtml(html: string, url: string, { stylesheets = true }: { stylesheets?: boolean } = {}): ParsedPage {
  if (!stylesheets) html = html.replace(STYLE_CONTENT, '$1$2');
  let warnings = 0;
  const virtualConsole = new VirtualConsole();
  virtualConsole.on('jsdomError', () => {
    warnings += 1;
  });
  const build = (source: string) => new JSDOM(source, { url, virtualConsole });
  let dom: JSDOM;
  let fallback: string | null = null;
  try {
    dom = build(html);
  } catch (error) {
    fallback = firstLine(error);
    try {
      dom = build(html.replace(STYLE_CONTENT, '$1$2'));
    } catch (again) {
      return { doc: null, error: firstLine(again), fallback, warnings, close: () => undefined };
    }
  }
  return {
    doc: dom.window.document,
    error: null,
    fallback,
    get warnings() {
      return warnings;
    },
    close: () => dom.window.close(),
  };
}

export interface ScrapinghubPage {
  id: string;
  url: string;
  html: string;
  articleBody: string;
}

export function loadScrapinghub(dir = requireCorpusDir()): ScrapinghubPage[] {
  const base = join(dir, 'scrapinghub-dev');
  const truth = JSON.parse(readFileSync(join(base, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { url: string; articleBody: string }
  >;
  return Object.entries(truth)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, { url, articleBody }]) => ({
      id,
      url,
      articleBody,
      html: gunzipSync(readFileSync(join(base, 'html', `${id}.html.gz`))).toString('utf8'),
    }));
}

export interface ReadabilityMetadata {
  title: string | null;
  byline: string | null;
  dir: string | null;
  lang: string | null;
  excerpt: string | null;
  siteName: string | null;
  publishedTime: string | null;
  readerable: boolean;
}

export interface ReadabilityTestPage {
  id: string;
  url: string;
  html: string;
  expected: ReadabilityMetadata;
}

export const READABILITY_TEST_URL = 'http://fakehost/test/page.html';

export function loadReadabilityTestPages(dir = requireCorpusDir()): ReadabilityTestPage[] {
  const base = join(dir, 'readability-test-pages');
  return readdirSync(base, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((id) => ({
      id,
      url: READABILITY_TEST_URL,
      html: readFileSync(join(base, id, 'source.html'), 'utf8'),
      expected: JSON.parse(readFileSync(join(base, id, 'expected-metadata.json'), 'utf8')) as ReadabilityMetadata,
    }));
}

export interface NewsTruth {
  url: string;
  title: string;
  byline: string;
  published: string;
  lang: string;
  siteName: string;
  body: string[];
  clutter: string[];
}

export interface NewsPage {
  id: string;
  url: string;
  html: string;
  truth: NewsTruth;
}

export function loadNewsId(dir = requireCorpusDir()): NewsPage[] {
  const base = join(dir, 'news-id');
  return readdirSync(base, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((id) => {
      const truth = JSON.parse(readFileSync(join(base, id, 'truth.json'), 'utf8')) as NewsTruth;
      return { id, url: truth.url, html: readFileSync(join(base, id, 'source.html'), 'utf8'), truth };
    });
}

export interface WcxbTruth {
  title: string | null;
  author: string | null;
  publish_date: string | null;
  main_content: string;
  /** Snippets of the article that must be kept. */
  with: string[];
  /** Boilerplate snippets that must go. */
  without: string[];
}

export interface WcxbPage {
  id: string;
  url: string;
  html: string;
  truth: WcxbTruth;
}

/** wcxb-dev: real article pages from about 1,300 sites, with WCXB's truth text and snippets. */
export function loadWcxb(dir = requireCorpusDir()): WcxbPage[] {
  const base = join(dir, 'wcxb-dev');
  return readdirSync(join(base, 'ground-truth'))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const id = name.replace(/\.json$/, '');
      const record = JSON.parse(readFileSync(join(base, 'ground-truth', name), 'utf8')) as {
        url: string;
        ground_truth: Partial<WcxbTruth>;
      };
      const truth = record.ground_truth;
      return {
        id,
        // One page has no address; a placeholder like readability-test-pages' own lets jsdom build it.
        url: record.url || `http://fakehost/wcxb/${id}.html`,
        // Read when asked: all 793 pages held at once take most of a gigabyte for a whole run.
        get html() {
          return gunzipSync(readFileSync(join(base, 'html', `${id}.html.gz`))).toString('utf8');
        },
        truth: {
          title: truth.title ?? null,
          author: truth.author ?? null,
          publish_date: truth.publish_date ?? null,
          main_content: truth.main_content ?? '',
          with: truth.with ?? [],
          without: truth.without ?? [],
        },
      };
    });
}
