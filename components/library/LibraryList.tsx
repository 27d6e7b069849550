import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { ArticleRow } from './ArticleRow';
import { ArticleActions, type ArticleActionHandlers } from './ArticleActions';
import { VirtualList } from './VirtualList';
import type { LibraryState } from './useLibrary';
import type { SortOrder } from '@/utils/core/search/library-search';

export type ShowFilter = 'all' | 'unread' | 'read' | 'favorite' | 'archived';
const SHOW_QUALIFIER: Record<ShowFilter, string> = { all: '', unread: 'is:unread', read: 'is:read', favorite: 'is:favorite', archived: 'is:archived' };

const SORTS: { value: string; label: () => string; order: SortOrder }[] = [
  { value: 'relevance', label: () => i18n.t('library.sortRelevance'), order: { key: 'relevance', descending: true } },
  { value: 'saved-desc', label: () => i18n.t('library.sortSavedNewest'), order: { key: 'saved', descending: true } },
  { value: 'saved-asc', label: () => i18n.t('library.sortSavedOldest'), order: { key: 'saved', descending: false } },
  { value: 'published-desc', label: () => i18n.t('library.sortPublishedNewest'), order: { key: 'published', descending: true } },
  { value: 'title-asc', label: () => i18n.t('library.sortTitle'), order: { key: 'title', descending: false } },
  { value: 'reading-asc', label: () => i18n.t('library.sortShortest'), order: { key: 'reading', descending: false } },
  { value: 'reading-desc', label: () => i18n.t('library.sortLongest'), order: { key: 'reading', descending: true } },
];

/** What the list shows; kept by the page so that coming back from an article finds it as left. */
export interface ListState {
  query: string;
  show: ShowFilter;
  sort: string;
  cursor: number;
  selected: Set<number>;
}

export const INITIAL_LIST_STATE: ListState = { query: '', show: 'all', sort: 'relevance', cursor: 0, selected: new Set() };

const ROW_HEIGHT = 84;

export interface LibraryListProps {
  library: LibraryState;
  locale: string;
  state: ListState;
  onState(update: Partial<ListState>): void;
  actionsFor(ids: number[]): ArticleActionHandlers;
  onOpen(id: number): void;
}

const isTyping = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

