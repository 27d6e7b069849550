import { elementChildren } from '../dom';
import { CLUTTER_RULES, type ClutterRule } from './rules';
import { BLOCK_TAGS } from './text';
import { collapseSpaceAndZeroWidth } from '../text';

/** Longest text a label, byline or heading can have; longer blocks are never matched by text. */
const MAX_TEXT = 600;
/** Elements the rules never remove themselves: figures, captions and media stay. */
const PROTECTED_TAGS = new Set(['HTML', 'BODY', 'MAIN', 'FIGURE', 'FIGCAPTION', 'IMG', 'PICTURE', 'VIDEO', 'AUDIO', 'SOURCE', 'svg']);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
/** Classes that hide text from the eye and keep it for screen readers. */
const SCREEN_READER_ONLY = /(?:^|[\s_-])(?:visually-?hidden|sr-only|screen-?reader-(?:text|only)|a11y-hidden|hidden-visually|offscreen)(?:$|[\s_-])/i;
const BOX_TITLE_CLASS = /(?:^|[\s_-])(?:title|heading|header|judul|label)(?:$|[\s_-])/i;
const LEAD_BLOCK_TAGS = new Set(['P', 'LI', 'DIV', 'TD', 'TR', 'TBODY', 'TABLE', 'SECTION', 'ASIDE', 'BLOCKQUOTE', 'DL', 'DD', 'UL', 'OL', 'H2', 'H3', 'H4', 'H5', 'H6', 'CENTER']);

interface Info {
  /** Whitespace-folded text, or null past MAX_TEXT characters. */
  text: string | null;
  /**
   * Whether the element's text starts or ends with white space, folded out of `text`: an inline
   * element's parent puts it back, so "<em>Select? </em><a>Sign up</a>" reads "Select? Sign up".
   */
  spaceBefore: boolean;
  spaceAfter: boolean;
  length: number;
  linkLength: number;
  /** Text length of paragraphs that read as prose (long, few links) inside, self included. */
  prose: number;
}

type Infos = Map<Element, Info>;

/** Which of a rule's matchers took an element (the fields of `ClutterRule` by the same names). */
export type ClutterMatcher =
  | 'selector'
  | 'class'
  | 'link-list'
  | 'screen-reader-label'
  | 'label'
  | 'short-text'
  | 'date-only'
  | 'box-heading'
  | 'link-line'
  | 'lead-phrase';

/** Why an element is clutter: the rule, its matcher, and what matched (a selector, a class word, the text). */
export interface ClutterReason {
  rule: string;
  matcher: ClutterMatcher;
  match: string;
}

/** An element the rules would remove, with the reason of the first rule that took it. */
export interface ClutterMatch extends ClutterReason {
  el: Element;
}

/**
 * One post-order pass, without recursion (pages nest deeper than the call stack), gathering every
 * element's text length, link text length, short text and prose length.
 */
function measure(root: ParentNode): Infos {
  const infos: Infos = new Map();
  const stack: { node: Element; next: Element | null }[] = [];
  const start = (root as Node).nodeType === 1 ? [root as Element] : elementChildren(root);
  for (const top of start) {
    stack.push({ node: top, next: top.firstElementChild });
    while (stack.length) {
      const frame = stack[stack.length - 1]!;
      const child = frame.next;
      if (child && !SKIP_TAGS.has(frame.node.tagName)) {
        frame.next = child.nextElementSibling;
        stack.push({ node: child, next: child.firstElementChild });
        continue;
      }
      stack.pop();
      infos.set(frame.node, summarize(frame.node, infos));
    }
  }
  return infos;
}

