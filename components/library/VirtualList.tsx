import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface VirtualListProps<T> {
  items: T[];
  rowHeight: number;
  /** Index of the row the keyboard is on: kept in view. */
  cursor: number;
  renderRow(item: T, index: number): ComponentChildren;
  itemKey(item: T): string | number;
  label?: string;
}

const OVERSCAN = 6;

/**
 * A list that renders only the rows in view (plus a few), so ten thousand articles scroll as
 * smoothly as ten. Rows have one fixed height; the list is its own scroll container.
 */
export function VirtualList<T>({ items, rowHeight, cursor, renderRow, itemKey, label }: VirtualListProps<T>) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(800);

  useLayoutEffect(() => {
    const element = ref.current!;
    setHeight(element.clientHeight || 800);
    const observer = new ResizeObserver(() => setHeight(element.clientHeight || 800));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = ref.current;
    if (!element || cursor < 0) return;
    const top = cursor * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + element.clientHeight) element.scrollTop = top + rowHeight - element.clientHeight;
  }, [cursor, rowHeight]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  const rows = [];
  for (let index = first; index < last; index++) {
    const item = items[index]!;
    rows.push(
      <li key={itemKey(item)} class="vlist__row" style={{ top: `${index * rowHeight}px`, height: `${rowHeight}px` }} aria-setsize={items.length} aria-posinset={index + 1}>
        {renderRow(item, index)}
      </li>,
    );
  }
  return (
    // Not a Tab stop of its own (Firefox makes scroll containers focusable): the rows' one Tab stop
    // and j/k or the arrows already move through it.
    <div ref={ref} class="vlist" tabIndex={-1} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
      <ol class="vlist__inner" style={{ height: `${items.length * rowHeight}px` }} aria-label={label} data-testid="article-list">
        {rows}
      </ol>
    </div>
  );
}