export function LibraryList({ library, locale, state, onState, actionsFor, onOpen }: LibraryListProps) {
  const searchBox = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState(state.query);
  const { search, version } = library;
  // "Best match" means nothing without words to match: the list is then newest saved first.
  const searching = state.query.trim() !== '';
  const sortValue = !searching && state.sort === 'relevance' ? 'saved-desc' : state.sort;
  const sorts = searching ? SORTS : SORTS.filter((sort) => sort.value !== 'relevance');
  const order = (SORTS.find((sort) => sort.value === sortValue) ?? SORTS[0]!).order;
  const fullQuery = `${state.query} ${SHOW_QUALIFIER[state.show]}`.trim();
  // `version` changes whenever what `search` holds does (the object stays the same), so it is the
  // dependency that stands for the index's contents.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const outcome = useMemo(() => search.search(fullQuery, order), [search, version, fullQuery, order]);
  const ids = outcome.ids;
  const cursor = Math.min(state.cursor, ids.length - 1);

  // Figures for bench:library: first list in the DOM, and each query from keystroke to results in the DOM.
  const listed = ids.length > 0;
  useLayoutEffect(() => {
    if (listed && !performance.getEntriesByName('library:first-render').length) performance.mark('library:first-render');
  }, [listed]);
  useLayoutEffect(() => {
    if (performance.getEntriesByName('library:query').length) {
      performance.measure('library:search', 'library:query');
      performance.clearMarks('library:query');
    }
  }, [outcome]);

  // Back from an article (Esc, or the back link), the keyboard is on the row it left.
  const hasRows = ids.length > 0;
  useEffect(() => {
    if (!hasRows || (document.activeElement && document.activeElement !== document.body)) return;
    document.querySelector<HTMLElement>('.article-row--current .article-row__title')?.focus({ preventScroll: true });
  }, [hasRows]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === '/' && !isTyping(event.target)) {
        event.preventDefault();
        searchBox.current?.focus();
        searchBox.current?.select();
        return;
      }
      if (isTyping(event.target) && event.target !== searchBox.current) return;
      if (event.key === 'Escape' && event.target === searchBox.current) {
        searchBox.current?.blur();
        return;
      }
      if (event.target === searchBox.current && event.key !== 'Enter' && event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      if (event.key === 'j' || event.key === 'ArrowDown') {
        event.preventDefault();
        onState({ cursor: Math.min(ids.length - 1, cursor + 1) });
      } else if (event.key === 'k' || event.key === 'ArrowUp') {
        event.preventDefault();
        onState({ cursor: Math.max(0, cursor - 1) });
      } else if (event.key === 'Enter' && ids[cursor] !== undefined) {
        event.preventDefault();
        onOpen(ids[cursor]!);
      } else if (event.key === 'x' && ids[cursor] !== undefined) {
        const selected = new Set(state.selected);
        if (!selected.delete(ids[cursor]!)) selected.add(ids[cursor]!);
        onState({ selected });
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [ids, cursor, state.selected, onState, onOpen]);

  const now = Date.now();
  const selectedIds = [...state.selected].filter((id) => search.get(id));
  const allShownSelected = ids.length > 0 && ids.every((id) => state.selected.has(id));

  return (
    <main class="library__main">
      <div class="library__controls">
        <input
          ref={searchBox}
          type="search"
          class="field__input library__search"
          data-testid="search"
          aria-label={i18n.t('library.search')}
          aria-describedby="library-search-help"
          placeholder={i18n.t('library.searchPlaceholder')}
          value={typed}
          onInput={(event) => {
            performance.mark('library:query');
            setTyped(event.currentTarget.value);
            onState({ query: event.currentTarget.value, cursor: 0 });
          }}
        />
        <label class="library__select">
          <span>{i18n.t('library.show')}</span>
          <select data-testid="show" value={state.show} onChange={(event) => onState({ show: event.currentTarget.value as ShowFilter, cursor: 0 })}>
            <option value="all">{i18n.t('library.showAll')}</option>
            <option value="unread">{i18n.t('library.showUnread')}</option>
            <option value="read">{i18n.t('library.showRead')}</option>
            <option value="favorite">{i18n.t('library.showFavorites')}</option>
            <option value="archived">{i18n.t('library.showArchived')}</option>
          </select>
        </label>
        <label class="library__select">
          <span>{i18n.t('library.sort')}</span>
          <select data-testid="sort" value={sortValue} onChange={(event) => onState({ sort: event.currentTarget.value, cursor: 0 })}>
            {sorts.map((sort) => (
              <option key={sort.value} value={sort.value}>
                {sort.label()}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p class="library__status">
        <label class="library__select-all">
          <input
            type="checkbox"
            data-testid="select-all"
            checked={allShownSelected}
            onChange={(event) => onState({ selected: event.currentTarget.checked ? new Set(ids) : new Set() })}
          />
          {i18n.t('library.selectAll')}
        </label>
        <span class="library__count" data-testid="match-count">
          {!library.complete ? '' : fullQuery ? i18n.t('library.matches', ids.length, [ids.length]) : i18n.t('library.count', ids.length, [ids.length])}
        </span>
        {library.indexing.done < library.indexing.total && <span data-testid="indexing">{i18n.t('library.indexing', [library.indexing.done, library.indexing.total])}</span>}
        <span class="library__help" id="library-search-help">
          {i18n.t('library.searchHelp')} {i18n.t('library.searchQualifiers')}
        </span>
      </p>
      {outcome.invalid.length > 0 && <p class="banner">{i18n.t('library.invalidQualifiers', [outcome.invalid.join(' ')])}</p>}
      {selectedIds.length > 0 && (
        <div class="library__bulk" data-testid="bulk-bar">
          <ArticleActions count={selectedIds.length} actions={actionsFor(selectedIds)} />
          <button type="button" class="button button--link" onClick={() => onState({ selected: new Set() })}>
            {i18n.t('library.clearSelection')}
          </button>
        </div>
      )}
      {ids.length === 0 && library.complete ? (
        <p class="library__empty">{fullQuery ? i18n.t('library.noMatches') : i18n.t('library.empty')}</p>
      ) : (
        <VirtualList
          items={ids}
          rowHeight={ROW_HEIGHT}
          cursor={cursor}
          itemKey={(id) => id}
          label={i18n.t('library.title')}
          renderRow={(id, index) => {
            const entry = search.get(id)!;
            return (
              <ArticleRow
                article={entry.article}
                locale={locale}
                now={now}
                current={index === cursor}
                selected={state.selected.has(id)}
                onSelect={(on) => {
                  const selected = new Set(state.selected);
                  if (on) selected.add(id);
                  else selected.delete(id);
                  onState({ selected, cursor: index });
                }}
              />
            );
          }}
        />
      )}
    </main>
  );
}
