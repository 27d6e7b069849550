import DOMPurify, { type DOMPurify as Purifier, type WindowLike } from 'dompurify';

/** Embeds a reader may keep: video players of well-known hosts, nothing else. */
const VIDEO_EMBED =
  /^https:\/\/(www\.)?(youtube(-nocookie)?\.com\/embed\/|player\.vimeo\.com\/video\/|dailymotion\.com\/embed\/|www\.dailymotion\.com\/embed\/)/;

const FORBID_TAGS = ['script', 'style', 'form', 'input', 'button', 'textarea', 'select', 'object', 'embed', 'link', 'meta', 'base', 'frame', 'frameset'];

const purifiers = new WeakMap<object, Purifier>();

/** One DOMPurify per window (tests and the CLI bring their own), hooks installed once. */
function purifierFor(win: WindowLike): Purifier {
  let purify = purifiers.get(win);
  if (purify) return purify;
  purify = DOMPurify(win);
  purify.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName !== 'iframe') return;
    const src = (node as Element).getAttribute('src') ?? '';
    if (!VIDEO_EMBED.test(src)) node.parentNode?.removeChild(node);
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  purifiers.set(win, purify);
  return purify;
}

/**
 * Page HTML is hostile: everything shown or stored passes through here. No scripts, handlers,
 * `javascript:` URLs, forms, inline styles, or frames other than known video players.
 */
const CONFIG = {
  FORBID_TAGS,
  ADD_TAGS: ['iframe'],
  ADD_ATTR: ['allowfullscreen', 'frameborder', 'target'],
  FORBID_ATTR: ['style'],
  ALLOW_DATA_ATTR: false,
};

export function sanitizeHtml(html: string, win: WindowLike = globalThis.window): string {
  return purifierFor(win).sanitize(html, CONFIG);
}

/**
 * The same sanitizing, returned as the `<body>` DOMPurify parsed the markup into (an inert
 * document's, never attached to a page): callers that go on working with the markup (the
 * extraction pipeline) skip parsing DOMPurify's output a second time. Its `innerHTML` is what
 * `sanitizeHtml` returns.
 */
export function sanitizeToBody(html: string, win: WindowLike = globalThis.window): HTMLElement {
  // RETURN_DOM hands back the parsed document's body (typed only as a Node).
  return purifierFor(win).sanitize(html, { ...CONFIG, RETURN_DOM: true }) as HTMLElement;
}
