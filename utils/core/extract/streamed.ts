import { elementsByTag } from '../dom';

/**
 * React's streaming server rendering (React 18+, as Next.js serves it) sends a page's late parts
 * at the end of the body in `<div hidden id="S:n">` and leaves `<template id="B:n">` where they
 * belong; a script moves each one into place. A page saved before that script ran, or read without
 * scripts, holds its whole article in a hidden div. This does what the script does, on a clone.
 *
 * Two scripts, two placeholders: a Suspense boundary's content (`$RC("B:n","S:n")`) waits at
 * `<template id="B:n">`, a partial segment's (`$RS("S:n","P:n")`) at `<template id="P:n">`.
 */
export function revealStreamedContent(doc: Document): number {
  let moved = 0;
  for (const holder of elementsByTag(doc.body ?? doc.documentElement, 'div')) {
    const id = holder.getAttribute('id');
    if (!id?.startsWith('S:') || !holder.hasAttribute('hidden') || !holder.isConnected) continue;
    const placeholder = placeholderOf(doc, id.slice(2));
    if (!placeholder) continue;
    const fragment = doc.createDocumentFragment();
    while (holder.firstChild) fragment.append(holder.firstChild);
    placeholder.replaceWith(fragment);
    holder.remove();
    moved += 1;
  }
  return moved;
}

function placeholderOf(doc: Document, n: string): Element | null {
  for (const prefix of ['B:', 'P:']) {
    const placeholder = doc.getElementById(prefix + n);
    if (placeholder?.localName === 'template') return placeholder;
  }
  return null;
}
