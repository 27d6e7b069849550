import { describe, expect, it } from 'vitest';
import { findClutter, removeClutter } from '@/utils/core/extract';
import { ads } from '@/utils/core/extract/rules/ads';
import { authorNotes } from '@/utils/core/extract/rules/author-notes';
import { comments } from '@/utils/core/extract/rules/comments';
import { consent } from '@/utils/core/extract/rules/consent';
import { mediaPlaceholders } from '@/utils/core/extract/rules/media-placeholders';
import { datelines } from '@/utils/core/extract/rules/datelines';
import { hoverCards } from '@/utils/core/extract/rules/hover-cards';
import { mostRead } from '@/utils/core/extract/rules/most-read';
import { navigation } from '@/utils/core/extract/rules/navigation';
import { newsletter } from '@/utils/core/extract/rules/newsletter';
import { photoCredits } from '@/utils/core/extract/rules/photo-credits';
import { printOnly } from '@/utils/core/extract/rules/print-only';
import { relatedLinks } from '@/utils/core/extract/rules/related-links';
import { share } from '@/utils/core/extract/rules/share';
import { siteFooter } from '@/utils/core/extract/rules/site-footer';
import { tags } from '@/utils/core/extract/rules/tags';
import { textSize } from '@/utils/core/extract/rules/text-size';
import { articleWith, clutterTexts, proseKept } from './fragment';

describe('related-links rule', () => {
  const cases: [string, string][] = [
    ['<p><strong>Baca Juga:</strong> <a href="/a">Harga Cabai Naik Lagi</a></p>', 'Baca Juga: Harga Cabai Naik Lagi'],
    ['<p>Baca: <a href="/b">Banjir Rendam Tiga Kecamatan</a></p>', 'Baca: Banjir Rendam Tiga Kecamatan'],
    ['<p>Lihat juga: <a href="/c">Video Banjir di Jakarta Utara</a></p>', 'Lihat juga: Video Banjir di Jakarta Utara'],
    ['<p><a href="/d">Simak juga: Cara Cek Bansos Lewat Ponsel</a></p>', 'Simak juga: Cara Cek Bansos Lewat Ponsel'],
    ['<div>Simak Video <a href="/v">"Detik-detik Banjir Melanda"</a></div>', 'Simak Video "Detik-detik Banjir Melanda"'],
    ['<p><b>Read more:</b> <a href="/e">Why mortgage rates are rising</a></p>', 'Read more: Why mortgage rates are rising'],
    ['<p>RELATED: <a href="/f">Storm closes schools in three counties</a></p>', 'RELATED: Storm closes schools in three counties'],
    ['<p>MORE: <a href="/g">What to know about the flood warnings</a></p>', 'MORE: What to know about the flood warnings'],
    ['<p>Also read: <a href="/h">Scientists map the ocean floor</a></p>', 'Also read: Scientists map the ocean floor'],
    ['<p>See also <a href="/i">Earlier storms this year</a></p>', 'See also Earlier storms this year'],
    [
      '<table class="x"><tr><td><strong>Baca juga:</strong><br><a href="/j">Kurs Rupiah Menguat</a></td></tr></table>',
      'Baca juga:Kurs Rupiah Menguat',
    ],
    [
      '<div class="box"><h3>Berita Terkait</h3><ul><li><a href="/k">Satu</a></li><li><a href="/l">Dua berita lain</a></li></ul></div>',
      'Berita TerkaitSatuDua berita lain',
    ],
    [
      '<div class="baca-juga"><span>Artikel terkait</span><a href="/m">Judul yang lain sekali</a></div>',
      'Artikel terkaitJudul yang lain sekali',
    ],
  ];
  it.each(cases)('removes %s', (markup, text) => {
    const root = articleWith(markup);
    expect(clutterTexts(root, [relatedLinks])).toEqual([text]);
    expect(proseKept(root, [relatedLinks])).toBe(true);
  });

  it('keeps a sentence that merely starts with "Related" or "More"', () => {
    const root = articleWith(
      '<p>Related problems at <a href="/n">the port</a> have delayed shipments of rice and sugar for weeks, traders said on Monday afternoon.</p><p>More than 300 families were evacuated from the river bank, according to the disaster agency.</p>',
    );
    expect(clutterTexts(root, [relatedLinks])).toEqual([]);
  });
});

