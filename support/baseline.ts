import { Readability } from '@mozilla/readability';
import { blockText } from '../utils/core/extract/text';

export interface BaselineOutput {
  text: string;
  title: string | null;
  byline: string | null;
  lang: string | null;
  publishedTime: string | null;
}

/**
 * Plain Readability, the baseline every figure is measured against: on a clone, no serializing,
 * its content turned into text by the same block-aware conversion Kliping uses.
 */
export function readabilityOnly(doc: Document): BaselineOutput | null {
  const clone = doc.cloneNode(true) as Document;
  const parsed = new Readability<Element>(clone, { serializer: (el) => el as Element }).parse();
  if (!parsed?.content) return null;
  return {
    text: blockText(parsed.content),
    title: parsed.title ?? null,
    byline: parsed.byline ?? null,
    lang: parsed.lang ?? null,
    publishedTime: parsed.publishedTime ?? null,
  };
}
