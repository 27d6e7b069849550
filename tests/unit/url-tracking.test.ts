import { describe, expect, it } from 'vitest';
import { normalizeUrl } from '@/utils/core/url';
import { TRACKING_PARAM_TABLE, isTrackingParam } from '@/utils/core/url-tracking';

// Links as they arrive from home pages, newsletters and share buttons, and the page each one is.
const SAME_PAGE: [arrived: string, page: string][] = [
  ['https://www.theguardian.com/world/2024/may/01/example-story?ref=homepage', 'https://www.theguardian.com/world/2024/may/01/example-story'],
  ['https://www.theguardian.com/world/2024/may/01/example-story?CMP=share_btn_tw', 'https://www.theguardian.com/world/2024/may/01/example-story'],
  ['https://www.nytimes.com/2024/05/01/world/example.html?smid=tw-share&smtyp=cur', 'https://www.nytimes.com/2024/05/01/world/example.html'],
  ['https://www.nytimes.com/2024/05/01/world/example.html?emc=edit_nn_20240501&nl=the-morning', 'https://www.nytimes.com/2024/05/01/world/example.html?nl=the-morning'],
  ['https://www.bbc.com/news/articles/c0000000?at_medium=RSS&at_campaign=rss', 'https://www.bbc.com/news/articles/c0000000'],
  ['https://news.detik.com/berita/d-7300000/judul-berita?tag_from=wp_hl_judul', 'https://news.detik.com/berita/d-7300000/judul-berita'],
  ['https://kumparan.com/kumparannews/judul-berita-1abcdE?shareID=AbC123', 'https://kumparan.com/kumparannews/judul-berita-1abcdE'],
  ['https://medium.com/@writer/a-story-0123456789ab?source=rss&ref=twitter', 'https://medium.com/@writer/a-story-0123456789ab?source=rss'],
  ['https://writer.substack.com/p/a-post?r=&ref_src=twsrc', 'https://writer.substack.com/p/a-post?r='],
  ['https://www.huffpost.com/entry/example_n_000?ncid=engmodushpmg00000004', 'https://www.huffpost.com/entry/example_n_000'],
  ['https://example.com/blog/post?mc_cid=abc&mc_eid=def&_hsenc=x&_hsmi=1', 'https://example.com/blog/post'],
  ['https://www.kompas.com/read/2024/05/01/1/judul?utm_source=Whatsapp&utm_medium=Refferal&utm_campaign=Sticky_Mobile', 'https://www.kompas.com/read/2024/05/01/1/judul'],
];

// Parameters that choose the content: dropping one would save another page, or lose part of it.
const KEPT: string[] = [
  'https://www.kompas.com/read/2024/05/01/1/judul?page=all',
  'https://www.tribunnews.com/nasional/2024/05/01/judul?page=2',
  'https://example.com/?s=kopi',
  'https://example.com/index.php?p=123',
  'https://example.com/article?id=7',
  'https://github.com/owner/repo/blob/main/README.md?plain=1',
];

describe('tracking parameters', () => {
  it.each(SAME_PAGE)('%s is the page %s', (arrived, page) => {
    expect(normalizeUrl(arrived)).toBe(page);
  });

  it.each(KEPT)('%s keeps its query', (url) => {
    expect(normalizeUrl(url)).toBe(url);
  });

  it('matches whole names only, whatever the case', () => {
    expect(isTrackingParam('REF')).toBe(true);
    expect(isTrackingParam('Utm_Source')).toBe(true);
    for (const name of ['reference', 'prefs', 'refresh', 'page', 'source', 'src', 'tag', 'share', 'cmp_id_x']) expect(isTrackingParam(name), name).toBe(false);
  });

  it('says for every entry who adds it', () => {
    for (const entry of TRACKING_PARAM_TABLE) expect(entry.serves.length, String(entry.pattern)).toBeGreaterThan(10);
  });
});
