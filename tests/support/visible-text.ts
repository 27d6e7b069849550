import { HIDDEN_ATTR } from '@/utils/core/declutter';

const UNSEEN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
const INLINE = new Set(['A', 'B', 'STRONG', 'EM', 'I', 'SPAN', 'TIME']);

/**
 * The page's lines as a reader sees them once the declutter stylesheet applies (hidden subtrees
 * skipped): the unit tests' stand-in for `innerText`, which a parsed document has no layout for.
 */
export function visibleLines(root: Element): string[] {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) parts.push(node.nodeValue ?? '');
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (el.hasAttribute(HIDDEN_ATTR) || UNSEEN.has(el.tagName)) return;
    const inline = INLINE.has(el.tagName);
    if (!inline) parts.push('\n');
    for (let child = el.firstChild; child; child = child.nextSibling) walk(child);
    if (!inline) parts.push('\n');
  };
  walk(root);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

export const visibleText = (root: Element): string => visibleLines(root).join(' ');
