import { HEAD_ATTR, NOSCRIPT_TEXT_ATTR, NUMBER_ATTR, type PageSnapshot } from './types';

export interface ReadSnapshot {
  /** The page's document as parsed again here, without Kliping's attributes. */
  doc: Document;
  /** An element's number on the page, for a numbered snapshot (null: made by the parser). */
  numberOf: (el: Element) => number | null;
}

const parseHtml = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

/**
 * Readability resolves links against `doc.baseURI` and leaves `#hash` links alone when that is
 * the document's own address; a parsed document has the extension page's. It answers with the
 * page's instead, and so do its clones (the pipeline always works on a clone).
 */
function answerAsPage(doc: Document, snapshot: PageSnapshot): Document {
  Object.defineProperties(doc, {
    baseURI: { value: snapshot.baseURI },
    documentURI: { value: snapshot.documentURI },
    cloneNode: {
      value(this: Document, deep?: boolean) {
        return answerAsPage(Document.prototype.cloneNode.call(this, deep) as Document, snapshot);
      },
    },
  });
  return doc;
}

/**
 * The extension side: the snapshot parsed into a document the pipeline cannot tell from a clone
 * of the page's (noscript text put back, numbers moved from attributes into `numberOf`).
 */
export function readSnapshot(snapshot: PageSnapshot, parse: (html: string) => Document = parseHtml): ReadSnapshot {
  const doc = parse(snapshot.html);
  const head = doc.head?.querySelector<HTMLTemplateElement>(`template[${HEAD_ATTR}]`);
  if (head) head.replaceWith(head.content);
  for (const noscript of doc.querySelectorAll(`noscript[${NOSCRIPT_TEXT_ATTR}]`)) {
    noscript.textContent = noscript.getAttribute(NOSCRIPT_TEXT_ATTR);
    noscript.removeAttribute(NOSCRIPT_TEXT_ATTR);
  }
  const numbers = new Map<Element, number>();
  if (snapshot.numbered) {
    for (const el of doc.querySelectorAll(`[${NUMBER_ATTR}]`)) {
      numbers.set(el, Number(el.getAttribute(NUMBER_ATTR)));
      el.removeAttribute(NUMBER_ATTR);
    }
  }
  return { doc: answerAsPage(doc, snapshot), numberOf: (el) => numbers.get(el) ?? null };
}
