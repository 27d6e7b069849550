import { extractArticle } from '@/utils/extract';
import { contentMessenger } from '@/utils/messaging';
import { closeReaderInPage, openReaderInPage } from '@/utils/reader/open-in-page';

const INSTALLED = Symbol.for('kliping.content');

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
    contentMessenger.onMessage('openReader', () => openReaderInPage());
    contentMessenger.onMessage('closeReader', () => closeReaderInPage());
  },
});