describe('related-links rule: link lines and untitled boxes', () => {
  it('removes a shouted headline that is only a link, and story links tagged [VIDEO]', () => {
    const root = articleWith(
      '<p><strong><a href="/v">CO-FOUNDER PROUD OF EMPLOYEES LIVING OUT THEIR DREAM</a></strong></p><p><a href="/w">Lakers vs Nets: NBA make final decision</a> [VIDEO]</p>',
    );
    expect(clutterTexts(root, [relatedLinks])).toEqual(['CO-FOUNDER PROUD OF EMPLOYEES LIVING OUT THEIR DREAM', 'Lakers vs Nets: NBA make final decision [VIDEO]']);
  });

  it('keeps a capitalised subheading that is not a link, and a link inside a sentence', () => {
    const root = articleWith(
      '<h3>THE DEAL THAT CHANGED THE CITY</h3><p>THE MAYOR SAID <a href="/m">IN A STATEMENT</a> THAT THE DEAL WAS FINAL.</p><p>Read the <a href="/r">full report</a> on the ministry site.</p>',
    );
    expect(clutterTexts(root, [relatedLinks])).toEqual([]);
  });

  it('takes a "You may also like..." line and the link lines after it', () => {
    const root = articleWith(
      '<p>You may also like...</p><p><a href="/1">Who will make the Rock Hall in 2020?</a></p><p><a href="/2">Fans really want the band in the Hall</a></p>',
    );
    expect(clutterTexts(root, [relatedLinks])).toEqual(['You may also like...', 'Who will make the Rock Hall in 2020?', 'Fans really want the band in the Hall']);
    expect(proseKept(root, [relatedLinks])).toBe(true);
  });

  it('takes a "Don\'t miss" line wrapped in its own paragraph, with the links under it', () => {
    const root = articleWith(
      '<p><strong>DON\'T MISS</strong></p><p><a href="/1">China furious at Macron for protest jibe</a> [INSIGHT]<br><a href="/2">Hong Kong threatened with intervention</a> [REACTION]</p><p>More Great WIRED Stories</p><ul><li><a href="/3">YouTubers must unionize</a></li></ul>',
    );
    expect(clutterTexts(root, [relatedLinks])).toEqual([
      "DON'T MISS",
      'China furious at Macron for protest jibe [INSIGHT]Hong Kong threatened with intervention [REACTION]',
      'More Great WIRED Stories',
      'YouTubers must unionize',
    ]);
  });

  it('takes a box title left alone in its wrappers once its links are gone (wcxb-dev 4633, 4182)', () => {
    // Readability drops a box's links and leaves its title, wrapped as the theme wrapped it.
    const root = articleWith(
      '<div class="after-entry"><section class="block-post-listing"><header><h2>You might also like</h2></header></section><div class="entry-dates"><p>Originally Posted <time>November 12, 2024</time></p></div></div>' +
        '<div class="grid"><section class="cmp-section"></section><section class="cmp-section"><bsx-section><div class="column"><div class="col"><p class="cmp-title"><span>What others are reading</span></p></div></div></bsx-section></section></div>' +
        '<div><div class="e_Lx"><p>You might like</p></div><div><p>Follow</p></div></div>',
    );
    const found = clutterTexts(root, [relatedLinks]);
    expect(found).toContain('What others are reading');
    // Each box as far as it holds only the title and short bits (a date, a "Follow").
    expect(found.some((text) => text.startsWith('You might also like'))).toBe(true);
    expect(found.some((text) => text.startsWith('You might like'))).toBe(true);
    expect(proseKept(root, [relatedLinks])).toBe(true);
  });

  it('keeps a wrapped line that only resembles a box title, and prose that starts like one', () => {
    const root = articleWith('<section><header><h2>What others are reading this season: a guide</h2></header></section><div><p>You might like the new market hall better than the old one, the mayor said at the opening.</p></div>');
    expect(clutterTexts(root, [relatedLinks])).toEqual([]);
  });

  it('keeps a short line followed by links when the line is not a box title', () => {
    const root = articleWith('<p>The court named three witnesses:</p><p><a href="/a">Jane Doe</a>, <a href="/b">John Roe</a></p>');
    expect(clutterTexts(root, [relatedLinks])).toEqual([]);
  });
});

describe('hover-cards rule', () => {
  it('removes a hover card spliced into a sentence, keeps the name it hangs on', () => {
    const root = articleWith(
      '<p>A man threatened Rep. <span class="rollover-people"><a class="rollover-people-link" href="/p/omar">Ilhan Omar</a><span class="rollover-people-block"><img src="/o.jpg"><a href="/x">Hillicon Valley: the week in tech</a><a href="/more">MORE</a></span></span> (D-Minn.), prosecutors said on Monday in a statement about the case.</p><span class="tooltip">Click to copy</span>',
    );
    expect(clutterTexts(root, [hoverCards])).toEqual(['Hillicon Valley: the week in techMORE', 'Click to copy']);
    expect(root.textContent).toContain('Ilhan Omar');
  });
});

