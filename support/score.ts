import { cleanByline } from '../utils/core/extract/metadata';
/** Scoring as the corpus README describes it, shared by the benchmark and the corpus tests. */

/** Tokens are `\w+` runs with Unicode letters and digits, case kept. */
export function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

function shingles(text: string, size = 4): Map<string, number> {
  const words = tokens(text);
  const counts = new Map<string, number>();
  if (words.length === 0) return counts;
  const last = Math.max(1, words.length - size + 1);
  for (let i = 0; i < last; i++) {
    const key = words.slice(i, i + size).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface ShingleScore {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/** One page: tp, fp, fn over shingle multisets; precision/recall as tp/(tp+fp), tp/(tp+fn). */
export function shingleScore(predicted: string, truth: string): ShingleScore & { tp: number; fp: number; fn: number } {
  const p = shingles(predicted);
  const t = shingles(truth);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, count] of p) {
    const shared = Math.min(count, t.get(key) ?? 0);
    tp += shared;
    fp += count - shared;
  }
  for (const [key, count] of t) fn += Math.max(0, count - (p.get(key) ?? 0));
  const precision = p.size ? tp / (tp + fp) : null;
  const recall = t.size ? tp / (tp + fn) : null;
  const f1 = precision !== null && recall !== null && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : precision === null ? null : 0;
  return { precision, recall, f1, tp, fp, fn };
}

/** The benchmark's aggregate: mean precision over pages with output, mean recall over pages with truth. */
export function aggregate(scores: ShingleScore[]): { precision: number; recall: number; f1: number } {
  const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);
  const precision = mean(scores.map((s) => s.precision).filter((v): v is number => v !== null));
  const recall = mean(scores.map((s) => s.recall ?? 0));
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Whitespace and case folded, so a reflowed paragraph still matches. */
export function foldText(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase();
}

/** Share of a paragraph's tokens found, in order-free multiset terms, in the output. */
export function tokenRecall(paragraph: string, output: string): number {
  const want = tokens(paragraph.toLowerCase());
  if (want.length === 0) return 1;
  const have = new Map<string, number>();
  for (const token of tokens(output.toLowerCase())) have.set(token, (have.get(token) ?? 0) + 1);
  let found = 0;
  for (const token of want) {
    const left = have.get(token) ?? 0;
    if (left > 0) {
      found += 1;
      have.set(token, left - 1);
    }
  }
  return found / want.length;
}

/** A paragraph is kept when it appears whole (folded) in the output. */
export function paragraphKept(paragraph: string, output: string): boolean {
  return foldText(output).includes(foldText(paragraph));
}

export function clutterLeft(clutter: string[], output: string): string[] {
  const folded = foldText(output);
  return clutter.filter((text) => folded.includes(foldText(text)));
}

const BYLINE_PREFIX = /^(by|oleh|penulis|reporter|written by)\s*:?\s+/i;

export function sameTitle(got: string | null, want: string | null): boolean {
  return !!got && !!want && foldText(got) === foldText(want);
}

const TITLE_SEPARATOR = /\s+[|\-–—·:»/]\s+/g;
/** A site's name is short: a dropped part longer than this was part of the headline. */
const MAX_SITE_WORDS = 6;

/**
 * Titles as the issue asks for them, without the site's name: the expected title matches
 * verbatim, or with one short leading or trailing part ("| eHow", "– My website") left out.
 * Nothing may be added, and only one end may be dropped.
 */
export function sameTitleWithoutSite(got: string | null, want: string | null): boolean {
  if (!got || !want) return false;
  if (sameTitle(got, want)) return true;
  const separators = Array.from(want.matchAll(TITLE_SEPARATOR));
  const short = (part: string) => part.trim().split(/\s+/).length <= MAX_SITE_WORDS;
  const first = separators[0];
  const last = separators[separators.length - 1];
  if (last?.index !== undefined && short(want.slice(last.index + last[0].length)) && sameTitle(got, want.slice(0, last.index))) return true;
  if (first?.index !== undefined && short(want.slice(0, first.index)) && sameTitle(got, want.slice(first.index + first[0].length))) return true;
  return false;
}

/**
 * A byline is a name: a leading "By"/"Oleh"/"Par" or a date after the name ("By Jane Doe
 * March 25, 2015") on either side is not part of it; both sides go through the same cleaning.
 */
export function sameByline(got: string | null, want: string | null): boolean {
  if (!got || !want) return false;
  const name = (value: string) => foldText(cleanByline(value) ?? value).replace(BYLINE_PREFIX, '');
  return name(got) === name(want);
}

export function sameLang(got: string | null, want: string | null): boolean {
  return !!got && !!want && got.trim().toLowerCase() === want.trim().toLowerCase();
}

/** The same instant, or, for a value without a zone, the same wall-clock reading. */
export function sameTime(got: string | null, want: string | null): boolean {
  if (!got || !want) return false;
  const norm = (value: string) => value.trim().replace(' ', 'T');
  if (norm(got) === norm(want)) return true;
  const a = Date.parse(norm(got));
  const b = Date.parse(norm(want));
  return Number.isFinite(a) && a === b;
}

/**
 * Lines of the true article body that a baseline's output holds and ours does not: what our
 * rules removed that they should have kept. A line counts as held when its token run appears.
 */
export function linesLost(truth: string, baseline: string, ours: string): string[] {
  const joined = (text: string) => ` ${tokens(text).join(' ')} `;
  const base = joined(baseline);
  const mine = joined(ours);
  return truth
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => tokens(line).length > 0)
    .filter((line) => base.includes(joined(line)) && !mine.includes(joined(line)));
}

/** WCXB's tokens: lower-cased `\w+` runs. */
export function wordTokens(text: string): string[] {
  return tokens(text.toLowerCase());
}

export interface WordScore {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * WCXB's per-page word score: shared tokens as multisets over predicted and truth tokens. An
 * empty prediction scores 0; an empty truth with an empty prediction scores 1.
 */
export function wordScore(predicted: string, truth: string): WordScore {
  const p = wordTokens(predicted);
  const t = wordTokens(truth);
  if (p.length === 0 && t.length === 0) return { precision: 1, recall: 1, f1: 1 };
  if (p.length === 0 || t.length === 0) return { precision: 0, recall: 0, f1: 0 };
  const counts = new Map<string, number>();
  for (const token of t) counts.set(token, (counts.get(token) ?? 0) + 1);
  let shared = 0;
  for (const token of p) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      shared += 1;
      counts.set(token, left - 1);
    }
  }
  const precision = shared / p.length;
  const recall = shared / t.length;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** A snippet is in a text when it appears in it, case and whitespace folded. */
export function snippetsIn(snippets: string[], output: string): string[] {
  const folded = foldText(output);
  return snippets.filter((snippet) => foldText(snippet).length > 0 && folded.includes(foldText(snippet)));
}
