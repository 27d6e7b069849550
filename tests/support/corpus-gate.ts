import { describe } from 'vitest';
import { corpusDir } from '../../support/corpus';

/** The shared corpus, when this checkout has one beside it (or KLIPING_CORPUS names one). */
export const CORPUS_DIR = corpusDir();

/**
 * A suite that needs the shared corpus: skipped on a fresh clone without it, so `npm test` still
 * passes there. `tests/support/corpus-notice.ts` names every such suite in one line when it is.
 */
export const describeCorpus = (name: string, body: () => void) => describe.skipIf(!CORPUS_DIR)(`${name} [corpus]`, body);

/**
 * The corpus gates judge what extraction finds, not how fast a loaded machine finds it: the
 * pipeline's wall-clock budget (15 s, its second Readability try only in the first fifth of it)
 * would make their answers depend on the machine's load.
 */
export const UNHURRIED_MS = 10 * 60_000;
