// @vitest-environment node
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/* The layer rule of README "Layers": each folder may import only the layers beneath it. */

const root = process.cwd();
const eslint = new ESLint({ cwd: root });

/** The layer rule's complaints about `code` linted as if it were the file at `path`. */
async function complaints(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${path}` });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').map((m) => m.message);
}

// ESLint's first lint of a file loads its whole config: slow on a loaded machine.
describe('the layer rule', { timeout: 60_000 }, () => {
  it('keeps utils/core pure: no database, no browser wiring, no browser.*', async () => {
    expect(await complaints('utils/core/extract/example.ts', "import { getDb } from '../../data/schema';\nexport const x = getDb;\n")).toHaveLength(1);
    expect(await complaints('utils/core/example.ts', "import { openSessionPort } from '@/utils/browser/session-port';\nexport const x = openSessionPort;\n")).toHaveLength(1);
    expect(await complaints('utils/core/example.ts', "import Dexie from 'dexie';\nexport const x = Dexie;\n")).toHaveLength(1);
    expect(await complaints('utils/core/example.ts', 'export const x = () => browser.runtime.id;\n')).toHaveLength(1);
    expect(await complaints('utils/core/example.ts', "import { fold } from './search/fold';\nexport const x = fold;\n")).toEqual([]);
  });

  it('lets only utils/data import Dexie, and keeps it off browser wiring', async () => {
    expect(await complaints('utils/data/example.ts', "import Dexie from 'dexie';\nimport { hostLabel } from '../core/url';\nexport const x = [Dexie, hostLabel];\n")).toEqual([]);
    expect(await complaints('utils/data/example.ts', "import { browser } from 'wxt/browser';\nexport const x = browser;\n")).toHaveLength(1);
    expect(await complaints('utils/browser/example.ts', "import Dexie from 'dexie';\nexport const x = Dexie;\n")).toHaveLength(1);
    expect(await complaints('utils/browser/example.ts', "import { browser } from 'wxt/browser';\nimport { getDb } from '../data/schema';\nexport const x = [browser, getDb];\n")).toEqual([]);
  });

  it('keeps Dexie and browser.* out of the UI, and the UI out of utils', async () => {
    expect(await complaints('components/library/Example.tsx', "import { liveQuery } from 'dexie';\nexport const x = liveQuery;\n")).toHaveLength(1);
    expect(await complaints('components/popup/Example.tsx', "import { browser } from 'wxt/browser';\nexport const x = browser;\n")).toHaveLength(1);
    expect(await complaints('utils/data/example.ts', "import { NotesAndTags } from '@/components/shared/NotesAndTags';\nexport const x = NotesAndTags;\n")).toHaveLength(1);
  });
});
