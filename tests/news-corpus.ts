import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The hand-written Indonesian/English news pages with known body paragraphs and clutter. */
export interface NewsCase {
  name: string;
  html: string;
  truth: { url: string; title: string; byline: string; lang: string; body: string[]; clutter: string[] };
}

const CANDIDATES = [resolve(process.cwd(), '../shared/corpus'), '/work/shared/corpus'];

/** The corpus lives outside the repo (read-only, shared); tests fail loudly when it is missing. */
export function corpusDir(): string {
  const found = CANDIDATES.find((dir) => existsSync(join(dir, 'news-id')));
  if (!found) throw new Error(`The shared corpus is missing: looked for news-id/ in ${CANDIDATES.join(' and ')}.`);
  return found;
}

export function newsCases(): NewsCase[] {
  const root = join(corpusDir(), 'news-id');
  const cases = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({
      name: entry.name,
      html: readFileSync(join(root, entry.name, 'source.html'), 'utf8'),
      truth: JSON.parse(readFileSync(join(root, entry.name, 'truth.json'), 'utf8')) as NewsCase['truth'],
    }));
  if (cases.length === 0) throw new Error(`No pages in ${root}.`);
  return cases;
}
