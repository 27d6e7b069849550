import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import Papa from 'papaparse';
import { parse as parseYaml } from 'yaml';
import { strFromU8, unzipSync } from 'fflate';
import { parseImport } from '@/utils/core/transfer/detect';
import { serializeCsv } from '@/utils/core/transfer/csv-export';
import { guardFormula, readCsv } from '@/utils/core/transfer/csv';
import { parseInstapaperCsv } from '@/utils/core/transfer/instapaper';
import { parseKlipingJson, serializeKlipingJson } from '@/utils/core/transfer/kliping-json';
import { articleToMarkdown, createTurndown, exportMarkdownZip, fileSlug } from '@/utils/core/transfer/markdown';
import { ImportFormatError, PROBLEMS } from '@/utils/core/transfer/model';
import { parseNetscape, serializeNetscape } from '@/utils/core/transfer/netscape';
import { parseOmnivoreHighlights } from '@/utils/core/transfer/omnivore';
import { parsePocketCsv } from '@/utils/core/transfer/pocket';
import { file, transferArticle, zipOf } from './transfer-helpers';

const NOW = 1_750_000_000_000;
// DOMPurify does not sanitize under happy-dom (it kept a <script> in a trial): sanitizing is checked on jsdom.
const jsdomWindow = new JSDOM('').window as unknown as Window & typeof globalThis;

/** The error a parse throws, so tests can check where it points. */
function failure(run: () => unknown): ImportFormatError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportFormatError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('CSV reading', () => {
  it('numbers rows by the line they start on, across quoted newlines and blank lines', () => {
    const table = readCsv('a,b\n1,"x\ny"\n\n3,4\n', 't.csv');
    expect(table.rows.map((r) => r.line)).toEqual([2, 5]);
    expect(table.rows[0]!.cells).toEqual(['1', 'x\ny']);
  });

  it('names the line of an unclosed quote', () => {
    const error = failure(() => readCsv('a,b\n1,2\n3,"open\n', 't.csv'));
    expect(error.location).toEqual({ file: 't.csv', line: 3 });
    expect(error.message).toContain('t.csv, line 3');
  });

  it('names a row with the wrong number of fields', () => {
    expect(failure(() => readCsv('a,b\n1,2\n3\n', 't.csv')).location.line).toBe(3);
  });
});

describe('Pocket export', () => {
  const csv = ['title,url,time_added,cursor,tags,status', 'Harga cabai,https://news.example/a?utm_source=x,1700000000,c1,ekonomi|pasar,unread', '"Kopi, ""enak""",https://kopi.example/b,1700000100,c2,,archive', ''].join('\n');

  it('reads columns by header name, tags split by |, archive status', () => {
    const [a, b] = parsePocketCsv(csv, 'part_000000.csv', NOW);
    expect(a).toMatchObject({ title: 'Harga cabai', url: 'https://news.example/a?utm_source=x', canonicalUrl: 'https://news.example/a', tags: ['ekonomi', 'pasar'], archived: false, savedAt: 1_700_000_000_000, contentStatus: 'pending-fetch', content: null });
    expect(b).toMatchObject({ title: 'Kopi, "enak"', tags: [], archived: true });
  });

  it('does not depend on column order', () => {
    const [a] = parsePocketCsv('status,url,title\narchive,https://x.example/,X\n', 'part_000001.csv', NOW);
    expect(a).toMatchObject({ title: 'X', archived: true, savedAt: NOW });
  });

  it('merges parts of a zip and repeats of the same page', () => {
    const zip = zipOf('pocket.zip', { 'part_000000.csv': csv, 'part_000001.csv': 'title,url,time_added,tags,status\nAgain,https://news.example/a#top,1600000000,politik,unread\n' });
    const batch = parseImport([zip], { now: NOW });
    expect(batch.source).toBe('pocket');
    expect(batch.articles).toHaveLength(2);
    expect(batch.articles[0]).toMatchObject({ canonicalUrl: 'https://news.example/a', tags: ['ekonomi', 'pasar', 'politik'], savedAt: 1_600_000_000_000 });
  });

  it.each([
    ['a broken address', 'title,url,time_added,tags,status\nok,https://a.example/,1,,unread\nbad,not a url,1,,unread\n', 3, '"not a url" is not a web (http or https) address'],
    ['a javascript: link', 'title,url,time_added,tags,status\nbad,javascript:alert(1),1,,unread\n', 2, 'not a web'],
    ['an unknown status', 'title,url,time_added,tags,status\nx,https://a.example/,1,,later\n', 2, 'status "later"'],
    ['a bad date', 'title,url,time_added,tags,status\nx,https://a.example/,yesterday,,unread\n', 2, 'time_added "yesterday"'],
    ['a missing url column', 'title,link,time_added\nx,https://a.example/,1\n', 1, 'column "url" is missing'],
  ])('refuses %s, naming the line', (_what, text, line, message) => {
    const error = failure(() => parseImport([file('part_000000.csv', text)], { now: NOW }));
    expect(error.location.line).toBe(line);
    expect(error.message).toContain(message);
  });
});

