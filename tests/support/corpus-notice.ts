import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { CORPUS_HINT, corpusDir } from '../../support/corpus';

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return /\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * Vitest global setup: when the shared corpus is missing, say so once, naming the files whose
 * corpus suites (`describeCorpus`) are skipped, rather than leaving it to a count of skips.
 */
export default function corpusNotice(): void {
  if (corpusDir()) return;
  const root = resolve('tests');
  const gated = testFiles(root)
    .filter((file) => readFileSync(file, 'utf8').includes('describeCorpus('))
    .map((file) => relative(process.cwd(), file));
  console.log(`\nCorpus tests skipped (no corpus: ${CORPUS_HINT}): ${gated.join(', ')}\n`);
}
