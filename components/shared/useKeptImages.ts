import { useEffect, useMemo, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import type { ArticleImageRecord, ImageFailure } from '@/utils/data/schema';
import type { ImageView, ImageViews } from '@/utils/core/images/render';

/** An image of a saved article as a page has it: its link, and the picture when kept. */
export type KeptImage = Pick<ArticleImageRecord, 'url' | 'status' | 'hash' | 'reason' | 'httpStatus'> & {
  blob: Blob | null;
  /** The picture as a data: URL instead (the reader in a page: see entrypoints/reader.content.tsx). */
  dataUrl?: string;
};

/** Same images, same key: a live query re-reading them (on every note keystroke) changes nothing. */
export function keptImagesKey(images: readonly KeptImage[] | null | undefined): string {
  return images ? images.map((image) => `${image.url}\n${image.status}\n${image.hash ?? image.reason}\n${image.blob || image.dataUrl ? 1 : 0}`).join('\n\n') : '';
}

/** Locale keys are camelCase (browser message names allow no dash). */
const REASON_KEY: Record<ImageFailure, string> = {
  permission: 'permission',
  network: 'network',
  'http-error': 'httpError',
  'not-image': 'notImage',
  'too-large': 'tooLarge',
  'article-cap': 'articleCap',
  'total-cap': 'totalCap',
  'tracking-pixel': 'trackingPixel',
  tiny: 'tiny',
};

function notKeptNote(reason: ImageFailure | null, httpStatus?: number): string {
  const why =
    reason === 'http-error'
      ? i18n.t('images.reason.httpError', [String(httpStatus ?? '')])
      : i18n.t(`images.reason.${REASON_KEY[reason ?? 'network']}` as 'images.reason.network');
  return i18n.t('images.notKept', [why]);
}

/**
 * What a saved copy shows for each image: kept pictures as blob URLs this page made (revoked
 * when the images change or the copy closes), the others with why they were not kept.
 */
export function useKeptImages(images: readonly KeptImage[] | null | undefined): ImageViews | undefined {
  // Keyed by content, not by the array a live query hands over each time: the same pictures keep
  // the array (and the blob URLs) made for them first.
  const key = keptImagesKey(images);
  const held = useRef({ key, images });
  if (held.current.key !== key || !held.current.images !== !images) held.current = { key, images };
  const current = held.current.images;
  const made = useMemo(() => {
    const images = current;
    if (!images) return undefined;
    const urls: string[] = [];
    const views = new Map<string, ImageView>();
    for (const image of images) {
      if (image.status === 'kept' && image.dataUrl) {
        views.set(image.url, { kind: 'kept', src: image.dataUrl });
      } else if (image.status === 'kept' && image.blob) {
        const src = URL.createObjectURL(image.blob);
        urls.push(src);
        views.set(image.url, { kind: 'kept', src });
      } else if (image.status === 'skipped') {
        views.set(image.url, { kind: 'skipped' });
      } else if (image.status === 'failed') {
        views.set(image.url, { kind: 'failed', note: notKeptNote(image.reason, image.httpStatus) });
      }
    }
    return { urls, views };
  }, [current]);
  useEffect(() => () => made?.urls.forEach((url) => URL.revokeObjectURL(url)), [made]);
  return made?.views;
}