describe('Instapaper CSV', () => {
  it('maps folders to archive, favorite or a tag, reads JSON or comma tags and the selection', () => {
    const text = [
      'URL,Title,Selection,Folder,Timestamp,Tags',
      'https://a.example/1,One,"a quote",Unread,1700000000,"[""x"",""y""]"',
      'https://a.example/2,Two,,Archive,1700000001,',
      'https://a.example/3,Three,,Starred,1700000002,z',
      'https://a.example/4,Four,,Kuliner,1700000003,"p,q"',
    ].join('\n');
    const batch = parseImport([file('instapaper-export.csv', text)], { now: NOW });
    expect(batch.source).toBe('instapaper');
    expect(batch.articles.map((a) => [a.title, a.archived, a.favorite, a.tags, a.excerpt])).toEqual([
      ['One', false, false, ['x', 'y'], 'a quote'],
      ['Two', true, false, [], null],
      ['Three', false, true, ['z'], null],
      ['Four', false, false, ['Kuliner', 'p', 'q'], null],
    ]);
    expect(batch.articles[0]!.savedAt).toBe(1_700_000_000_000);
  });

  it('works without the Tags column and names a bad row', () => {
    const error = failure(() => parseInstapaperCsv('URL,Title,Selection,Folder,Timestamp\nhttps://a.example/,A,,Unread,1\nftp://b.example/,B,,Unread,2\n', 'i.csv', NOW));
    expect(error.location).toEqual({ file: 'i.csv', line: 3 });
  });
});

describe('Kliping JSON', () => {
  it('round-trips every field', () => {
    const articles = [transferArticle(), transferArticle({ url: 'https://b.example/', canonicalUrl: 'https://b.example/', contentStatus: 'pending-fetch', content: null, notes: null, highlights: [], readState: 'unread', dir: null })];
    const json = serializeKlipingJson(articles, NOW);
    expect(JSON.parse(json)).toMatchObject({ format: 'kliping', version: 1, exportedAt: new Date(NOW).toISOString() });
    expect(parseKlipingJson(json, 'k.json').articles).toEqual(articles);
  });

  it('names the entry and field at fault', () => {
    const doc = JSON.parse(serializeKlipingJson([transferArticle(), transferArticle({ canonicalUrl: 'https://c.example/', url: 'https://c.example/' })], NOW));
    doc.articles[1].highlights[0].position.start = 'twelve';
    const error = failure(() => parseKlipingJson(JSON.stringify(doc), 'k.json'));
    expect(error.location).toEqual({ file: 'k.json', entry: 2 });
    expect(error.problem).toEqual({ code: 'badField', params: ['articles[1].highlights[0].position.start', 'a number of 0 or more'] });
    expect(error.message).toContain('k.json, entry 2: articles[1].highlights[0].position.start is not valid: it must be a number of 0 or more');
  });

  it('names the line of a JSON syntax error', () => {
    const error = failure(() => parseKlipingJson('{\n "format": "kliping",\n "version": 1,\n "articles": [}\n}', 'k.json'));
    expect(error.location.line).toBe(4);
    expect(error.message).toBe('k.json, line 4: the file is not valid JSON');
    for (const broken of ['{"a":1', '{\n"a":1,\n}', '{"a": tru}', '{"a": "\\x"}', '[1 2]', '{} x']) {
      expect(failure(() => parseKlipingJson(broken, 'k.json')).location.line).toBeGreaterThan(0);
    }
    expect(failure(() => parseKlipingJson('{\n"a":1,\n}', 'k.json')).location.line).toBe(3);
  });

  it('refuses other JSON, newer versions and the same page twice', () => {
    expect(failure(() => parseKlipingJson('{"a":1}', 'k.json')).message).toContain('not a Kliping export');
    expect(failure(() => parseKlipingJson('{"format":"kliping","version":9,"articles":[]}', 'k.json')).message).toContain('version 9');
    const twice = serializeKlipingJson([transferArticle(), transferArticle({ url: 'https://news.example/a/1#x' })], NOW);
    expect(failure(() => parseKlipingJson(twice, 'k.json')).location.entry).toBe(2);
  });
});

