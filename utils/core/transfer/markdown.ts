import TurndownService from 'turndown';
import { zipSync, type Zippable } from 'fflate';
import { encodeText, yieldToUi } from './common';
import { decodeAttribute } from '../images/urls';
import { pictureExtension } from './kliping-json';
import type { ProgressCallback, TransferArticle, TransferPicture } from './model';

/**
 * A YAML scalar that reads back as exactly this text: JSON strings are YAML double-quoted
 * scalars, so quotes, colons, `#`, newlines and leading dashes can never break the header.
 */
function yamlString(value: string): string {
  return JSON.stringify(value);
}

function yamlValue(value: string | number | boolean | null | readonly string[]): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return yamlString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `[${value.map(yamlString).join(', ')}]`;
}

const iso = (ms: number) => new Date(ms).toISOString();

function frontMatter(a: TransferArticle): string {
  const fields: [string, string | number | boolean | null | readonly string[]][] = [
    ['title', a.title],
    ['url', a.url],
    ['canonical_url', a.canonicalUrl],
    ['site', a.siteName],
    ['author', a.byline],
    ['published', a.publishedTime],
    ['saved', iso(a.savedAt)],
    ['updated', iso(a.updatedAt)],
    ['read', a.readState === 'read'],
    ['reading_progress', a.readingProgress],
    ['favorite', a.favorite],
    ['archived', a.archived],
    ['tags', a.tags],
    ['reading_minutes', a.readingMinutes],
    ['excerpt', a.excerpt],
  ];
  return ['---', ...fields.map(([key, value]) => `${key}: ${yamlValue(value)}`), '---'].join('\n');
}

export function createTurndown(): TurndownService {
  const service = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*' });
  // Video embeds are the only frames a saved copy keeps; in a note app they are just links.
  service.addRule('iframe', {
    filter: 'iframe',
    replacement: (_content, node) => {
      const src = (node as Element).getAttribute('src');
      return src ? `\n\n[${src}](${src})\n\n` : '';
    },
  });
  return service;
}

/** Quoted text as a Markdown blockquote, every line of it. */
function blockquote(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}

/** The saved HTML with each kept image pointing at its file in the zip (a relative path). */
function withLocalImages(html: string, local: ReadonlyMap<string, string>): string {
  if (local.size === 0) return html;
  return html.replace(/(<img\b[^>]*?\ssrc=")([^"]*)(")/gi, (whole, before: string, src: string, after: string) => {
    const path = local.get(decodeAttribute(src).trim());
    return path ? `${before}${encodeURI(path)}${after}` : whole;
  });
}

/**
 * One article as a note: YAML header, the saved copy in Markdown, the notes, the highlights.
 * `localImages` maps image URLs to files beside the note.
 */
export function articleToMarkdown(a: TransferArticle, turndown: TurndownService, localImages: ReadonlyMap<string, string> = new Map()): string {
  const parts = [frontMatter(a), '', `# ${a.title.replace(/\s+/g, ' ')}`, ''];
  if (a.content) parts.push(turndown.turndown(withLocalImages(a.content.html, localImages)).trim(), '');
  else parts.push(`[${a.url}](${a.url})`, '');
  if (a.notes?.text.trim()) parts.push('## Notes', '', a.notes.text.trim(), '');
  if (a.highlights.length > 0) {
    parts.push('## Highlights', '');
    for (const h of a.highlights) {
      parts.push(blockquote(h.quote.exact), '');
      if (h.note?.trim()) parts.push(h.note.trim(), '');
    }
  }
  return parts.join('\n');
}

/** A file name note apps accept on every OS: letters and digits, dashes, at most 80 characters. */
export function fileSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    // Latin accents go (Ñoño → nono); every other mark is composed back (て + ゛ → で) and kept.
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'article';
}

/**
 * Every article as `<slug>.md` in one zip; same titles get `-2`, `-3`… Its kept pictures go in
 * `<slug>/` beside it, and its Markdown links to them there.
 */
export async function exportMarkdownZip(articles: readonly TransferArticle[], onProgress?: ProgressCallback, pictures: ReadonlyMap<string, TransferPicture> = new Map()): Promise<Uint8Array> {
  const turndown = createTurndown();
  const files: Zippable = {};
  const used = new Set<string>();
  for (const [i, a] of articles.entries()) {
    const base = fileSlug(a.title);
    let stem = base;
    for (let n = 2; used.has(`${stem}.md`) || used.has(`${stem}/`); n++) stem = `${base}-${n}`;
    used.add(`${stem}.md`);
    const local = new Map<string, string>();
    for (const image of a.images ?? []) {
      const picture = image.status === 'kept' && image.hash ? pictures.get(image.hash) : undefined;
      if (!picture) continue;
      const path = `${stem}/${picture.hash.slice(0, 16)}.${pictureExtension(picture.type)}`;
      local.set(image.url, path);
      files[path] = [picture.bytes, { level: 0 }];
    }
    if (local.size > 0) used.add(`${stem}/`);
    files[`${stem}.md`] = encodeText(articleToMarkdown(a, turndown, local));
    if (i % 200 === 199) {
      onProgress?.(i + 1, articles.length, 'packing');
      await yieldToUi();
    }
  }
  onProgress?.(articles.length, articles.length, 'packing');
  return zipSync(files, { level: 6 });
}
