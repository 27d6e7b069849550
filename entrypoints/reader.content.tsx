import { render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { browser } from 'wxt/browser';
import { ReaderView } from '@/components/reader/ReaderView';
import type { KeptImage } from '@/components/shared/useKeptImages';
import themeCss from '@/components/shared/theme.css?inline';
import readerCss from '@/components/reader/reader.css?inline';
import overlayCss from '@/components/reader/reader-overlay.css?inline';
import type { Article } from '@/utils/core/article';
import { backgroundMessenger } from '@/utils/browser/messaging';
import { installedReader, installReader } from '@/utils/core/reader/api';
import { afterNextPaint } from '@/utils/core/tasks';
import { base64ToBytes, ensureDyslexicFont } from '@/utils/core/reader/font';
import { lockPageScroll } from '@/utils/core/reader/page-scroll';
import { type ReaderPrefs } from '@/utils/core/reader/prefs';
import { loadReaderPrefs } from '@/utils/browser/settings-storage';

const HOST_TAG = 'kliping-reader';

/**
 * The reader view's UI, injected by the background only when a page's reader is first opened
 * (see content-script.ts), so the script that runs on every page the user clicks stays small.
 *
 * Styles come in as strings and go into the shadow root; WXT's cssInjectionMode 'ui' would fetch
 * a CSS file instead, which a runtime-injected script on an arbitrary page could only do if the
 * file were exposed to every web page.
 */
export default defineContentScript({
  registration: 'runtime',
  cssInjectionMode: 'manual',
  main(ctx) {
    if (installedReader()) return;
    const css = `${themeCss}\n${readerCss}\n${overlayCss}`.replaceAll(':root', ':host');
    let close: (() => void) | null = null;
    // Read now: the reader is injected because it is about to open (later opens read afresh).
    let prefsAtInstall: Promise<ReaderPrefs> | null = loadReaderPrefs();

    const loadFont = () => {
      void ensureDyslexicFont(async () => base64ToBytes(await backgroundMessenger.sendMessage('readerFont', undefined)));
    };

    // Pages cannot open the extension's IndexedDB: the background hands over each kept picture.
    // As data: URLs, not blob: ones: a blob URL made in a Firefox content script belongs to the
    // extension's sandbox, not to the page that would load it; a data: URL loads in both browsers.
    const loadKeptImages = async (article: Article): Promise<KeptImage[]> => {
      const infos = await backgroundMessenger.sendMessage('savedImages', { canonicalUrl: article.canonicalUrl });
      return Promise.all(
        infos.map(async (info) => {
          if (info.status !== 'kept' || !info.hash) return { ...info, blob: null };
          const data = await backgroundMessenger.sendMessage('savedImage', { hash: info.hash });
          return { ...info, blob: null, ...(data ? { dataUrl: `data:${data.type};base64,${data.base64}` } : {}) };
        }),
      );
    };

    installReader({
      isOpen: () => close !== null,
      close() {
        if (!close) return false;
        close();
        return true;
      },
      async open(article: Article) {
        if (close) return;
        const prefs = await (prefsAtInstall ?? loadReaderPrefs());
        prefsAtInstall = null;
        const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        const unlock = lockPageScroll(HOST_TAG);
        const ui = await createShadowRootUi(ctx, {
          name: HOST_TAG,
          position: 'inline',
          anchor: 'body',
          append: 'last',
          css,
          // Keys typed in the reader (notes, Esc) must not reach the page's own shortcuts.
          isolateEvents: true,
          onMount(container) {
            render(
              <ReaderView article={article} initialPrefs={prefs} locale={browser.i18n.getUILanguage()} onClose={() => close?.()} loadDyslexicFont={loadFont} loadKeptImages={() => loadKeptImages(article)} />,
              container,
            );
            return container;
          },
          onRemove(container) {
            if (container) render(null, container);
          },
        });
        ui.shadowHost.setAttribute('lang', browser.i18n.getUILanguage());
        ui.mount();
        close = () => {
          close = null;
          ui.remove();
          unlock();
          returnFocus?.focus({ preventScroll: true });
        };
        // An extension update or reload leaves no dead overlay nor a locked page behind.
        ctx.onInvalidated(() => close?.());
        await afterNextPaint();
      },
    });
  },
});
