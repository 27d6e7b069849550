import { extractArticle } from '@/utils/extract';
import { backgroundMessenger, contentMessenger, type ReaderOpened } from '@/utils/messaging';
import { installedReader } from '@/utils/reader/api';

const INSTALLED = Symbol.for('kliping.content');

/** The reader's UI (Preact, styles) is injected on first use, so every other page stays light. */
async function openReader(): Promise<ReaderOpened> {
  const started = performance.now();
  const result = extractArticle(document, location.href, { force: true });
  if (!result.ok) return { ok: false, reason: result.reason, detail: result.detail };
  if (!installedReader()) await backgroundMessenger.sendMessage('loadReader', undefined);
  const reader = installedReader();
  if (!reader) throw new Error('The reader view could not be loaded into this page.');
  await reader.open(result.article);
  return { ok: true, msToPaint: performance.now() - started };
}

/**
 * Injected on demand (toolbar click), never declared for every site. Injecting twice into one
 * page must not register listeners twice.
 */
export default defineContentScript({
  registration: 'runtime',
  main() {
    const scope = globalThis as typeof globalThis & { [INSTALLED]?: boolean };
    if (scope[INSTALLED]) return;
    scope[INSTALLED] = true;
    contentMessenger.onMessage('extract', () => extractArticle(document, location.href));
    contentMessenger.onMessage('openReader', () => {
      const reader = installedReader();
      if (reader?.isOpen()) return { ok: true, msToPaint: 0 };
      return openReader();
    });
    contentMessenger.onMessage('closeReader', () => installedReader()?.close() ?? false);
  },
});