function summarize(el: Element, infos: Infos): Info {
  if (SKIP_TAGS.has(el.tagName)) return { text: '', spaceBefore: false, spaceAfter: false, length: 0, linkLength: 0, prose: 0 };
  let parts: string[] | null = [];
  let length = 0;
  let linkLength = 0;
  let prose = 0;
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      const value = child.nodeValue ?? '';
      length += collapseSpaceAndZeroWidth(value).length;
      parts?.push(value);
    } else if (child.nodeType === 1) {
      const info = infos.get(child as Element);
      if (!info) continue;
      length += info.length;
      linkLength += info.linkLength;
      prose += info.prose;
      if (parts && info.text !== null) {
        const block = BLOCK_TAGS.has((child as Element).tagName);
        parts.push(block ? ` ${info.text} ` : `${info.spaceBefore ? ' ' : ''}${info.text}${info.spaceAfter ? ' ' : ''}`);
      } else parts = null;
    }
    if (parts && length > MAX_TEXT) parts = null;
  }
  if (el.tagName === 'A') linkLength = length;
  if (el.tagName === 'P' && length >= 100 && linkLength < length * 0.3) prose = Math.max(prose, length);
  const joined = parts?.join('') ?? null;
  return {
    text: joined === null ? null : collapseSpaceAndZeroWidth(joined),
    spaceBefore: joined !== null && /\s/.test(joined.charAt(0)),
    spaceAfter: joined !== null && /\s/.test(joined.charAt(joined.length - 1)),
    length,
    linkLength,
    prose,
  };
}

/** Text a reader would take for the article itself: never removed, whatever its classes say. */
function hasProse(info: Info): boolean {
  return info.prose >= 200 || info.length - info.linkLength >= 500;
}

/** A few paragraphs (a name, a handle, a bio), no longer than the rule allows: not an article. */
function isShortProse(el: Element, info: Info, rule: ClutterRule): boolean {
  return !!rule.proseUpTo && info.length <= rule.proseUpTo && el.getElementsByTagName('p').length <= 3;
}

function classTokens(el: Element): string[] {
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
  return raw.split(/\s+/).filter(Boolean);
}

/** Every rule's class words and patterns, prepared once per `findClutter` call, each tied to its rule. */
interface ClassMatcher {
  words: Map<string, string>;
  /** Each word as it sits between dashes in a token whose `-`/`_` runs became single dashes. */
  dashed: { dashed: string; word: string; rule: string }[];
  patterns: { pattern: RegExp; rule: string }[];
}

function classMatcher(rules: readonly ClutterRule[]): ClassMatcher {
  const words = new Map<string, string>();
  const dashed: ClassMatcher['dashed'] = [];
  for (const rule of rules) {
    for (const word of rule.classWords ?? []) {
      if (!words.has(word)) words.set(word, rule.name);
      dashed.push({ dashed: `-${word.replace(/_/g, '-')}-`, word, rule: rule.name });
    }
  }
  return { words, dashed, patterns: rules.flatMap((rule) => (rule.classPatterns ?? []).map((pattern) => ({ pattern, rule: rule.name }))) };
}

/** The first class word or pattern that matches one of the tokens, as a reason; null when none does. */
function matchClassWords(tokens: string[], matcher: ClassMatcher): ClutterReason | null {
  for (const token of tokens) {
    const rule = matcher.words.get(token);
    if (rule) return { rule, matcher: 'class', match: token };
    const joined = `-${token.split(/[-_]+/).filter(Boolean).join('-')}-`;
    const word = matcher.dashed.find((entry) => joined.includes(entry.dashed));
    if (word) return { rule: word.rule, matcher: 'class', match: `${word.word} in ${token}` };
    const pattern = matcher.patterns.find((entry) => entry.pattern.test(token));
    if (pattern) return { rule: pattern.rule, matcher: 'class', match: `${String(pattern.pattern)} on ${token}` };
  }
  return null;
}

/** Digits that read as a date or a clock time, not as a count. */
const DATE_SHAPE = /\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{1,2}[:.]\d{2}\b/;

