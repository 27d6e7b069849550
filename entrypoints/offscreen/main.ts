import { serveParser } from '@/utils/browser/off-page';

/** Chromium's offscreen document: the parser content scripts send their page's snapshot to (utils/browser/off-page). */
serveParser();
