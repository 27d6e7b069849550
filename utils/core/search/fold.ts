/**
 * Text as search compares it: lower case, accents and other combining marks removed, so "cafe"
 * finds "Café" and "kopi" finds "KOPI". Indonesian rarely uses accents, but names and loanwords do.
 */
export function foldForSearch(text: string): string {
  // Most text is plain ASCII: skip the Unicode decomposition there (it dominates indexing time).
  if (/^[\t\n\r -~]*$/.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLocaleLowerCase('en');
}

/** Words of a text, folded: letters and digits, apostrophes inside words dropped ("don't" → "dont"). */
export function words(text: string): string[] {
  return foldForSearch(text)
    .replace(/(\p{L})['’](\p{L})/gu, '$1$2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}
