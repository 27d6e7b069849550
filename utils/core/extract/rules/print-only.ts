import type { ClutterRule } from './types';

/** Parts a page keeps for its printed copy (the URL header, a print logo): hidden on screen. */
export const printOnly: ClutterRule = {
  name: 'print-only',
  classPatterns: [/^print-?(?:header|footer|only|url|logo|link)$/i, /^(?:visible|show|only)-print$/i],
};
