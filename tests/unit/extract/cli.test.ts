import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { JSDOM } from 'jsdom';
import { describeElement } from '@/utils/core/explain';

/*
 * The CLI is run as `npm run extract` runs it (node with tsx, without npm in between): a test
 * drives the command, its output and its exit code, never the script's insides.
 */
const CLI = ['--import', 'tsx', 'scripts/extract-cli.ts'];
const exec = promisify(execFile);

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function runCli(args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [...CLI, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const dir = mkdtempSync(join(tmpdir(), 'kliping-cli-'));
const paragraphs = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Paragraph ${i + 1}: the river rose through the night and by morning the market square was under water, so traders moved their stalls to the school yard on the hill, where the council had set up tents.</p>`,
).join('');
const articleFile = join(dir, 'article.html');
writeFileSync(
  articleFile,
  `<!doctype html><html lang="en"><head><title>River floods the market - Daily Example</title>
  <meta property="og:site_name" content="Daily Example"><meta name="author" content="By Jane Doe">
  <meta property="article:published_time" content="2024-03-02T08:00:00+07:00"></head>
  <body><article><h1>River floods the market</h1>${paragraphs}
  <p><strong>Read more:</strong> <a href="/other">Another story entirely</a></p>
  <p><img src="/img/flood.jpg" alt="flood"></p></article></body></html>`,
);
// jsdom 29 throws on this stylesheet (an unbalanced parenthesis) where a browser reads the page.
const badCssFile = join(dir, 'bad-css.html');
writeFileSync(
  badCssFile,
  `<!doctype html><html lang="en"><head><title>River floods the market</title>
  <style>.lead{width:calc(1px + (2px)}</style></head><body><article><h1>River floods the market</h1>${paragraphs}</article></body></html>`,
);
// A page with one element for each kind of reason: a menu and a footer outside the article, a
// "Baca juga:" line, a share bar and an ad label inside it.
const clutteredFile = join(dir, 'cluttered.html');
writeFileSync(
  clutteredFile,
  `<!doctype html><html lang="en"><head><title>River floods the market - Daily Example</title></head>
  <body><nav class="site-nav"><a href="/">Home</a> <a href="/news">News</a></nav>
  <article><h1>River floods the market</h1>${paragraphs}
  <p><strong>Baca juga:</strong> <a href="/other">Another story entirely</a></p>
  <div class="share-bar"><a href="/s">Facebook</a> <a href="/t">Twitter</a></div>
  ${paragraphs}<div>ADVERTISEMENT</div>${paragraphs}</article>
  <footer id="foot">Copyright Daily Example 2024, all rights reserved</footer></body></html>`,
);
const emptyFile = join(dir, 'empty.html');
writeFileSync(emptyFile, '<html><body><nav><a href="/">Home</a></nav></body></html>');

// Each case starts its own process (about 2 s with tsx): they run side by side.
describe.concurrent('extract CLI', { timeout: 120_000 }, () => {
  it('prints the article as JSON with every field, clutter removed, URLs absolute', async () => {
    const { code, stdout, stderr } = await runCli([articleFile, '--url', 'https://daily.example/news/flood']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const article = JSON.parse(stdout);
    expect(article.title).toBe('River floods the market');
    expect(article.byline).toBe('Jane Doe');
    expect(article.siteName).toBe('Daily Example');
    expect(article.publishedTime).toBe('2024-03-02T08:00:00+07:00');
    expect(article.lang).toBe('en');
    expect(article.textContent).toContain('Paragraph 6: the river rose');
    expect(article.textContent).not.toContain('Another story entirely');
    expect(article.contentHtml).toContain('src="https://daily.example/img/flood.jpg"');
    expect(article.wordCount).toBeGreaterThan(200);
  });

  it('prints Markdown with a YAML header, as the library export writes it', async () => {
    const { code, stdout } = await runCli([articleFile, '--url', 'https://daily.example/news/flood', '--format', 'markdown']);
    expect(code).toBe(0);
    const [, header, body] = stdout.split(/^---$/m);
    expect(parse(header!)).toMatchObject({
      title: 'River floods the market',
      author: 'Jane Doe',
      site: 'Daily Example',
      published: '2024-03-02T08:00:00+07:00',
      url: 'https://daily.example/news/flood',
      reading_minutes: expect.any(Number),
    });
    expect(body).toContain('# River floods the market');
    expect(body).toContain('![flood](https://daily.example/img/flood.jpg)');
  });

  it('prints plain text, one block a line', async () => {
    const { code, stdout } = await runCli([articleFile, '--format', 'text']);
    expect(code).toBe(0);
    expect(stdout).toContain('River floods the market');
    expect(stdout.split('\n').filter((line) => line.startsWith('Paragraph '))).toHaveLength(6);
  });

  it('--explain lists every element removed or hidden, with the rule that took it and the element', async () => {
    const { code, stdout, stderr } = await runCli([clutteredFile, '--url', 'https://daily.example/news/flood', '--explain']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const [extraction, declutter] = stdout.split('\n\n');
    expect(extraction!.split('\n')).toEqual([
      'extraction: 2 elements removed from the article Readability picked',
      '  related-links [box-heading: Baca juga:] p "Baca juga: Another story entirely"',
      '  ads [label: ADVERTISEMENT] p "ADVERTISEMENT"',
    ]);
    expect(declutter!.trimEnd().split('\n')).toEqual([
      'declutter: 5 elements hidden on the page',
      '  outside-article [place: before the article] nav.site-nav "Home News"',
      '  related-links [box-heading: Baca juga:] p "Baca juga: Another story entirely"',
      '  share [class: share-bar] div.share-bar "Facebook Twitter"',
      '  ads [label: ADVERTISEMENT] div "ADVERTISEMENT"',
      '  outside-article [place: after the article] footer#foot "Copyright Daily Example 2024, all rights reserved"',
    ]);
  });

  it('--explain --format json gives the same listing as data', async () => {
    const { code, stdout } = await runCli([clutteredFile, '--explain', '--format', 'json']);
    expect(code).toBe(0);
    const explanation = JSON.parse(stdout);
    expect(explanation.extraction.ok).toBe(true);
    expect(explanation.extraction.elements.map((e: { rule: string }) => e.rule)).toEqual(['related-links', 'ads']);
    expect(explanation.declutter.elements).toContainEqual({ rule: 'share', matcher: 'class', match: 'share-bar', element: 'div.share-bar "Facebook Twitter"' });
    expect(explanation.declutter.elements).toHaveLength(5);
  });

  it('describes an element by tag, id, first classes and first words', () => {
    const el = new JSDOM('<section id="box" class="a  b c d">  One two three four\nfive six seven eight nine ten</section>').window.document.querySelector('section')!;
    expect(describeElement(el)).toBe('section#box.a.b.c "One two three four five six seven eight …"');
    el.textContent = '';
    expect(describeElement(el)).toBe('section#box.a.b.c');
  });

  it('--explain says when a pass refuses the page', async () => {
    const { code, stdout } = await runCli([emptyFile, '--explain']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^extraction: refused \(not-readerable: /m);
    expect(stdout).toMatch(/^declutter: refused \(no-article: /m);
  });

  it('exits 1 with a one-line reason for a file it cannot read', async () => {
    const result = await runCli([join(dir, 'missing.html')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/cannot read .*missing\.html: ENOENT/);
  });

  it('exits 1 with a one-line reason for a page without an article', async () => {
    const result = await runCli([emptyFile]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/no article in .*empty\.html: not-readerable/);
  });

  it('reads a page whose CSS jsdom cannot parse, and says it read it without the stylesheets', async () => {
    const { code, stdout, stderr } = await runCli([badCssFile, '--format', 'text']);
    expect(code).toBe(0);
    expect(stdout).toContain('Paragraph 6: the river rose');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/note: read .*bad-css\.html without its stylesheets \(jsdom: SyntaxError: "\)" is expected\)/);
  });

  it('rejects a wrong command line', async () => {
    expect((await runCli([])).code).toBe(2);
    expect((await runCli([articleFile, '--format', 'pdf'])).stderr).toMatch(/unknown format: pdf/);
    expect((await runCli([articleFile, '--url', 'not a url'])).stderr).toMatch(/not a URL/);
    expect((await runCli([articleFile, '--explain', '--format', 'markdown'])).stderr).toMatch(/--explain prints text or json/);
  });
});
