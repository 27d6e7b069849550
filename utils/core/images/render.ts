/*
 * Shows a saved copy with its kept images: at render time, on the already-sanitized HTML, each
 * kept picture's `src` becomes a blob URL made by the page showing it (the stored HTML keeps the
 * original URLs, so exports and re-saves stay meaningful). The only markup added is the note
 * saying why a picture was not kept, as an attribute CSS displays: text added to the body would
 * shift the positions highlights are anchored at.
 */

export type ImageView = { kind: 'kept'; src: string } | { kind: 'failed'; note: string } | { kind: 'skipped' };

/** By the image's URL as the saved HTML names it. */
export type ImageViews = ReadonlyMap<string, ImageView>;

const IMAGE_NOTE_CLASS = 'reader__image-note';

export function withKeptImages(safeHtml: string, views: ImageViews, parser: DOMParser = new DOMParser()): string {
  if (views.size === 0) return safeHtml;
  // A parsed document is inert: nothing in it loads or runs while it is rewritten.
  const doc = parser.parseFromString(`<!doctype html><body>${safeHtml}`, 'text/html');
  for (const img of Array.from(doc.body.querySelectorAll('img'))) {
    const view = views.get((img.getAttribute('src') ?? '').trim());
    if (!view) continue;
    if (view.kind === 'skipped') {
      // A tracking pixel: the saved copy does not call it home.
      img.remove();
    } else if (view.kind === 'kept') {
      img.setAttribute('src', view.src);
      img.removeAttribute('srcset');
      img.removeAttribute('sizes');
      const picture = img.parentElement?.tagName === 'PICTURE' ? img.parentElement : null;
      for (const source of Array.from(picture?.querySelectorAll('source') ?? [])) source.remove();
    } else {
      const note = doc.createElement('span');
      note.className = IMAGE_NOTE_CLASS;
      note.setAttribute('role', 'note');
      note.setAttribute('data-note', view.note);
      note.setAttribute('aria-label', view.note);
      note.setAttribute('data-testid', 'image-not-kept');
      img.after(note);
    }
  }
  return doc.body.innerHTML;
}
