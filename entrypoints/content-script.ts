import { takeAutoAction } from '@/utils/core/auto-action';
import { firstInstall } from '@/utils/core/install-once';
import { DeclutterController } from '@/utils/core/declutter/controller';
import { offPageLateClutter, offPagePlanner } from '@/utils/core/declutter/from-numbers';
import { takeSnapshot } from '@/utils/core/snapshot/take';
import { afterNextPaint } from '@/utils/core/tasks';
import type { PageSnapshot } from '@/utils/core/snapshot/types';
import { contentMessenger, parserMessenger } from '@/utils/browser/messaging';
import { withParser } from '@/utils/browser/parser-client';
import { closeReaderInPage, openReaderInPage } from '@/utils/browser/open-reader-in-page';

/**
 * Injected on demand (toolbar click, shortcut, context menu), never declared for every site;
 * also registered for the sites a user chose to declutter or read automatically. Injecting twice
 * into one page must not register listeners twice.
 *
 * It only does what must touch the page: it hands over a snapshot of the document, and hides
 * and restores. Parsing, Readability, the rules and sanitizing run in the extension
 * (utils/browser/off-page), not on the page's main thread.
 *
 * An unlisted script (built to /content-script.js), not a WXT content script: it needs none of
 * WXT's content script context, whose code (about 3 kB) would be a fifth of what each click injects.
 */
export default defineUnlistedScript({
  main() {
    if (!firstInstall('kliping.content')) return;
    // Every request but the automatic one answers something the user asked for: no pre-check.
    // The automatic one is the first plan asked for; it takes the flag, so none after it does.
    let autoPending = false;
    const planFor = (snapshot: PageSnapshot) => {
      const readerableOnly = autoPending;
      autoPending = false;
      return withParser(() => parserMessenger.sendMessage('parsePlan', { snapshot, readerableOnly }));
    };
    // The check after hiding reads what the reader really sees, the site's own CSS included.
    const declutterer = new DeclutterController(
      document,
      offPagePlanner(planFor),
      {
        visibleText: (body) => body.innerText,
        lateClutter: offPageLateClutter((snapshot) => withParser(() => parserMessenger.sendMessage('parseLateClutter', snapshot))),
        pauseBeforeCheck: afterNextPaint,
      },
    );
    const snapshot = async () => (await takeSnapshot(document, false)).snapshot;
    const extract = async () => {
      const taken = await snapshot();
      return withParser(() => parserMessenger.sendMessage('parseExtract', taken));
    };
    contentMessenger.onMessage('snapshot', snapshot);
    contentMessenger.onMessage('declutter', ({ data }) => declutterer.apply(data));
    contentMessenger.onMessage('openReader', ({ data }) => openReaderInPage(extract, data));
    contentMessenger.onMessage('closeReader', () => closeReaderInPage());
    // Automatic actions are the one place the pre-check decides: nobody asked on this page.
    // Nobody waits on them either: a page that is no article just stays as it is.
    const auto = takeAutoAction(globalThis);
    if (auto === 'declutter') {
      autoPending = true;
      void declutterer.apply('on');
    }
    if (auto === 'reader') {
      void extract()
        .then((result) => (result.ok && result.readerable ? openReaderInPage(extract, result.article) : null))
        .catch(() => {});
    }
  },
});
