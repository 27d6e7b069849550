import type { ClutterRule } from './types';

/**
 * What a gallery or player leaves behind without its scripts: "This slideshow requires
 * JavaScript", "Image caption", "Enlarge this image", and a script's placeholders left in a
 * saved page ("Loading…", "Loading prices for your region…"). The images and captions themselves stay.
 */
export const mediaPlaceholders: ClutterRule = {
  name: 'media-placeholders',
  labels:
    /^(?:this (?:slideshow|video|content|gallery|embed) requires javascript\.?|image (?:copyright|caption|source)|media caption|enlarge (?:this )?image|expand|close|caption|image|play video|watch video|video player is loading\.?|media playback is (?:unsupported|not supported) on your device|video ad feedback|gambas\s*:\s*video(?: cnn)?|loading(?:\s+[\p{L}\p{N}'’]+){0,5}\s*(?:…|\.{3})|loading\.*|getty images|view (?:gallery|photos)|lihat foto|lihat galeri)$/iu,
  // BBC-style captions start with a label only screen readers hear: "Media caption", "Image source,".
  // In the saved text it glues to the caption ("Media captionWho is…"), so it goes wherever it sits.
  screenReaderLabels: /^(?:(?:image|media|video|photo) (?:caption|source|copyright)|caption|image|video|opens? in (?:a )?new (?:window|tab))\s*[,:]?$/i,
};