describe('Netscape bookmarks', () => {
  it('round-trips titles, dates, tags and descriptions with markup characters escaped', () => {
    const articles = [transferArticle({ title: '<img src=x onerror=alert(1)> "Q" & A', tags: ['a b', 'c'], excerpt: '<b>not bold</b>' })];
    const html = serializeNetscape(articles);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &quot;Q&quot; &amp; A');
    const [back] = parseNetscape(html, 'b.html', NOW).articles;
    expect(back).toMatchObject({ title: articles[0]!.title, url: articles[0]!.url, tags: ['a b', 'c'], excerpt: '<b>not bold</b>', savedAt: 1_714_000_000_000, updatedAt: 1_714_000_500_000 });
  });

  it('reads a browser export with folders, skipping bookmarklets and browser pages', () => {
    const html = `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<DL><p>
<DT><H3>Bar</H3>
<DL><p>
<DT><A HREF="https://a.example/" ADD_DATE="1700000000">A</A>
<DD>about A
<DT><A HREF="javascript:void(0)">Bookmarklet</A>
<DT><A HREF="chrome://settings">Settings</A>
</DL><p>
</DL>`;
    const batch = parseNetscape(html, 'b.html', NOW);
    expect(batch.articles.map((a) => [a.title, a.excerpt])).toEqual([['A', 'about A']]);
    expect(batch.skipped).toBe(2);
  });

  it("reads Pocket's old HTML export, archive heading included", () => {
    const html = '<html><body><h1>Unread</h1><ul><li><a href="https://u.example/" time_added="1700000000" tags="x,y">U</a></li></ul><h1>Read Archive</h1><ul><li><a href="https://r.example/" time_added="1700000001" tags="">R</a></li></ul></body></html>';
    const batch = parseImport([file('ril_export.html', html)], { now: NOW });
    expect(batch.articles.map((a) => [a.title, a.archived, a.tags])).toEqual([
      ['U', false, ['x', 'y']],
      ['R', true, []],
    ]);
  });

  it('names a bookmark with a broken address and refuses a page that is not a bookmark file', () => {
    const broken = '<!DOCTYPE NETSCAPE-Bookmark-file-1><DL><DT><A HREF="https://ok.example/">ok</A><DT><A HREF="http://[broken">bad</A></DL>';
    expect(failure(() => parseNetscape(broken, 'b.html', NOW)).location).toEqual({ file: 'b.html', entry: 2 });
    expect(failure(() => parseNetscape('<html><p>hello</p></html>', 'x.html', NOW)).message).toContain('not a bookmark file');
  });
});

describe('CSV export', () => {
  it('defuses formulas in every cell', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\t=x', 'safe'].map(guardFormula)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\t=x", 'safe']);
    const csv = serializeCsv([transferArticle({ title: '=HYPERLINK("http://evil.example","click")', tags: ['@x'], notes: { text: '+note', updatedAt: 1 } })]);
    const [header, row] = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    const at = (name: string) => row![header!.indexOf(name)];
    expect(at('title')).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(at('tags')).toBe("'@x");
    expect(at('notes')).toBe("'+note");
    for (const value of row!) expect(value).not.toMatch(/^[=+\-@]/);
  });

  it('imports back as a Pocket-style CSV', () => {
    const a = transferArticle({ archived: true });
    const [back] = parseImport([file('kliping.csv', serializeCsv([a]))], { now: NOW }).articles;
    expect(back).toMatchObject({ title: a.title, url: a.url, canonicalUrl: a.canonicalUrl, tags: a.tags, archived: true, savedAt: a.savedAt });
  });
});

