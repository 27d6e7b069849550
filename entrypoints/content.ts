import { takeAutoAction } from '@/utils/auto-action';
import { DeclutterController } from '@/utils/declutter/controller';
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
 * Injected on demand (toolbar click, shortcut, context menu), never declared for every site;
 * also registered for the sites a user chose to declutter or read automatically. Injecting twice
 * into one page must not register listeners twice.
 */
export default defineContentScript({
  registration: 'runtime',
  main() {
    const scope = globalThis as typeof globalThis & { [INSTALLED]?: boolean };
    if (scope[INSTALLED]) return;
    scope[INSTALLED] = true;
    const declutterer = new DeclutterController(document);
    contentMessenger.onMessage('extract', () => extractArticle(document, location.href));
    contentMessenger.onMessage('declutter', ({ data }) => declutterer.apply(data));
    contentMessenger.onMessage('openReader', () => {
      const reader = installedReader();
      if (reader?.isOpen()) return { ok: true, msToPaint: 0 };
      return openReader();
    });
    contentMessenger.onMessage('closeReader', () => installedReader()?.close() ?? false);
    const auto = takeAutoAction(globalThis);
    if (auto === 'declutter') declutterer.apply('on');
    // Nobody waits on an automatic action: a page that is no article just stays as it is.
    if (auto === 'reader') void openReader().catch(() => {});
  },
});
