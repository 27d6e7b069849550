import { describe, expect, it } from 'vitest';
import { ancestryOf, articleDocId, bodyOf, highlightDocId, tombstone, type SyncDoc, type ArticleBody, type HighlightBody, type LiveArticle, type LiveHighlight } from '@/utils/core/sync/documents';
import { baseOfArticle, mergeArticles, mergeHighlights, mergeNoteTexts, mergeTags, NOTE_CONFLICT_MARKER } from '@/utils/core/sync/merge';
import { childRev, commonAncestor, hash128, revGeneration, revisionsOf, stableJson } from '@/utils/core/sync/revisions';

function live(overrides: Partial<LiveArticle['article']> = {}, note: LiveArticle['note'] = null, content: LiveArticle['content'] = { html: '<p>x</p>', text: 'x' }): LiveArticle {
  return {
    kind: 'article',
    deleted: false,
    article: {
      url: 'https://a.example/p',
      canonicalUrl: 'https://a.example/p',
      title: 'P',
      byline: null,
      siteName: null,
      publishedTime: null,
      lang: null,
      dir: null,
      excerpt: null,
      leadImageUrl: null,
      wordCount: 1,
      readingMinutes: 1,
      tags: [],
      savedAt: 100,
      updatedAt: 100,
      readState: 'unread',
      readingProgress: 0,
      favorite: false,
      archived: false,
      contentStatus: 'saved',
      ...overrides,
    },
    content,
    note,
  };
}

function hl(overrides: Partial<LiveHighlight['highlight']> = {}): LiveHighlight {
  return {
    kind: 'highlight',
    deleted: false,
    highlight: {
      id: 'h1',
      articleUrl: 'https://a.example/p',
      quote: 'q',
      selector: { quote: { type: 'TextQuoteSelector', exact: 'q', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 1 } },
      createdAt: 100,
      updatedAt: 100,
      ...overrides,
    },
  };
}

/** Every rule must give the same result whichever side is "local", and merging again changes nothing. */
function expectSymmetricAndIdempotent(a: ArticleBody, b: ArticleBody, base = null as ReturnType<typeof baseOfArticle>) {
  const ab = mergeArticles(a, b, base);
  expect(stableJson(mergeArticles(b, a, base))).toBe(stableJson(ab));
  expect(stableJson(mergeArticles(a, ab))).toBe(stableJson(ab));
  expect(stableJson(mergeArticles(ab, b))).toBe(stableJson(ab));
  return ab;
}

describe('document ids', () => {
  it('an article is keyed by its canonical URL, a highlight by its own id', () => {
    expect(articleDocId('https://a.example/p')).toBe('article:https://a.example/p');
    expect(highlightDocId('6f1c')).toBe('highlight:6f1c');
  });
});

describe('revisions', () => {
  it('are generation-hash, deterministic from parent and body, whatever the key order', () => {
    const one = childRev('1-abc', { a: 1, b: [1, 2] });
    expect(one).toMatch(/^2-[0-9a-f]{32}$/);
    expect(childRev('1-abc', { b: [1, 2], a: 1 })).toBe(one);
    expect(childRev('1-abd', { a: 1, b: [1, 2] })).not.toBe(one);
    expect(childRev(null, {})).toMatch(/^1-/);
    expect(revGeneration(one)).toBe(2);
    expect(revisionsOf(one, '1-abc')).toEqual({ start: 2, ids: [one.slice(2), 'abc'] });
    expect(hash128('a')).not.toBe(hash128('b'));
  });
});

describe('common ancestors of conflict branches', () => {
  it('a revision path, and the branches a merge took in, are a document\'s ancestry', () => {
    expect(ancestryOf({ _rev: '3-c', _revisions: { start: 3, ids: ['c', 'b', 'a'] } })).toEqual(['3-c', '2-b', '1-a']);
    expect(ancestryOf({ _rev: '3-m', _revisions: { start: 3, ids: ['m', 'x'] }, mergedFrom: ['2-g'] })).toEqual(['3-m', '2-x', '2-g']);
    expect(ancestryOf({ _rev: '1-a' })).toEqual(['1-a']);
  });

  it('is the latest revision both descend from: a merge\'s other parent beats the older fork point', () => {
    // 1-k forked into 2-e (won) and 2-g; 3-m merged them on 2-e; 3-y grew on 2-g.
    const merged = ancestryOf({ _rev: '3-m', _revisions: { start: 3, ids: ['m', 'e', 'k'] }, mergedFrom: ['2-g'] });
    const grown = ancestryOf({ _rev: '3-y', _revisions: { start: 3, ids: ['y', 'g', 'k'] } });
    expect(commonAncestor(merged, grown)).toBe('2-g');
    expect(commonAncestor(grown, merged)).toBe('2-g');
    expect(commonAncestor(['2-b', '1-a'], ['2-c', '1-a'])).toBe('1-a');
    expect(commonAncestor(['1-a'], ['1-b'])).toBeNull();
  });

  it('the merge record is not part of the body that is merged and compared', () => {
    const doc = { ...live(), _id: 'article:x', _rev: '3-m', mergedFrom: ['2-g'] } as SyncDoc;
    expect(bodyOf(doc)).toEqual(live());
  });
});

