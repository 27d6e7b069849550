import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { FetchArticle } from './FetchArticle';
import { SavedCopy } from './SavedCopy';
import { keptImagesKey } from '../shared/useKeptImages';
import { NotesAndTags } from '../shared/NotesAndTags';
import { useLatest } from '../shared/useLatest';
import { ArticleActions, type ArticleActionHandlers } from './ArticleActions';
import type { SavedCopy as SavedCopyData } from '@/utils/data/articles';
import type { LibraryStore } from '@/utils/data/library-store';
import { backgroundMessenger } from '@/utils/browser/messaging';
import { HIGHLIGHT_COLORS, type HighlightColor, type HighlightRecord } from '@/utils/core/records';
import { anchor, clearHighlights, describeRange, paintHighlight, type Selectors } from '@/utils/core/highlight/anchor';

export interface ArticleReaderProps {
  store: LibraryStore;
  id: number;
  locale: string;
  write(run: () => Promise<unknown>): Promise<boolean>;
  actions: ArticleActionHandlers;
}

/** Progress is a position, not the user's words: written once scrolling settles, and on leaving. */
const PROGRESS_SETTLE_MS = 700;

export function ArticleReader({ store, id, locale, write, actions }: ArticleReaderProps) {
  const [copy, setCopy] = useState<SavedCopyData | null | undefined>(undefined);
  const [highlights, setHighlights] = useState<HighlightRecord[] | undefined>(undefined);
  useEffect(() => {
    const watching = [store.watchCopy(id, setCopy), store.watchHighlights(id, setHighlights)];
    return () => watching.forEach((subscription) => subscription.unsubscribe());
  }, [store, id]);
  const body = useRef<HTMLDivElement>(null);
  const [orphans, setOrphans] = useState<Set<string>>(new Set());
  const [pending, setPending] = useState<{ selectors: Selectors; top: number; left: number } | null>(null);
  const html = copy?.html ?? null;
  // Kept images arriving re-render the body, which takes its highlights' marks with it.
  const imagesKey = keptImagesKey(copy?.images);

  // Paint highlights where they re-attach; the rest are listed as not found.
  useEffect(() => {
    const root = body.current;
    if (!root || !highlights) return;
    clearHighlights(root);
    const text = root.textContent ?? '';
    const lost = new Set<string>();
    for (const highlight of highlights) {
      const found = anchor(text, highlight.selector);
      if (found) paintHighlight(root, highlight.id, found.start, found.end, highlight.color);
      else lost.add(highlight.id);
    }
    setOrphans(lost);
  }, [html, imagesKey, highlights]);

  // Reading progress: restored once, then remembered.
  const restored = useRef(false);
  useEffect(() => {
    if (!copy || restored.current) return;
    restored.current = true;
    const room = document.documentElement.scrollHeight - innerHeight;
    if (copy.article.readingProgress > 0 && room > 0) scrollTo(0, copy.article.readingProgress * room);
  }, [copy]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let dirty = false;
    const progress = () => {
      const room = document.documentElement.scrollHeight - innerHeight;
      return room > 0 ? scrollY / room : 1;
    };
    const flush = () => {
      clearTimeout(timer);
      if (dirty) void write(() => backgroundMessenger.sendMessage('setReadingProgress', { articleId: id, progress: progress() }));
      dirty = false;
    };
    const onScroll = () => {
      dirty = true;
      clearTimeout(timer);
      timer = setTimeout(flush, PROGRESS_SETTLE_MS);
    };
    addEventListener('scroll', onScroll, { passive: true });
    addEventListener('pagehide', flush);
    return () => {
      flush();
      removeEventListener('scroll', onScroll);
      removeEventListener('pagehide', flush);
    };
  }, [id, write]);

  // A selection inside the body offers to highlight it.
  useEffect(() => {
    const onSelect = () => {
      const selection = getSelection();
      const root = body.current;
      if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !root) {
        setPending(null);
        return;
      }
      const range = selection.getRangeAt(0);
      const selectors = describeRange(root, range);
      if (!selectors) {
        setPending(null);
        return;
      }
      const rect = range.getBoundingClientRect();
      setPending({ selectors, top: rect.bottom + scrollY + 6, left: rect.left + scrollX });
    };
    document.addEventListener('mouseup', onSelect);
    document.addEventListener('keyup', onSelect);
    return () => {
      document.removeEventListener('mouseup', onSelect);
      document.removeEventListener('keyup', onSelect);
    };
  }, []);

  // Keyboard: H highlights the selection; Esc clears it, leaves a field, or goes back to the list.
  const pendingRef = useRef(pending);
  pendingRef.current = pending;
  const highlightLatest = useLatest((selectors: Selectors) => highlightSelection(selectors));
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      const typing = !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (event.key === 'Escape') {
        event.preventDefault();
        if (typing) target!.blur();
        else if (pendingRef.current) {
          getSelection()?.removeAllRanges();
          setPending(null);
        } else location.hash = '#/';
      } else if (!typing && (event.key === 'h' || event.key === 'H') && pendingRef.current) {
        event.preventDefault();
        void highlightLatest.current(pendingRef.current.selectors);
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [highlightLatest]);

  const highlightSelection = async (selectors: Selectors) => {
    setPending(null);
    getSelection()?.removeAllRanges();
    await write(() => backgroundMessenger.sendMessage('addHighlight', { articleId: id, selector: selectors, color: 'yellow' }));
  };

  if (copy === undefined) return null;
  if (copy === null) return <p class="library__empty">{i18n.t('library.notFound')}</p>;
  const { article } = copy;

  return (
    <div class="library__reader-layout">
      <SavedCopy copy={copy} locale={locale} bodyRef={body} showNotes={false}>
        <ArticleActions count={1} actions={actions} state={{ readState: article.readState, favorite: article.favorite, archived: article.archived }} />
        {article.contentStatus === 'pending-fetch' && <FetchArticle key={article.id} article={article} />}
      </SavedCopy>
      {pending && (
        <button
          type="button"
          class="button button--primary highlight-button"
          data-testid="highlight-selection"
          style={{ top: `${pending.top}px`, left: `${pending.left}px` }}
          onMouseDown={(event) => event.preventDefault()}
          title={i18n.t('library.highlightHint')}
          aria-keyshortcuts="h"
          onClick={() => pending && void highlightSelection(pending.selectors)}
        >
          {i18n.t('library.highlight')}
        </button>
      )}
      <aside class="library__side" key={id}>
        <NotesAndTags
          place="library"
          initialNotes={copy.notes}
          initialTags={article.tags}
          onNotes={(text) => void write(() => backgroundMessenger.sendMessage('writeNotes', { articleId: id, text }))}
          onTags={(tags) => void write(() => backgroundMessenger.sendMessage('writeTags', { articleId: id, tags }))}
        />
        <h2 class="library__side-title">{i18n.t('library.highlights')}</h2>
        {highlights && highlights.length === 0 && <p class="library__muted">{i18n.t('library.noHighlights')}</p>}
        <ol class="highlights" data-testid="highlights">
          {highlights?.map((item) => (
            <HighlightItem key={item.id} item={item} orphaned={orphans.has(item.id)} write={write} />
          ))}
        </ol>
      </aside>
    </div>
  );
}

