import { isProbablyReaderable } from '@mozilla/readability';
import { takeAutoAction } from '@/utils/core/auto-action';
import { DeclutterController } from '@/utils/core/declutter/controller';
import { extractArticle } from '@/utils/core/extract';
import { contentMessenger } from '@/utils/browser/messaging';
import { closeReaderInPage, openReaderInPage } from '@/utils/browser/open-reader-in-page';

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
    // The check after hiding reads what the reader really sees, the site's own CSS included.
    const declutterer = new DeclutterController(document, undefined, { visibleText: (body) => body.innerText });
    // Every message here answers something the user asked for: no "is it an article" pre-check.
    contentMessenger.onMessage('extract', () => ({ ...extractArticle(document, location.href, { force: true }), readerable: isProbablyReaderable(document) }));
    contentMessenger.onMessage('declutter', ({ data }) => declutterer.apply(data));
    contentMessenger.onMessage('openReader', () => openReaderInPage());
    contentMessenger.onMessage('closeReader', () => closeReaderInPage());
    // Automatic actions are the one place the pre-check decides: nobody asked on this page.
    const auto = takeAutoAction(globalThis);
    if (auto && !isProbablyReaderable(document)) return;
    if (auto === 'declutter') declutterer.apply('on');
    // Nobody waits on an automatic action: a page that is no article just stays as it is.
    if (auto === 'reader') void openReaderInPage().catch(() => {});
  },
});