describe('Markdown export', () => {
  it('writes a YAML header that reads back exactly, even for hostile titles', () => {
    const title = 'A: "b" #c\n---\n- d\' @e';
    const a = transferArticle({ title, tags: ['x: y', '#z'], excerpt: null });
    const md = articleToMarkdown(a, createTurndown());
    const header = /^---\n([\s\S]*?)\n---\n/.exec(md)![1]!;
    expect(parseYaml(header)).toMatchObject({
      title,
      url: a.url,
      tags: ['x: y', '#z'],
      saved: new Date(a.savedAt).toISOString(),
      read: true,
      reading_progress: 0.5,
      favorite: true,
      archived: false,
      excerpt: null,
    });
  });

  it('includes the text, the notes and the highlights with their notes', () => {
    const md = articleToMarkdown(transferArticle(), createTurndown());
    expect(md).toContain('Harga cabai naik lagi di pasar induk.\n\nPedagang mengeluh.');
    expect(md).toContain('## Notes\n\nBandingkan dengan:');
    expect(md).toContain('## Highlights\n\n> naik lagi\n\npenting');
  });

  it('zips one uniquely named file per article', async () => {
    const progress: number[] = [];
    const zip = await exportMarkdownZip([transferArticle(), transferArticle({ url: 'https://b.example/' }), transferArticle({ title: 'Kopi Ñoño' })], (done) => progress.push(done));
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['harga-cabai-naik-turun-2.md', 'harga-cabai-naik-turun.md', 'kopi-nono.md']);
    expect(strFromU8(files['kopi-nono.md']!)).toContain('title: "Kopi Ñoño"');
    expect(progress.at(-1)).toBe(3);
    expect(fileSlug('../../etc/passwd')).toBe('etc-passwd');
  });

  it('keeps Japanese voiced kana and other scripts whole in file names', () => {
    // The title as a decomposed string, as macOS file names and some feeds give it.
    expect(fileSlug('キーで開く'.normalize('NFD'))).toBe('キーで開く');
    expect(fileSlug('キーで開く')).toBe('キーで開く');
    expect(fileSlug('ガイド: パンダ')).toBe('ガイド-パンダ');
    expect(fileSlug('हिन्दी समाचार')).toBe('हिन्दी-समाचार');
    expect(fileSlug('Café Ñoño')).toBe('cafe-nono');
  });
});

