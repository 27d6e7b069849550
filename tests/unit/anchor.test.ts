import { beforeEach, describe, expect, it } from 'vitest';
import { anchor, clearHighlights, describeRange, paintHighlight, type Selectors } from '@/utils/core/highlight/anchor';

let root: HTMLElement;
beforeEach(() => {
  document.body.innerHTML = '<div id="body"><h2>Kopi Gayo</h2><p>Harga kopi <em>arabika</em> naik. Petani senang.</p><p>Harga kopi turun di Jawa.</p></div>';
  root = document.getElementById('body')!;
});

function select(startNode: Node, startOffset: number, endNode: Node, endOffset: number): Range {
  const range = document.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range;
}

describe('describeRange', () => {
  it('records the quote with context and its position, across elements', () => {
    const p = root.querySelectorAll('p')[0]!;
    // From "kopi" in "Harga kopi " to the end of "arabika".
    const selectors = describeRange(root, select(p.firstChild!, 6, p.querySelector('em')!.firstChild!, 7))!;
    const text = root.textContent!;
    expect(selectors.quote.exact).toBe('kopi arabika');
    expect(text.slice(selectors.position.start, selectors.position.end)).toBe('kopi arabika');
    expect(selectors.quote.prefix).toBe('Kopi GayoHarga ');
    expect(selectors.quote.suffix).toBe(' naik. Petani senang.Harga kopi ');
    expect(selectors.quote.suffix.length).toBeLessThanOrEqual(32);
  });

  it('ignores an empty or outside selection', () => {
    const p = root.querySelector('p')!;
    expect(describeRange(root, select(p.firstChild!, 2, p.firstChild!, 2))).toBeNull();
    const outside = document.createElement('p');
    outside.textContent = 'x';
    document.body.appendChild(outside);
    expect(describeRange(root, select(outside.firstChild!, 0, outside.firstChild!, 1))).toBeNull();
  });
});

describe('anchor', () => {
  const text = 'Harga kopi naik. Petani senang. Harga kopi turun.';
  const second: Selectors = {
    quote: { type: 'TextQuoteSelector', exact: 'Harga kopi', prefix: 'Petani senang. ', suffix: ' turun.' },
    position: { type: 'TextPositionSelector', start: 32, end: 42 },
  };

  it('picks the occurrence whose context matches, wherever the text moved', () => {
    expect(anchor(text, second)).toEqual({ start: 32, end: 42, by: 'quote' });
    const edited = 'Berita baru di awal. ' + text;
    expect(anchor(edited, second)).toEqual({ start: 53, end: 63, by: 'quote' });
  });

  it('falls back to the position when the quote only differs in spacing or case', () => {
    const respaced = 'Harga kopi naik. Petani senang. harga  kopi turun.';
    expect(anchor(respaced, { ...second, position: { type: 'TextPositionSelector', start: 32, end: 43 } })).toEqual({ start: 32, end: 43, by: 'position' });
  });

  it('gives up when the quote is gone, so the caller can list it', () => {
    expect(anchor('Teks yang sama sekali lain.', second)).toBeNull();
  });
});

describe('painting', () => {
  it('wraps exactly the anchored text, across elements, and clears back to the original', () => {
    const original = root.innerHTML;
    const text = root.textContent!;
    const start = text.indexOf('kopi arabika');
    const marks = paintHighlight(root, 'h1', start, start + 'kopi arabika'.length, 'green');
    expect(marks.map((mark) => mark.textContent)).toEqual(['kopi ', 'arabika']);
    expect(marks[0]!.className).toBe('highlight highlight--green');
    expect(root.textContent).toBe(text);
    // A second highlight still anchors on the same offsets after the first was painted.
    const turun = text.indexOf('turun');
    expect(paintHighlight(root, 'h2', turun, turun + 5).map((mark) => mark.textContent)).toEqual(['turun']);
    clearHighlights(root);
    expect(root.innerHTML).toBe(original);
  });
});
