/**
 * `npm run extract -- page.html --explain`: every element the extraction pipeline removes from
 * Readability's pick and every element declutter hides on the page, each with the rule that took
 * it and a short description of the element. A debugging aid for the rules, not a product feature.
 */
import { declutter, HIDDEN_ATTR, type HideReason } from './declutter';
import { extractArticle, type ExtractionRemoval, type ExtractOptions } from './extract';
import { collapseSpace } from './text';

/** One element removed or hidden, and why. */
export interface ExplainedElement {
  rule: string;
  matcher: string;
  match: string;
  /** Tag, id and first classes, and the element's first words: `div#promo.related.box "Baca juga: …"`. */
  element: string;
}

/** What one pass removed or hid, or why it refused the page. */
export type ExplainedPass = { ok: true; elements: ExplainedElement[] } | { ok: false; reason: string; detail: string };

export interface Explanation {
  extraction: ExplainedPass;
  declutter: ExplainedPass;
}

const FIRST_WORDS = 8;
const MAX_CLASSES = 3;

/** `tag#id.class.class "first words…"`: enough to find the element in the page's source. */
export function describeElement(el: Element): string {
  const id = el.id ? `#${el.id}` : '';
  const classes = collapseSpace(el.getAttribute('class') ?? '')
    .split(' ')
    .filter(Boolean)
    .slice(0, MAX_CLASSES)
    .map((name) => `.${name}`)
    .join('');
  const words = collapseSpace(el.textContent ?? '').split(' ').filter(Boolean);
  const text = words.length === 0 ? '' : ` "${words.slice(0, FIRST_WORDS).join(' ')}${words.length > FIRST_WORDS ? ' …' : ''}"`;
  return `${el.tagName.toLowerCase()}${id}${classes}${text}`;
}

function explained({ el, rule, matcher, match }: ExtractionRemoval | (HideReason & { el: Element })): ExplainedElement {
  return { rule, matcher, match, element: describeElement(el) };
}

/**
 * Extraction on `doc` (read, never changed), then declutter on it (applied, listed, restored):
 * what each removes or hides, in document order.
 */
export function explainPage(doc: Document, url: string, options: Pick<ExtractOptions, 'force'> = {}): Explanation {
  const removals: ExtractionRemoval[] = [];
  const result = extractArticle(doc, url, { ...options, onRemoved: (removal) => removals.push(removal) });
  const extraction: ExplainedPass = result.ok ? { ok: true, elements: removals.map(explained) } : { ok: false, reason: result.reason, detail: result.detail };

  const decluttered = declutter(doc);
  let hidden: ExplainedPass;
  if (decluttered.ok) {
    const { page } = decluttered;
    const order = [...doc.querySelectorAll(`[${HIDDEN_ATTR}]`)];
    hidden = { ok: true, elements: order.map((el) => explained({ el, ...page.hiddenElements.get(el)! })) };
    page.restore();
  } else hidden = { ok: false, reason: decluttered.reason, detail: decluttered.detail };
  return { extraction, declutter: hidden };
}

function section(title: string, verb: string, part: ExplainedPass): string {
  if (!part.ok) return `${title}: refused (${part.reason}: ${part.detail})\n`;
  const lines = part.elements.map(({ rule, matcher, match, element }) => `  ${rule} [${matcher}: ${match}] ${element}`);
  return `${title}: ${part.elements.length} ${part.elements.length === 1 ? 'element' : 'elements'} ${verb}\n${lines.map((line) => `${line}\n`).join('')}`;
}

/** The listing as text: one section per pass, one line per element. */
export function formatExplanation(explanation: Explanation): string {
  return `${section('extraction', 'removed from the article Readability picked', explanation.extraction)}\n${section('declutter', 'hidden on the page', explanation.declutter)}`;
}