function isDateOnly(text: string, { words, day }: { words: RegExp; day: RegExp }): boolean {
  if (text.length > 80 || !/\d/.test(text) || !day.test(text)) return false;
  const named = text.match(words)?.length ?? 0;
  if (named === 0 && !DATE_SHAPE.test(text)) return false;
  const rest = text.replace(words, ' ').replace(/[\d\s.,:;/|()\-–—+·]+/g, '');
  return rest.length === 0;
}

/** Table cells are data: a number or a date in a cell is never a dateline. */
const DATA_TAGS = new Set(['TD', 'TH', 'TR', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'CAPTION']);

/** Whether the element is a line of its own (a block, or the only thing in its parent). */
function standsAlone(el: Element, info: Info, infos: Infos): boolean {
  if (DATA_TAGS.has(el.tagName) || (el.parentElement && DATA_TAGS.has(el.parentElement.tagName))) return false;
  if (BLOCK_TAGS.has(el.tagName)) return true;
  const parent = el.parentElement;
  const parentInfo = parent ? infos.get(parent) : undefined;
  return !parentInfo || parentInfo.text === info.text;
}

/** The top of a chain of wrappers that all hold the same text: the element a rule should take. */
function topOfSameText(el: Element, root: ParentNode, infos: Infos): Element {
  let top = el;
  const text = infos.get(el)?.text;
  for (let parent = top.parentElement; parent && parent !== root && !PROTECTED_TAGS.has(parent.tagName); parent = parent.parentElement) {
    if (infos.get(parent)?.text !== text) break;
    top = parent;
  }
  return top;
}

/** The child that holds all of `el`'s text, the others holding none (a wrapper's one content). */
function childHoldingAll(el: Element, info: Info, infos: Infos): Element | null {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) if (infos.get(child)?.text === info.text) return child;
  return null;
}

function isHeadingLike(el: Element, info: Info, infos: Infos): boolean {
  if (readsAsHeading(el, info, infos)) return true;
  // A wrapper holding nothing but a heading is that heading: the rules see only the outermost of
  // such a chain, and a box whose links Readability already dropped is left as just that
  // (`<section><header><h2>You might also like</h2></header></section>`).
  const holder = childHoldingAll(el, info, infos);
  return holder !== null && isHeadingLike(holder, infos.get(holder)!, infos);
}

function readsAsHeading(el: Element, info: Info, infos: Infos): boolean {
  if (HEADING_TAGS.has(el.tagName) || el.getAttribute('role') === 'heading') return true;
  // "You may also like..." on a line of its own, with links on the lines after it.
  if (info.length <= 60 && BLOCK_TAGS.has(el.tagName) && linkShare(el.nextElementSibling, infos) >= LINK_LIST_SHARE) return true;
  // "More:" or "Baca juga:" alone on its line announces the list that follows, like a heading.
  if (info.text?.endsWith(':') && info.length <= 40 && BLOCK_TAGS.has(el.tagName)) return true;
  if (info.length > 60) return false;
  if (['STRONG', 'B', 'SPAN', 'DIV', 'P', 'HEADER', 'DT', 'LEGEND'].includes(el.tagName)) {
    return BOX_TITLE_CLASS.test(el.getAttribute('class') ?? '') || el.parentElement?.firstElementChild === el;
  }
  return false;
}

/** A heading's box: the largest ancestor that is still only the heading and links. */
function boxOf(heading: Element, root: ParentNode, infos: Infos): Element[] {
  const headingLength = infos.get(heading)?.length ?? 0;
  let box = heading;
  for (let parent = box.parentElement; parent && parent !== root && !PROTECTED_TAGS.has(parent.tagName); parent = parent.parentElement) {
    const info = infos.get(parent);
    if (!info || hasProse(info)) break;
    const ownText = info.length - headingLength;
    if (ownText > 40 && info.linkLength < ownText * 0.5) break;
    box = parent;
  }
  // A box that holds more than the heading's own line is the whole thing.
  if (box !== heading && infos.get(box)?.length !== headingLength) return [box];
  // The heading sits right in the article: take its line and the link lists that follow it.
  const taken = [box];
  for (let next = box.nextElementSibling; next; next = next.nextElementSibling) {
    const info = infos.get(next);
    if (!info || HEADING_TAGS.has(next.tagName) || hasProse(info)) break;
    if (info.length > 0 && info.linkLength < info.length * LINK_LIST_SHARE) break;
    if (info.length === 0 && !['UL', 'OL', 'DIV'].includes(next.tagName)) break;
    taken.push(next);
  }
  return taken;
}

