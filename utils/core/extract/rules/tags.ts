import type { ClutterRule } from './types';

/** Tag and topic lists under an article. */
export const tags: ClutterRule = {
  name: 'tags',
  classWords: ['tags', 'tag-list', 'taglist', 'tagcloud', 'post-tags', 'article-tags', 'tags-links', 'tag-links', 'cat-links', 'topics', 'topik'],
  selectors: ['[rel~="tag"]'],
  boxHeadings: /^(?:tags?|topics?|tagar|topik|kata kunci|keywords?|filed under)\s*:?$/i,
  leadPhrases: [/^(?:tags?|topics?|tagar|topik|kata kunci|filed under)\s*:/i],
};
