import { takeAutoAction } from '@/utils/auto-action';
import { DeclutterController } from '@/utils/declutter/controller';
import { extractArticle } from '@/utils/extract';
import { contentMessenger } from '@/utils/messaging';
import { closeReaderInPage, openReaderInPage } from '@/utils/reader/open-in-page';

const INSTALLED = Symbol.for('kliping.content');

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
    contentMessenger.onMessage('openReader', () => openReaderInPage());
    contentMessenger.onMessage('closeReader', () => closeReaderInPage());
    const auto = takeAutoAction(globalThis);
    if (auto === 'declutter') declutterer.apply('on');
    // Nobody waits on an automatic action: a page that is no article just stays as it is.
    if (auto === 'reader') void openReaderInPage().catch(() => {});
  },
});