/** How much of an element's text is link text, 0 when it has none. */
function linkShare(el: Element | null, infos: Infos): number {
  const info = el ? infos.get(el) : undefined;
  return info && info.length > 0 ? info.linkLength / info.length : 0;
}

/** A line that is links and little else: a headline, maybe tagged "[VIDEO]" or "[INSIGHT]|". */
const LINK_LINE_SHARE = 0.75;
/** Under a box title, a list of stories whose items are half link ("Title, <a>more of it</a>"). */
const LINK_LIST_SHARE = 0.5;

/** A "Baca juga: <a>…</a>" line, grown to the wrapper (table, box) that holds only it. */
function leadBlockOf(el: Element, phraseLength: number, root: ParentNode, infos: Infos): Element | null {
  const info = infos.get(el)!;
  const rest = info.length - phraseLength;
  if (rest <= 0 || info.linkLength < rest * 0.5) return null;
  let block = el;
  for (let parent = block.parentElement; parent && parent !== root && !PROTECTED_TAGS.has(parent.tagName); parent = parent.parentElement) {
    const parentInfo = infos.get(parent);
    if (!parentInfo || hasProse(parentInfo) || parentInfo.length > (infos.get(block)?.length ?? 0) + 30) break;
    block = parent;
  }
  return block;
}

/**
 * The elements inside `root` that the clutter rules would remove, each with the rule that took it:
 * outermost ones only, in document order. Pure: reads the DOM, never changes it, so it serves the
 * live page (declutter in place) and the pipeline's clone alike.
 */
