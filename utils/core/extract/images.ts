import { elementsByTag } from '../dom';

/** Attributes lazy loaders keep the real image URL in, best first. */
const LAZY_SRC = ['data-src', 'data-lazy-src', 'data-original', 'data-lazy', 'data-url', 'data-hi-res-src', 'data-full-src'];
const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset'];
/** A `src` that is only a stand-in until a script swaps in the real image. */
const PLACEHOLDER = /^data:|(?:^|\/)(?:blank|spacer|placeholder|lazy|loading|transparent|pixel|grey|gray)[^/]*\.(?:gif|png|svg|jpe?g)(?:$|\?)/i;

function largestFromSrcset(srcset: string): string | null {
  let best: { url: string; size: number } | null = null;
  for (const candidate of srcset.split(/,\s+(?=\S)/)) {
    const [url, descriptor = '1x'] = candidate.trim().split(/\s+/);
    if (!url) continue;
    const size = parseFloat(descriptor) * (descriptor.endsWith('x') ? 1000 : 1);
    if (!best || size > best.size) best = { url, size: Number.isFinite(size) ? size : 0 };
  }
  return best?.url ?? null;
}

/** `<noscript><img></noscript>` content as elements, whether the parser read it as markup or text. */
function noscriptImage(noscript: Element): Element | null {
  let img = elementsByTag(noscript, 'img')[0] ?? null;
  if (!img && /<img/i.test(noscript.textContent ?? '')) {
    const template = noscript.ownerDocument.createElement('template');
    template.innerHTML = noscript.textContent ?? ''; // inert: template content never loads or runs
    img = template.content.querySelector('img');
  }
  return img && img.getAttribute('src') ? img : null;
}

/**
 * Makes lazy images real on a clone: `data-src`-style attributes, `srcset` behind a placeholder,
 * and `<noscript>` fallbacks replace the stand-in the page shows before its scripts run.
 */
export function resolveLazyImages(root: Element): void {
  for (const noscript of elementsByTag(root, 'noscript')) {
    const img = noscriptImage(noscript);
    if (!img) continue;
    const previous = noscript.previousElementSibling;
    const placeholder = previous?.tagName === 'IMG' ? previous : previous?.querySelector?.('img');
    const copy = noscript.ownerDocument.importNode(img, true);
    if (placeholder && (!placeholder.getAttribute('src') || PLACEHOLDER.test(placeholder.getAttribute('src') ?? '') || LAZY_SRC.some((a) => placeholder.hasAttribute(a)))) {
      placeholder.replaceWith(copy);
      noscript.remove();
    } else if (!placeholder) {
      noscript.replaceWith(copy);
    }
  }
  // Each element is resolved on its own: images and sources may go in turn, not in document order.
  for (const img of [...elementsByTag(root, 'img'), ...elementsByTag(root, 'source')]) {
    const lazySrc = LAZY_SRC.map((a) => img.getAttribute(a)?.trim()).find((v) => v && !PLACEHOLDER.test(v));
    const lazySrcset = LAZY_SRCSET.map((a) => img.getAttribute(a)?.trim()).find(Boolean);
    if (lazySrcset) img.setAttribute('srcset', lazySrcset);
    const src = img.getAttribute('src') ?? '';
    if (img.tagName === 'IMG') {
      if (lazySrc && (!src || PLACEHOLDER.test(src) || src !== lazySrc)) img.setAttribute('src', lazySrc);
      else if ((!src || PLACEHOLDER.test(src)) && img.getAttribute('srcset')) {
        const best = largestFromSrcset(img.getAttribute('srcset')!);
        if (best) img.setAttribute('src', best);
      }
    } else if (lazySrc && !src) img.setAttribute('src', lazySrc);
  }
}

/** The attributes that hold a URL, per element. */
const URL_ATTRS: Record<string, string[]> = {
  a: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  video: ['src', 'poster'],
  audio: ['src'],
  iframe: ['src'],
  track: ['src'],
};

function absolute(value: string, base: string): string {
  const trimmed = value.trim();
  if (trimmed.startsWith('#') || /^(?:data|mailto|tel):/i.test(trimmed)) return trimmed;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return trimmed;
  }
}

function absoluteSrcset(srcset: string, base: string): string {
  return srcset
    .split(/,\s+(?=\S)/)
    .map((candidate) => {
      const [url, ...rest] = candidate.trim().split(/\s+/);
      return url ? [absolute(url, base), ...rest].join(' ') : '';
    })
    .filter(Boolean)
    .join(', ');
}

/** Relative links and media made absolute against the page URL, so the saved copy still works. */
export function absolutizeUrls(root: Element, base: string): void {
  for (const [tag, attrs] of Object.entries(URL_ATTRS)) {
    for (const el of elementsByTag(root, tag)) {
      for (const attr of attrs) {
        const value = el.getAttribute(attr);
        if (value !== null) el.setAttribute(attr, attr === 'srcset' ? absoluteSrcset(value, base) : absolute(value, base));
      }
    }
  }
}