function HighlightItem({ item, orphaned, write }: { item: HighlightRecord; orphaned: boolean; write: ArticleReaderProps['write'] }) {
  const jump = () => document.querySelector(`mark[data-highlight-id="${item.id}"]`)?.scrollIntoView({ block: 'center' });
  return (
    <li class={`highlights__item highlight--${item.color ?? 'yellow'}-edge`} data-testid="highlight-item" data-orphaned={orphaned ? 'true' : 'false'}>
      <blockquote class="highlights__quote" onClick={jump}>
        {item.quote}
      </blockquote>
      {orphaned && (
        <p class="highlights__orphan" data-testid="highlight-orphaned">
          {i18n.t('library.orphaned')}
        </p>
      )}
      <textarea
        class="field__input"
        rows={2}
        data-testid="highlight-note"
        aria-label={i18n.t('library.highlightNote')}
        placeholder={i18n.t('library.highlightNote')}
        defaultValue={item.note ?? ''}
        onInput={(event) => void write(() => backgroundMessenger.sendMessage('setHighlightNote', { id: item.id, note: event.currentTarget.value }))}
      />
      <div class="highlights__tools">
        {HIGHLIGHT_COLORS.map((color: HighlightColor) => (
          <button
            key={color}
            type="button"
            class={`swatch highlight--${color}`}
            aria-pressed={(item.color ?? 'yellow') === color}
            aria-label={`${i18n.t('library.color')}: ${i18n.t(`library.colors.${color}`)}`}
            onClick={() => void write(() => backgroundMessenger.sendMessage('setHighlightColor', { id: item.id, color }))}
          />
        ))}
        <button type="button" class="button button--link" data-testid="delete-highlight" onClick={() => void write(() => backgroundMessenger.sendMessage('deleteHighlight', { id: item.id }))}>
          {i18n.t('library.deleteHighlight')}
        </button>
      </div>
    </li>
  );
}