export function findClutter(root: ParentNode, rules: readonly ClutterRule[] = CLUTTER_RULES): ClutterMatch[] {
  const infos = measure(root);
  const classes = classMatcher(rules);
  // Rules whose class matches may take a little prose (a bio): matched on their own.
  const bioClasses = rules.filter((rule) => rule.proseUpTo).map((rule) => ({ rule, matcher: classMatcher([rule]) }));
  // The first reason an element is found for is the one it keeps.
  const found = new Map<Element, ClutterReason>();
  const add = (el: Element | null, rule: string, matcher: ClutterMatcher, match: string) => {
    if (el && el !== root && !PROTECTED_TAGS.has(el.tagName) && !found.has(el)) found.set(el, { rule, matcher, match });
  };
  // Asked per measured element rather than by querySelectorAll over the root: the same matches,
  // and in jsdom far cheaper, since elements with prose are never asked.
  const selector = rules.flatMap((rule) => rule.selectors ?? []).join(',');
  const lastOfChain = (el: Element) => {
    const parent = el.parentElement;
    const parentInfo = parent ? infos.get(parent) : undefined;
    return !(parentInfo && parentInfo.text !== null && parentInfo.text === infos.get(el)?.text && parent !== root);
  };

  for (const [el, info] of infos) {
    if (selector && !hasProse(info) && el.matches(selector)) {
      // Which selector, asked only of the few elements the joined one matched.
      const rule = rules.find((candidate) => candidate.selectors?.some((one) => el.matches(one)))!;
      add(el, rule.name, 'selector', rule.selectors!.find((one) => el.matches(one))!);
    }
    if (PROTECTED_TAGS.has(el.tagName) || SKIP_TAGS.has(el.tagName)) continue;
    const tokens = classTokens(el);
    let classMatch: ClutterReason | null = null;
    if (tokens.length > 0) {
      if (!hasProse(info)) classMatch = matchClassWords(tokens, classes);
      else {
        for (const { rule, matcher } of bioClasses) {
          classMatch = isShortProse(el, info, rule) ? matchClassWords(tokens, matcher) : null;
          if (classMatch) break;
        }
      }
    }
    if (classMatch) {
      add(el, classMatch.rule, classMatch.matcher, classMatch.match);
      continue;
    }
    if (el.tagName === 'UL' || el.tagName === 'OL') {
      const rule = rules.find((candidate) => candidate.linkLists && isLinkList(el, candidate.linkLists, infos));
      if (rule) {
        add(el, rule.name, 'link-list', `${rule.linkLists!.minItems}+ items of one link up to ${rule.linkLists!.maxItemLength} characters`);
        continue;
      }
    }
    const text = info.text;
    if (text && SCREEN_READER_ONLY.test(el.getAttribute('class') ?? '')) {
      const rule = rules.find((candidate) => candidate.screenReaderLabels?.test(text));
      if (rule) {
        add(el, rule.name, 'screen-reader-label', text);
        continue;
      }
    }
    if (!text || !lastOfChain(el)) continue;
    for (const rule of rules) {
      if (rule.labels?.test(text) && standsAlone(el, info, infos)) add(topOfSameText(el, root, infos), rule.name, 'label', text);
      else if (rule.shortTexts && text.length <= rule.shortTexts.maxLength && rule.shortTexts.pattern.test(text) && standsAlone(el, info, infos)) add(el, rule.name, 'short-text', text);
      else if (rule.dateOnly && isDateOnly(text, rule.dateOnly) && standsAlone(el, info, infos)) add(el, rule.name, 'date-only', text);
      else if (rule.boxHeadings?.test(text) && isHeadingLike(el, info, infos)) for (const part of boxOf(el, root, infos)) add(part, rule.name, 'box-heading', text);
      else if (rule.linkLines && LEAD_BLOCK_TAGS.has(el.tagName) && linkShare(el, infos) >= LINK_LINE_SHARE && rule.linkLines.some((re) => re.test(text))) add(el, rule.name, 'link-line', text);
      else if (rule.leadPhrases && LEAD_BLOCK_TAGS.has(el.tagName)) {
        const phrase = rule.leadPhrases.map((re) => re.exec(text)).find(Boolean);
        if (phrase) add(leadBlockOf(el, phrase[0].length, root, infos), rule.name, 'lead-phrase', phrase[0]);
      }
    }
  }
  return outermost(found);
}

/** A menu: enough items, each nothing but one short link. */
function isLinkList(list: Element, shape: { minItems: number; maxItemLength: number }, infos: Infos): boolean {
  const items = elementChildren(list).filter((child) => child.tagName === 'LI');
  if (items.length < shape.minItems) return false;
  return items.every((item) => {
    const info = infos.get(item);
    return !!info && info.length > 0 && info.length <= shape.maxItemLength && info.linkLength >= info.length * 0.9 && item.getElementsByTagName('a').length === 1;
  });
}

/** Drops elements inside another found element; keeps document order. */
function outermost(found: Map<Element, ClutterReason>): ClutterMatch[] {
  const result: ClutterMatch[] = [];
  for (const [el, reason] of found) {
    let inside = false;
    for (let parent = el.parentElement; parent; parent = parent.parentElement) {
      if (found.has(parent)) {
        inside = true;
        break;
      }
    }
    if (!inside) result.push({ el, ...reason });
  }
  return result.sort((a, b) => (a.el.compareDocumentPosition(b.el) & 4 ? -1 : 1));
}

/**
 * Removes what `findClutter` finds; only for a clone or a detached fragment. Returns what it
 * removed, with why.
 */
export function removeClutter(root: ParentNode, rules: readonly ClutterRule[] = CLUTTER_RULES): ClutterMatch[] {
  const found = findClutter(root, rules);
  for (const { el } of found) el.remove();
  return found;
}
