import type { ClutterRule } from './types';

/** Comment prompts and comment sections. */
export const comments: ClutterRule = {
  name: 'comments',
  classWords: ['comments', 'comment-respond', 'comments-area', 'respond', 'disqus', 'disqus_thread', 'komentar', 'comment-form'],
  boxHeadings:
    /^(?:leave a (?:reply|comment)|\d*\s*comments?|join the (?:conversation|discussion)|add a comment|post a comment|tinggalkan (?:balasan|komentar)|komentar(?: anda)?|\d*\s*komentar|tulis komentar)\s*:?$/i,
  labels:
    /^(?:leave a (?:reply|comment)|\d+\s*comments?|comments?|view comments|show comments|join the (?:conversation|discussion)|tinggalkan (?:balasan|komentar)|\d*\s*komentar|lihat komentar|tulis komentar|beri komentar|post (?:a )?comment|tell us what you think|what do you think\?|be the first to comment|no comments yet|jadilah yang pertama berkomentar)\W*$/i,
};
