import type { ClutterRule } from './types';

/** "Most read", "Terpopuler", "Terkini" boxes and rails: lists of other stories, titled by a heading. */
export const mostRead: ClutterRule = {
  name: 'most-read',
  boxHeadings:
    /^(?:most (?:read|popular|viewed|shared|commented)|popular(?: (?:now|stories|posts|articles|news))?|trending(?: now| stories| news| topics)?|top stories|latest(?: news| stories| posts)?|recent posts|editor'?s picks?|terpopuler|populer|paling populer|berita populer|terkini|berita terkini|terbaru|berita terbaru|pilihan(?: editor| redaksi)?|rekomendasi|trending topik|topik pilihan)\s*:?\s*(?:\.\.\.|…)?$/i,
  classWords: ['most-read', 'mostread', 'most-popular', 'mostpopular', 'popular', 'terpopuler', 'populer', 'trending', 'terkini', 'pilihan', 'widget_popular', 'widget_recent_entries', 'rail'],
};
