import { isProbablyReaderable } from '@mozilla/readability';
import { firstInstall } from '@/utils/core/install-once';
import { DeclutterController } from '@/utils/core/declutter/controller';
import { extractArticle } from '@/utils/core/extract';
import { inPageLateClutter } from '@/utils/core/declutter/in-page';
import { planDeclutter } from '@/utils/core/declutter/plan';
import { inPageMessenger } from '@/utils/browser/messaging';
import { openReaderInPage } from '@/utils/browser/open-reader-in-page';

/**
 * Benchmark and test builds only (wxt.config.ts skips it elsewhere): the whole pipeline inside
 * the page, as every click ran it before it moved off the page. `npm run bench:offpage` measures
 * the off-page path beside it, and the diff test checks both give the same article and hide the
 * same elements.
 */
export default defineContentScript({
  registration: 'runtime',
  main() {
    if (!firstInstall('kliping.content-inpage')) return;
    const extract = () => ({ ...extractArticle(document, location.href, { force: true }), readerable: isProbablyReaderable(document) });
    const declutterer = new DeclutterController(document, async (doc) => planDeclutter(doc), { visibleText: (body) => body.innerText, lateClutter: inPageLateClutter });
    inPageMessenger.onMessage('inPageExtract', () => extract());
    inPageMessenger.onMessage('inPageDeclutter', ({ data }) => declutterer.apply(data));
    inPageMessenger.onMessage('inPageOpenReader', () => openReaderInPage(async () => extract()));
  },
});
