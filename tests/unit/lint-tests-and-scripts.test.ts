// @vitest-environment node
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/* tests/ and scripts/ keep apart (README "Tests, benchmarks and support"): both import support/. */

const root = process.cwd();
const eslint = new ESLint({ cwd: root });

async function complaints(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${path}` });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

// ESLint's first lint of a file loads its whole config: slow on a loaded machine.
describe('tests and scripts apart', { timeout: 60_000 }, () => {
  it('keeps tests from importing scripts/', async () => {
    expect(await complaints('tests/unit/example.test.ts', "import { runCli } from '../../scripts/extract-cli';\nexport const x = runCli;\n")).toHaveLength(1);
    expect(await complaints('tests/unit/extract/example.test.ts', "export { parseHtml } from '../../../scripts/corpus';\n")).toHaveLength(1);
    expect(await complaints('tests/support/example.ts', "import { nodeProblem } from '../../scripts/environment.mjs';\nexport const x = nodeProblem;\n")).toHaveLength(1);
  });

  it('keeps scripts from importing tests/', async () => {
    expect(await complaints('scripts/bench-example.ts', "import { launchChromium } from '../tests/e2e/harness';\nexport const x = launchChromium;\n")).toHaveLength(1);
    expect(await complaints('scripts/example.mjs', "import { makePng } from '../tests/support/png';\nexport const x = makePng;\n")).toHaveLength(1);
  });

  it('lets both import support/, which imports neither', async () => {
    expect(await complaints('tests/unit/extract/example.test.ts', "import { parseHtml } from '../../../support/corpus';\nexport const x = parseHtml;\n")).toEqual([]);
    expect(await complaints('tests/e2e/example.test.ts', "import { LibraryPage } from './harness';\nimport { corpusDir } from '../support/corpus-gate';\nexport const x = [LibraryPage, corpusDir];\n")).toEqual([]);
    expect(await complaints('scripts/bench-example.ts', "import { launchChromium } from '../support/browser/launch';\nexport const x = launchChromium;\n")).toEqual([]);
    expect(await complaints('support/example.ts', "import { runCli } from '../scripts/extract-cli';\nexport const x = runCli;\n")).toHaveLength(1);
    expect(await complaints('support/pages/example.ts', "import { FIXTURES_DIR } from '../../tests/e2e/harness';\nexport const x = FIXTURES_DIR;\n")).toHaveLength(1);
  });
});
