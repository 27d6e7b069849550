import { serveOffscreenDocument } from '@/utils/browser/off-page';

/** Chromium's offscreen document: parses page snapshots for the background (utils/browser/off-page). */
serveOffscreenDocument();
