/**
 * `npm run extract -- <file.html> [--url <page url>] [--format json|markdown|text] [--force] [--explain]`
 * Prints what the extraction pipeline makes of a saved page. Exit code 1 and a one-line reason
 * when the file cannot be read or holds no article; 2 for a wrong command line. `--explain` lists
 * instead every element extraction removes and declutter hides, with the rule that took it
 * (`--format json` for the same as JSON).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bylineBesideSite, metadataOf, type Article } from '../utils/core/article';
import { extractArticle } from '../utils/core/extract';
import { articleToMarkdown, createTurndown } from '../utils/core/transfer/markdown';
import { linkArticle, type TransferArticle } from '../utils/core/transfer/model';
import { parseHtml } from '../support/corpus';
import { explainPage, formatExplanation } from '../utils/core/explain';

export type Format = 'json' | 'markdown' | 'text';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

interface Args {
  file: string;
  url: string | null;
  format: Format;
  force: boolean;
  explain: boolean;
}

const USAGE = 'usage: npm run extract -- <file.html> [--url <page url>] [--format json|markdown|text] [--force] [--explain]';

function parseArgs(argv: string[]): Args | string {
  let file: string | null = null;
  let url: string | null = null;
  let format: Format | null = null;
  let force = false;
  let explain = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--url') {
      url = argv[++i] ?? null;
      if (!url) return 'missing value after --url';
      try {
        new URL(url);
      } catch {
        return `not a URL: ${url}`;
      }
    } else if (arg === '--format') {
      const value = argv[++i];
      if (value !== 'json' && value !== 'markdown' && value !== 'text') return `unknown format: ${value ?? '(none)'}`;
      format = value;
    } else if (arg === '--force') {
      force = true;
    } else if (arg === '--explain') {
      explain = true;
    } else if (arg.startsWith('--')) {
      return `unknown option: ${arg}`;
    } else if (file === null) {
      file = arg;
    } else {
      return `unexpected argument: ${arg}`;
    }
  }
  if (explain && format === 'markdown') return '--explain prints text or json, not markdown';
  // The article is JSON unless asked otherwise; the explanation, a listing to read.
  return file ? { file, url, format: format ?? (explain ? 'text' : 'json'), force, explain } : 'missing <file.html>';
}

/** The article as the library's Markdown export writes it: YAML front matter, then the saved copy. */
export function toMarkdown(article: Article, now: number = Date.now()): string {
  const saved: TransferArticle = {
    ...linkArticle(article.url, article.canonicalUrl, now),
    ...metadataOf(article),
    contentStatus: 'saved',
    content: { html: article.contentHtml, text: article.textContent },
  };
  return articleToMarkdown(saved, createTurndown());
}

function toText(article: Article): string {
  const byline = bylineBesideSite(article.byline, article.siteName);
  const head = [article.title, [byline, article.siteName, article.publishedTime].filter(Boolean).join(' · ')].filter(Boolean);
  return `${head.join('\n')}\n\n${article.textContent}\n`;
}

export function runCli(argv: string[]): CliResult {
  const args = parseArgs(argv);
  if (typeof args === 'string') return { code: 2, stdout: '', stderr: `${args}\n${USAGE}\n` };
  let html: string;
  try {
    html = readFileSync(args.file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'read error';
    return { code: 1, stdout: '', stderr: `cannot read ${args.file}: ${reason}\n` };
  }
  const url = args.url ?? pathToFileURL(resolve(args.file)).href;
  const parsed = parseHtml(html, url);
  if (!parsed.doc) return { code: 1, stdout: '', stderr: `cannot parse ${args.file}: ${parsed.error}\n` };
  // A browser reads a page whose CSS jsdom rejects; so does the CLI, without the stylesheets, and says so.
  const note = parsed.fallback ? `note: read ${args.file} without its stylesheets (jsdom: ${parsed.fallback})\n` : '';
  if (args.explain) {
    const explanation = explainPage(parsed.doc, url, { force: args.force });
    const stdout = args.format === 'json' ? `${JSON.stringify(explanation, null, 2)}\n` : formatExplanation(explanation);
    return { code: 0, stdout, stderr: note };
  }
  const result = extractArticle(parsed.doc, url, { force: args.force });
  if (!result.ok) return { code: 1, stdout: '', stderr: `${note}no article in ${args.file}: ${result.reason}: ${result.detail}\n` };
  const { article } = result;
  const stdout =
    args.format === 'json' ? `${JSON.stringify(article, null, 2)}\n` : args.format === 'markdown' ? toMarkdown(article) : toText(article);
  return { code: 0, stdout, stderr: note };
}

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const { code, stdout, stderr } = runCli(process.argv.slice(2));
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  process.exitCode = code;
}
