import type { ClutterRule } from './types';

/**
 * What a gallery or player leaves behind without its scripts: "This slideshow requires
 * JavaScript", "Image caption", "Enlarge this image". The images and captions themselves stay.
 */
export const mediaPlaceholders: ClutterRule = {
  name: 'media-placeholders',
  labels:
    /^(?:this (?:slideshow|video|content|gallery|embed) requires javascript\.?|image (?:copyright|caption|source)|media caption|enlarge (?:this )?image|expand|close|caption|image|play video|watch video|video player is loading\.?|loading\.*|getty images|view (?:gallery|photos)|lihat foto|lihat galeri)$/i,
};