describe('author-notes rule', () => {
  it('removes bios, "About the Author" boxes and contact lines', () => {
    const root = articleWith(
      '<div class="post-author"><p>Regan is a Southeastern Connecticut native now living in Central Massachusetts with her husband, two sons, and two cats. After living in Colorado for six years, she and her family came home.</p></div>' +
        '<p><i>Have a tip? Amy may be reached at amy@example.com. Follow her on Twitter @Amy.</i></p>' +
        '<p><em>Mike Wall is the author of a book about alien life. Follow him on Twitter @michaeldwall.</em></p>' +
        '<p>paul.takahashi@chron.com</p><p>Reach the reporters on Twitter at http://twitter.com/MegKinnardAP</p>',
    );
    expect(clutterTexts(root, [authorNotes])).toEqual([
      expect.stringMatching(/^Regan is a Southeastern Connecticut native/),
      'Have a tip? Amy may be reached at amy@example.com. Follow her on Twitter @Amy.',
      'Mike Wall is the author of a book about alien life. Follow him on Twitter @michaeldwall.',
      'paul.takahashi@chron.com',
      'Reach the reporters on Twitter at http://twitter.com/MegKinnardAP',
    ]);
    expect(clutterTexts(articleWith(''), [authorNotes])).toEqual([]);
  });

  it('never takes an article wrapper whose class mentions the author', () => {
    const paragraphs = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i} of the story tells what the council decided and why the budget for the new bus routes was cut by a third this year.</p>`).join('');
    const root = articleWith(`<div class="post-author-article">${paragraphs}</div>`);
    expect(clutterTexts(root, [authorNotes])).toEqual([]);
  });

  it('keeps a sentence that mentions following someone', () => {
    const root = articleWith('<p>Fans who follow him on Twitter saw the post before it was deleted on Monday night, hours after the match had ended.</p>');
    expect(clutterTexts(root, [authorNotes])).toEqual([]);
  });
});

describe('site-footer rule', () => {
  it('removes the copyright block and an "all rights reserved" line', () => {
    const root = articleWith(
      '<div class="copyright-wrp"><p>The Hill 1625 K Street, NW Suite 900 Washington DC 20006</p></div><p>© 2019 Kompas Media. All rights reserved.</p>',
    );
    expect(clutterTexts(root, [siteFooter])).toEqual(['The Hill 1625 K Street, NW Suite 900 Washington DC 20006', '© 2019 Kompas Media. All rights reserved.']);
  });

  it('keeps a sentence about copyright', () => {
    const root = articleWith('<p>Copyright lawyers said the ruling, which all parties reserved the right to appeal, would change how songs are licensed.</p>');
    expect(clutterTexts(root, [siteFooter])).toEqual([]);
  });
});

describe('print-only rule', () => {
  it('removes the URL header a page prints', () => {
    const root = articleWith('<div class="print-header"><span>https://www.chron.com/business/article/New-car-sales.php</span></div>');
    expect(clutterTexts(root, [printOnly])).toEqual(['https://www.chron.com/business/article/New-car-sales.php']);
  });
});

describe('ads rule', () => {
  it('removes ad labels, placeholders and ad slots', () => {
    const root = articleWith(
      '<div><span>ADVERTISEMENT</span></div><p>SCROLL TO CONTINUE WITH CONTENT</p><div>Iklan</div><div class="ad-slot"><ins class="adsbygoogle"></ins></div><p>Advertisement</p><div id="div-gpt-ad-123"></div>',
    );
    expect(clutterTexts(root, [ads])).toEqual(['ADVERTISEMENT', 'SCROLL TO CONTINUE WITH CONTENT', 'Iklan', '', 'Advertisement', '']);
    expect(proseKept(root, [ads])).toBe(true);
  });

  it('keeps a paragraph that mentions advertisements', () => {
    const root = articleWith('<p>Advertisement revenue fell by a third this year.</p>');
    expect(clutterTexts(root, [ads])).toEqual([]);
  });
});

describe('newsletter rule', () => {
  it('removes sign-up boxes by class and by text', () => {
    const root = articleWith(
      '<div class="newsletter-signup"><p>Get the morning briefing</p><input type="email"></div><p>Sign up for our daily newsletter to get the news first.</p>',
    );
    expect(clutterTexts(root, [newsletter])).toEqual(['Get the morning briefing', 'Sign up for our daily newsletter to get the news first.']);
    expect(proseKept(root, [newsletter])).toBe(true);
  });

  it('never removes a wrapper that holds the article, whatever its class', () => {
    const root = articleWith('');
    root.className = 'post has-newsletter';
    const wrapper = document.createElement('div');
    wrapper.className = 'subscribe-wrapper';
    wrapper.append(root);
    expect(findClutter(wrapper, [newsletter])).toEqual([]);
  });
});

describe('rules read text as a reader does', () => {
  // The space that ends one inline element and the next one's start are the reader's word break
  // (wcxb-dev 4472: "Select? Sign up for our newsletter" read as "Select?Sign upfor").
  it('keeps the spaces at the edges of inline elements between their words', () => {
    const root = articleWith(
      '<p><em><strong>Want more from us? </strong></em><a href="/join"><em><strong>Sign up</strong></em></a><em><strong> for our newsletter, The Briefing, and shop smarter.</strong></em></p>',
    );
    expect(clutterTexts(root, [newsletter])).toEqual(['Want more from us? Sign up for our newsletter, The Briefing, and shop smarter.']);
    expect(proseKept(root, [newsletter])).toBe(true);
  });

  it('still reads words that touch across elements as one word', () => {
    const root = articleWith('<p><b>Sign</b><i>up</i> for the newsletter, the editors asked, and thousands did.</p>');
    expect(clutterTexts(root, [newsletter])).toEqual([]);
  });
});

describe('newsletter and comments rules: pitches and prompts', () => {
  it('removes "Subscribe to <Title>" pitches and "Post Comment (+)"', () => {
    const root = articleWith('<p>Subscribe to WIRED and stay smart with more of your favorite Ideas writers.</p><div>Post Comment (+)</div>');
    expect(clutterTexts(root, [newsletter, comments])).toEqual(['Subscribe to WIRED and stay smart with more of your favorite Ideas writers.', 'Post Comment (+)']);
  });
});

describe('share rule', () => {
  it('removes share bars and share labels', () => {
    const root = articleWith(
      '<div class="share-bar"><a href="https://facebook.com">Facebook</a><a href="https://x.com">X</a></div><p>Bagikan</p><ul class="social-share"><li>WhatsApp</li></ul>',
    );
    expect(clutterTexts(root, [share])).toEqual(['FacebookX', 'Bagikan', 'WhatsApp']);
    expect(proseKept(root, [share])).toBe(true);
  });
});

describe('text-size rule', () => {
  it('removes font-size toolbars', () => {
    const root = articleWith('<div class="font-size"><button>A-</button><button>A+</button></div><div><span>A</span> <span>A</span> <span>A</span></div><p>Ukuran teks: A- A+</p>');
    expect(clutterTexts(root, [textSize])).toEqual(['A-A+', 'A A A', 'Ukuran teks: A- A+']);
  });
});

describe('most-read rule', () => {
  it('removes titled boxes of other stories in English and Indonesian', () => {
    const root = articleWith(
      '<div><h3>Terpopuler</h3><ol><li><a href="/1">Satu</a></li><li><a href="/2">Dua</a></li></ol></div><section><h2>Most Read</h2><ul><li><a href="/3">Three</a></li></ul></section>',
    );
    expect(clutterTexts(root, [mostRead])).toEqual(['TerpopulerSatuDua', 'Most ReadThree']);
    expect(proseKept(root, [mostRead])).toBe(true);
  });

  it('takes a heading and its link list when they sit right in the article', () => {
    const root = articleWith('<h3>Terkini</h3><ul><li><a href="/1">Satu berita</a></li></ul>');
    expect(clutterTexts(root, [mostRead])).toEqual(['Terkini', 'Satu berita']);
  });

  it('keeps a section heading that is followed by prose', () => {
    const root = articleWith('<h2>Popular</h2><p>The new routes proved popular with students, who make up most of the riders on the line during the week.</p>');
    expect(clutterTexts(root, [mostRead])).toEqual(['Popular']);
    expect(proseKept(root, [mostRead])).toBe(true);
  });
});

describe('most-read rule: rails', () => {
  it('removes a rail of other stories', () => {
    const root = articleWith('<div class="rail__item"><h3>RANDY ANDY</h3><p><span>Andrew parties in unearthed pics</span></p></div>');
    expect(clutterTexts(root, [mostRead])).toEqual(['RANDY ANDYAndrew parties in unearthed pics']);
  });
});

describe('tags rule', () => {
  it('removes tag lists', () => {
    const root = articleWith('<div class="tag-list"><a href="/t/a">banjir</a><a href="/t/b">jakarta</a></div><p>Tags: <a href="/t/c">weather</a>, <a href="/t/d">city</a></p>');
    expect(clutterTexts(root, [tags])).toEqual(['banjirjakarta', 'Tags: weather, city']);
  });
});

describe('photo-credits rule', () => {
  it('removes credit lines but keeps the figure and its caption', () => {
    const root = articleWith(
      '<figure><img src="/a.jpg"><figcaption>Warga melintasi banjir di Jakarta Utara. <span class="credit">Antara/Aditya</span></figcaption></figure><p>Foto: Antara/Aditya Pradana</p><div>(Photo: Getty Images)</div>',
    );
    expect(clutterTexts(root, [photoCredits])).toEqual(['Antara/Aditya', 'Foto: Antara/Aditya Pradana', '(Photo: Getty Images)']);
    const removed = findClutter(root, [photoCredits]).map(({ el }) => el);
    expect(removed.some((el) => el.tagName === 'FIGURE' || el.tagName === 'FIGCAPTION' || el.querySelector('img'))).toBe(false);
  });
});

describe('datelines rule', () => {
  it('removes bylines and dates repeated in the body', () => {
    const root = articleWith(
      '<p>By Jane Doe</p><div>Oleh: Rina Nuraini</div><p>Penulis: Budi Santoso | Editor: Ani</p><div><time>Updated 4:00 AM CST, Wednesday, November 20, 2019</time></div><p>Selasa, 27 Oktober 2020 17:15 WIB</p>',
    );
    expect(clutterTexts(root, [datelines])).toEqual([
      'By Jane Doe',
      'Oleh: Rina Nuraini',
      'Penulis: Budi Santoso | Editor: Ani',
      'Updated 4:00 AM CST, Wednesday, November 20, 2019',
      'Selasa, 27 Oktober 2020 17:15 WIB',
    ]);
  });

  it('removes datelines with ordinals, "p.m." and "First Published"', () => {
    const root = articleWith(
      '<p><em>Updated at 1:23 p.m.</em></p><p>First Published: Tuesday, November 19, 2019 08:38 AM</p><div>Published November 20th, 2019 - 07:29 GMT</div>',
    );
    expect(clutterTexts(root, [datelines])).toEqual([
      'Updated at 1:23 p.m.',
      'First Published: Tuesday, November 19, 2019 08:38 AM',
      'Published November 20th, 2019 - 07:29 GMT',
    ]);
  });

  it('keeps a bare clock time: the heading of a live-updates entry', () => {
    const root = articleWith('<p><strong>4:14 p.m.</strong></p><p>10 p.m.</p>');
    expect(clutterTexts(root, [datelines])).toEqual([]);
  });

  it('keeps a dateline that opens a paragraph and a date inside a sentence', () => {
    const root = articleWith(
      '<p>JAKARTA, Suara Kita - Harga cabai rawit naik menjelang hari raya, kata pedagang di pasar induk pada <time>Selasa, 27 Oktober 2020</time> pagi.</p><p>By the end of the week the river had fallen by a metre.</p>',
    );
    expect(clutterTexts(root, [datelines])).toEqual([]);
  });
});

describe('comments rule', () => {
  it('removes comment prompts and sections', () => {
    const root = articleWith('<div id="comments"><h3>Leave a Reply</h3><form><textarea></textarea></form></div><p>12 Comments</p>');
    expect(clutterTexts(root, [comments])).toEqual(['Leave a Reply', '12 Comments']);
  });
});

describe('navigation rule', () => {
  it('removes menus of short links and breadcrumbs', () => {
    const root = articleWith(
      '<ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sports">Sports</a></li></ul><nav><a href="/a">A</a></nav><div class="breadcrumb"><a href="/">Home</a> › <a href="/news">News</a></div>',
    );
    expect(clutterTexts(root, [navigation])).toEqual(['HomeNewsSports', 'A', 'Home › News']);
  });

  it('keeps a list of article points even when they are links', () => {
    const root = articleWith(
      '<ul><li><a href="/r1">The report on water quality published by the ministry in May</a></li><li>Interviews with farmers in three districts along the river</li><li><a href="/r3">The budget documents for the coming year</a></li></ul>',
    );
    expect(clutterTexts(root, [navigation])).toEqual([]);
  });
});

describe('findClutter', () => {
  it('does not change the tree it reads', () => {
    const root = articleWith('<p>Baca juga: <a href="/x">Judul lain yang menarik</a></p><div class="share-bar">Share</div>');
    const before = root.innerHTML;
    expect(findClutter(root).length).toBe(2);
    expect(root.innerHTML).toBe(before);
  });

  it('returns only outermost elements, in document order', () => {
    const root = articleWith('<div class="related"><p>Baca juga: <a href="/x">Judul lain yang menarik</a></p></div><div>ADVERTISEMENT</div>');
    const found = findClutter(root).map(({ el }) => el);
    expect(found.map((el) => el.tagName)).toEqual(['DIV', 'DIV']);
    expect(found[0]!.className).toBe('related');
  });
});

describe('findClutter reasons', () => {
  const reasons = (root: ParentNode) => findClutter(root).map(({ el, rule, matcher, match }) => ({ tag: el.tagName, rule, matcher, match }));

  it('names the rule, the matcher and what matched, for every kind of matcher', () => {
    const root = articleWith(
      '<ins class="adsbygoogle"></ins>' +
        '<div class="post-share-bar">Facebook Twitter</div>' +
        '<div class="bacajugabox"><a href="/y">Another headline here</a></div>' +
        '<p>Baca juga: <a href="/x">Judul lain yang menarik</a></p>' +
        '<div>ADVERTISEMENT</div>' +
        '<ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul>' +
        '<div><h3>Terpopuler</h3><ul><li><a href="/a">Satu berita yang sedang ramai dibaca orang</a></li><li><a href="/b">Dua berita yang ramai dibaca</a></li></ul></div>',
    );
    expect(reasons(root)).toEqual([
      { tag: 'INS', rule: 'ads', matcher: 'selector', match: 'ins.adsbygoogle' },
      { tag: 'DIV', rule: 'share', matcher: 'class', match: 'share in post-share-bar' },
      { tag: 'DIV', rule: 'related-links', matcher: 'class', match: '/baca-?juga/i on bacajugabox' },
      { tag: 'P', rule: 'related-links', matcher: 'lead-phrase', match: 'Baca juga:' },
      { tag: 'DIV', rule: 'ads', matcher: 'label', match: 'ADVERTISEMENT' },
      { tag: 'UL', rule: 'navigation', matcher: 'link-list', match: '3+ items of one link up to 30 characters' },
      { tag: 'DIV', rule: 'most-read', matcher: 'box-heading', match: 'Terpopuler' },
    ]);
  });

  it('keeps the first reason when two rules take the same element', () => {
    const root = articleWith('<nav class="share">Share</nav>');
    // The selector is asked first: `nav` (navigation) wins over the class word `share`.
    expect(reasons(root)).toEqual([{ tag: 'NAV', rule: 'navigation', matcher: 'selector', match: 'nav' }]);
  });

  it('gives the same elements as before reasons were kept: reasons change nothing found', () => {
    const root = articleWith('<div class="related"><p>Baca juga: <a href="/x">Judul lain yang menarik</a></p></div><div>ADVERTISEMENT</div>');
    const removed = removeClutter(root);
    expect(removed.map(({ rule, matcher }) => `${rule}/${matcher}`)).toEqual(['related-links/class', 'ads/label']);
    expect(removed.every(({ el }) => !el.isConnected && !root.contains(el))).toBe(true);
  });
});

describe('consent rule', () => {
  it('removes cookie notices but not sentences about cookies', () => {
    const root = articleWith(
      '<p>This website uses cookies to improve your experience. Accept Read More</p><p>Bakers in the town sold twice as many cookies this winter as last, the chamber of commerce said in its yearly report.</p>',
    );
    expect(clutterTexts(root, [consent])).toEqual(['This website uses cookies to improve your experience. Accept Read More']);
  });
});

describe('media-placeholders rule', () => {
  it('removes what a gallery leaves without its scripts, keeps the figure', () => {
    const root = articleWith(
      '<p>This slideshow requires JavaScript.</p><figure><img src="/a.jpg"><figcaption>Image caption</figcaption></figure><div><span>Image copyright</span></div>',
    );
    expect(clutterTexts(root, [mediaPlaceholders])).toEqual(['This slideshow requires JavaScript.', 'Image copyright']);
  });
});