describe('note merging', () => {
  it('keeps both texts, the earlier first, with a fixed marker between', () => {
    expect(mergeNoteTexts({ text: 'B said', updatedAt: 2 }, { text: 'A said', updatedAt: 1 })).toBe(`A said\n\n${NOTE_CONFLICT_MARKER}\nB said`);
  });
  it('keeps a text that already holds the other (one side only added words, or an earlier merge)', () => {
    expect(mergeNoteTexts({ text: 'awal', updatedAt: 1 }, { text: 'awal dan lanjut', updatedAt: 2 })).toBe('awal dan lanjut');
    const merged = mergeNoteTexts({ text: 'x', updatedAt: 1 }, { text: 'y', updatedAt: 2 });
    expect(mergeNoteTexts({ text: merged, updatedAt: 3 }, { text: 'y', updatedAt: 2 })).toBe(merged);
  });
  it('with a base: a note changed on one side only takes that side, no marker', () => {
    const base = baseOfArticle(live({}, { text: 'lama', updatedAt: 1 }));
    const merged = mergeArticles(live({}, { text: 'lama', updatedAt: 1 }), live({}, { text: 'baru', updatedAt: 5 }), base) as LiveArticle;
    expect(merged.note?.text).toBe('baru');
  });
  it('without a base both different notes are kept', () => {
    const merged = expectSymmetricAndIdempotent(live({}, { text: 'satu', updatedAt: 1 }), live({}, { text: 'dua', updatedAt: 2 })) as LiveArticle;
    expect(merged.note?.text).toContain('satu');
    expect(merged.note?.text).toContain('dua');
    expect(merged.note?.text).toContain(NOTE_CONFLICT_MARKER);
  });
});

describe('tags', () => {
  it('are united, case-insensitively, without a base', () => {
    expect(mergeTags(['Kopi', 'teh'], ['kopi', 'gula'])).toEqual(['Kopi', 'teh', 'gula']);
  });
  it('with a base, a tag removed on one side stays removed and added ones stay', () => {
    expect(mergeTags(['a', 'new-1'], ['a', 'b', 'new-2'], ['a', 'b'])).toEqual(['a', 'new-1', 'new-2']);
  });
});

describe('article merging', () => {
  it('progress takes the furthest point; savedAt the first save; updatedAt the last', () => {
    const merged = expectSymmetricAndIdempotent(live({ readingProgress: 0.7, savedAt: 50, updatedAt: 100 }), live({ readingProgress: 0.3, savedAt: 80, updatedAt: 300 })) as LiveArticle;
    expect(merged.article).toMatchObject({ readingProgress: 0.7, savedAt: 50, updatedAt: 300 });
  });
  it('flags: the side that changed one wins; both changed: the later edit', () => {
    const base = baseOfArticle(live());
    const merged = mergeArticles(live({ favorite: true, updatedAt: 100 }), live({ archived: true, readState: 'read', updatedAt: 200 }), base) as LiveArticle;
    expect(merged.article).toMatchObject({ favorite: true, archived: true, readState: 'read' });
    const both = mergeArticles(live({ favorite: true, updatedAt: 300 }), live({ favorite: false, readState: 'read', updatedAt: 200 }), { ...base!, favorite: undefined }) as LiveArticle;
    expect(both.article.favorite).toBe(true);
  });
  it('a saved copy beats a link still waiting to be fetched, whichever is newer', () => {
    const fetched = live({ updatedAt: 100, title: 'Fetched' });
    const pending = live({ updatedAt: 900, contentStatus: 'pending-fetch', title: 'Link' }, null, null);
    const merged = expectSymmetricAndIdempotent(fetched, pending) as LiveArticle;
    expect(merged.article).toMatchObject({ title: 'Fetched', contentStatus: 'saved', updatedAt: 900 });
    expect(merged.content?.text).toBe('x');
  });
  it('a delete wins over what was made before it; an edit after it brings the article back', () => {
    expect(mergeArticles(tombstone('article', 500), live({ updatedAt: 400 })).deleted).toBe(true);
    expect(mergeArticles(live({ updatedAt: 400 }), tombstone('article', 500)).deleted).toBe(true);
    expect(mergeArticles(tombstone('article', 500), live({ updatedAt: 600 })).deleted).toBe(false);
    // A note written after the delete counts as an edit.
    expect(mergeArticles(tombstone('article', 500), live({ updatedAt: 400 }, { text: 'n', updatedAt: 700 })).deleted).toBe(false);
    expect(mergeArticles(tombstone('article', 500), tombstone('article', 300))).toEqual(tombstone('article', 500));
  });
});

describe('highlight merging', () => {
  it('the later edit wins for colour; notes changed on both are both kept; delete against a later edit revives', () => {
    const merged = mergeHighlights(hl({ color: 'green', note: 'satu', updatedAt: 200 }), hl({ color: 'pink', note: 'dua', updatedAt: 300 })) as LiveHighlight;
    expect(merged.highlight.color).toBe('pink');
    expect(merged.highlight.note).toContain('satu');
    expect(merged.highlight.note).toContain('dua');
    expect(stableJson(mergeHighlights(hl({ color: 'pink', note: 'dua', updatedAt: 300 }), hl({ color: 'green', note: 'satu', updatedAt: 200 })))).toBe(stableJson(merged));
    const gone: HighlightBody = tombstone('highlight', 250);
    expect(mergeHighlights(gone, hl({ updatedAt: 200 })).deleted).toBe(true);
    expect(mergeHighlights(hl({ updatedAt: 300 }), gone).deleted).toBe(false);
  });
});
