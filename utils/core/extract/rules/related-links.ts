import type { ClutterRule } from './types';

/**
 * Links to other articles placed inside or after the body: "Baca juga: <a>…</a>" paragraphs,
 * "Berita terkait" boxes and tables. Upper-case "MORE:"/"RELATED:" are case-sensitive on purpose:
 * in lower case they start ordinary sentences.
 */
export const relatedLinks: ClutterRule = {
  name: 'related-links',
  leadPhrases: [
    /^(?:(?:baca|lihat|simak|cek) juga|baca(?: selengkapnya)?|baca berita lainnya|artikel terkait|berita terkait|artikel lainnya|berita lainnya|read more|read also|also read|related|see also|also see|see more|recommended|you may also like|watch)\s*[:：»>|-]/i,
    /^(?:(?:baca|lihat|simak) juga|simak video|artikel terkait|berita terkait|also read|see also|read more)\b/i,
    /^(?:MORE|RELATED|READ MORE|ALSO READ|SEE ALSO|SEE MORE|WATCH)\b/,
  ],
  boxHeadings:
    /^(?:(?:baca|lihat|simak) juga|artikel terkait|berita terkait|artikel lainnya|berita lainnya|topik terkait|related(?: articles| stories| posts| news| content| coverage| reading)?|more (?:[\p{L}\p{N}'’"“”]+ ){0,3}(?:stories|news|articles|reads|posts)|more from [\p{L} .'-]{1,40}|you (?:may|might) (?:also )?like|other (?:posts|articles|stories|recipes) you (?:may|might) (?:also )?(?:like|enjoy)|what others are reading|recommended(?: for you| stories| articles)?|see also|read (?:more|next)|also read|what to read next|(?:more )?(?:top )?stories you might like|don['’]?t miss|editors['’]? picks|more|see more|further reading|recommended reading|keep reading|more to (?:read|explore)|related topics|you (?:may|might) (?:also )?(?:be interested in|enjoy)(?: the following)?(?: (?:topics|articles|posts))?(?: as well)?|good articles to read(?: together)?|similar (?:articles|posts|stories)|artikel (?:menarik|pilihan) lainnya|baca (?:artikel )?lainnya)\s*:?\s*(?:\.\.\.|…)?$/iu,
  linkLines: [
    // A headline shouted in capitals that is nothing but a link: a pointer to another story.
    /^(?=(?:[^\p{Lu}]*\p{Lu}){10})[^\p{Ll}]{10,200}$/u,
    // "China furious at Macron [INSIGHT]": a story link tagged with what kind of page it opens.
    /\[(?:insight|video|pics?|photos?|reaction|poll|latest|analysis|reveal|live|watch|gallery|quiz)\]\s*\|?$/i,
  ],
  classWords: ['related', 'terkait', 'bacajuga', 'lihatjuga', 'linksisip', 'readmore', 'read-more', 'also-read', 'baca-juga', 'recommended', 'recommendation', 'recommendations', 'outbrain', 'taboola', 'more-stories'],
  classPatterns: [/baca-?juga/i, /^(?:related|relatedposts|jp-relatedposts|yarpp)/i, /lihat-?juga/i, /berita-?terkait/i, /artikel-?terkait/i],
};
