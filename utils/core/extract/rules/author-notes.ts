import type { ClutterRule } from './types';

/** "Follow him on Twitter", "Have a tip?", "Reach the reporters at…": how to reach the author. */
const CONTACT_LINE =
  /(?:^|[.!?]\s+)follow (?:us|him|her|them|me) on (?:twitter|x|facebook|instagram|threads)\b|^have a (?:news )?tip\b|^(?:reach|contact|email|e-mail) (?:the (?:reporters?|writers?|authors?)|him|her|them)\b|^join (?:our|the) [\p{L} ]{1,40} (?:forums?|community)\b|^like this (?:story|article)\?|^listen to [\p{L} ]{1,40} live\b|^ikuti (?:kami|penulis) di\b/iu;

/**
 * About the author, after the article: bios, "About the Author" boxes, contact and social lines,
 * an email address alone on its line. The byline itself is metadata (see datelines).
 */
export const authorNotes: ClutterRule = {
  name: 'author-notes',
  classWords: ['bio', 'bios', 'author-bio', 'authorbio', 'about-author', 'about-the-author', 'author-box', 'authorbox', 'author-info', 'post-author', 'author-card', 'contributor-bio'],
  // A bio is a paragraph or two of prose about a person; an article is many of them.
  proseUpTo: 700,
  boxHeadings: /^(?:about the authors?|about (?:me|us)|tentang penulis)\s*:?$/i,
  shortTexts: { pattern: new RegExp(`${CONTACT_LINE.source}|^[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+$`, 'iu'), maxLength: 300 },
};
