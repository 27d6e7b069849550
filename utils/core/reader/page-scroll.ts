/** Marks the one stylesheet the reader adds to the page; removing it undoes everything. */
export const PAGE_STYLE_ATTR = 'data-kliping-reader-page';

/**
 * What the reader changes on the page itself, as one stylesheet: the page cannot scroll under
 * the overlay, and printing prints the overlay (the article) alone. The page's own inline
 * styles are never touched.
 */
function pageCss(hostTag: string): string {
  return `@media screen { html, body { overflow: hidden !important; overscroll-behavior: none !important; } }
@media print {
  html, body { overflow: visible !important; height: auto !important; }
  body > :not(${hostTag}) { display: none !important; }
}`;
}

/**
 * Locks the page's scrolling while the reader is open; the returned function unlocks it and puts
 * the page back where the user left it.
 */
export function lockPageScroll(hostTag: string, doc: Document = document): () => void {
  const win = doc.defaultView ?? window;
  const x = win.scrollX;
  const y = win.scrollY;
  const style = doc.createElement('style');
  style.setAttribute(PAGE_STYLE_ATTR, '');
  style.textContent = pageCss(hostTag);
  (doc.head ?? doc.documentElement).append(style);
  return () => {
    style.remove();
    // 'instant': a page with `scroll-behavior: smooth` would otherwise animate back.
    win.scrollTo({ left: x, top: y, behavior: 'instant' as ScrollBehavior });
  };
}

/** 0…1 through the article, for the progress bar. */
export function readingProgress(scrollTop: number, scrollHeight: number, clientHeight: number): number {
  const scrollable = scrollHeight - clientHeight;
  if (scrollable <= 0) return 1;
  return Math.min(1, Math.max(0, scrollTop / scrollable));
}