describe('Omnivore export', () => {
  const metadata = [
    { id: '1', slug: 'harga-cabai', title: 'Harga cabai', author: 'Rina', description: 'Desc', url: 'https://news.example/cabai', state: 'Archived', readingProgress: 100, labels: ['ekonomi', { name: 'pasar' }], savedAt: '2024-10-30T12:39:28.023Z', updatedAt: '2024-10-31T12:00:00.000Z', publishedAt: '2024-10-29T00:00:00.000Z' },
    { id: '2', slug: 'no-content', title: 'Link only', url: 'https://other.example/x', state: 'Active', readingProgress: 20, labels: [], savedAt: '2024-10-30T12:00:00.000Z', updatedAt: '2024-10-30T12:00:00.000Z' },
  ];
  const zipFiles = {
    'export/metadata_0_to_2.json': JSON.stringify(metadata),
    'export/content/harga-cabai.html': '<div><p>Harga cabai naik lagi.</p><script>alert(1)</script><p onclick="x()">Pedagang mengeluh.</p></div>',
    'export/highlights/harga-cabai.md': '> naik lagi [⤴️](https://omnivore.app/me/harga-cabai#1)\n\nmy note\n\n> not in the text\n',
  };

  it('reads metadata, sanitized content and highlights with selectors on the saved text', () => {
    const batch = parseImport([zipOf('omnivore.zip', zipFiles)], { now: NOW, win: jsdomWindow });
    expect(batch.source).toBe('omnivore');
    const [a, b] = batch.articles;
    expect(a).toMatchObject({ title: 'Harga cabai', byline: 'Rina', excerpt: 'Desc', archived: true, readState: 'read', readingProgress: 1, tags: ['ekonomi', 'pasar'], contentStatus: 'saved', savedAt: Date.parse('2024-10-30T12:39:28.023Z') });
    expect(a!.content!.html).not.toMatch(/script|onclick/);
    expect(a!.content!.text).toContain('Pedagang mengeluh.');
    expect(a!.highlights).toHaveLength(2);
    expect(a!.highlights[0]).toMatchObject({ quote: { exact: 'naik lagi', prefix: 'Harga cabai ' }, position: { start: 12, end: 21 }, note: 'my note' });
    expect(a!.highlights[1]).toMatchObject({ quote: { exact: 'not in the text', prefix: '' }, position: { start: 0, end: 0 }, note: null });
    expect(b).toMatchObject({ contentStatus: 'pending-fetch', content: null, readingProgress: 0.2, readState: 'unread', archived: false });
  });

  it('names the metadata entry at fault', () => {
    const bad = [...metadata, { slug: 's', title: 'T', url: 'mailto:x@y', labels: [] }];
    const error = failure(() => parseImport([zipOf('omnivore.zip', { ...zipFiles, 'export/metadata_0_to_2.json': JSON.stringify(bad) })], { now: NOW }));
    expect(error.location).toEqual({ file: 'metadata_0_to_2.json', entry: 3 });
  });

  it('splits a highlights file into quotes and notes', () => {
    expect(parseOmnivoreHighlights('> a\n> b\n\nnote 1\nmore\n\n> c [⤴️](https://x)', null, 5).map((h) => [h.quote.exact, h.note])).toEqual([
      ['a\nb', 'note 1\nmore'],
      ['c', null],
    ]);
  });
});

describe('detecting the format', () => {
  it('refuses a file of no known kind and a damaged zip', () => {
    expect(failure(() => parseImport([file('x.csv', 'name,age\nA,3\n')], { now: NOW })).message).toContain('neither a Pocket nor an Instapaper');
    expect(failure(() => parseImport([{ name: 'x.zip', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) }], { now: NOW })).message).toContain('damaged');
    expect(failure(() => parseImport([{ name: 'x.bin', bytes: new Uint8Array([0xff, 0xfe, 0x00, 0xd8]) }], { now: NOW })).message).toContain('not UTF-8');
  });

  it('calls a false zip, an empty file and a plain text file what they are', () => {
    const notZip = failure(() => parseImport([file('pocket.zip', 'this is not a zip file at all')], { now: NOW }));
    expect(notZip.problem.code).toBe('notZip');
    expect(notZip.message).not.toContain('columns');
    for (const empty of [file('export.csv', ''), file('export.csv', '\n \n'), { name: 'export.zip', bytes: new Uint8Array() }]) {
      const error = failure(() => parseImport([empty], { now: NOW }));
      expect(error.problem.code, empty.name).toBe('emptyFile');
      expect(error.location.line).toBeUndefined();
    }
    const text = failure(() => parseImport([file('notes.txt', 'this is not an export at all')], { now: NOW }));
    expect(text.problem.code).toBe('unknownFile');
    expect(text.message).not.toContain('columns');
  });
});

describe('problem messages', () => {
  it('every reason a file is refused has a message in English (the same words) and Indonesian', () => {
    const load = (locale: string) => parseYaml(readFileSync(`utils/locales/${locale}.yml`, 'utf8')).transfer.problem as Record<string, string>;
    expect(load('en')).toEqual(PROBLEMS);
    expect(Object.keys(load('id')).sort()).toEqual(Object.keys(PROBLEMS).sort());
    for (const [code, text] of Object.entries(load('id'))) {
      expect(text.match(/\$\d/g)?.sort(), code).toEqual(PROBLEMS[code as keyof typeof PROBLEMS].match(/\$\d/g)?.sort());
    }
  });
});
