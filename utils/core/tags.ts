import { collapseSpace } from './text';
/**
 * Tags as the library keeps them: trimmed, inner whitespace collapsed, de-duplicated
 * case-insensitively with the first spelling kept, in the order given. One rule for what the
 * user types, what the library adds in bulk and what an import brings.
 */
export function cleanTags(raw: Iterable<string>): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const value of raw) {
    const tag = collapseSpace(value);
    const key = tag.toLocaleLowerCase();
    if (tag && !seen.has(key)) {
      seen.add(key);
      tags.push(tag);
    }
  }
  return tags;
}

/** What the user typed in a tags field: tags separated by commas. */
export function parseTags(input: string): string[] {
  return cleanTags(input.split(','));
}
