import type { ClutterRule } from './types';

/**
 * Lines that promote a video player the saved article no longer has: Detik's "Simak Video …" and
 * "Lihat juga Video: …", CNN Indonesia's "Gambas:Video CNN", CNN's "Video Ad Feedback", BBC's
 * "Media playback is unsupported on your device". Phrases used across Indonesian and English
 * news sites; the player's own markup is matched by the media-placeholders rule.
 */
export const videoPromos: ClutterRule = {
  name: 'video-promos',
  shortTexts: {
    pattern:
      /^(?:(?:simak|saksikan|tonton|lihat)(?: juga)?(?: (?:juga|pula))? video\b.*|gambas\s*:\s*video\b.*|(?:watch|see)(?: the)? (?:full )?video\s*[:|-].*|video ad feedback|media playback is (?:unsupported|not supported) on your device)$/is,
    maxLength: 200,
  },
};
