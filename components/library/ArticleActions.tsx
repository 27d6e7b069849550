import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { parseTags } from '@/utils/core/tags';
import type { ArticleFlags } from '@/utils/data/library-writes';

export interface ArticleActionHandlers {
  flags(flags: ArticleFlags): void;
  addTags(tags: string[]): void;
  remove(): void;
}

/** Actions on the selected articles (or, in the reader, on the one open). */
export function ArticleActions({ count, actions, state }: { count: number; actions: ArticleActionHandlers; state?: ArticleFlags }) {
  const [tag, setTag] = useState('');
  const button = (label: string, run: () => void, testid: string) => (
    <button type="button" class="button" data-testid={testid} onClick={run}>
      {label}
    </button>
  );
  const addTag = () => {
    const tags = parseTags(tag);
    if (tags.length) actions.addTags(tags);
    setTag('');
  };
  return (
    <div class="actions" role="toolbar">
      {count > 1 && <span class="actions__count">{i18n.t('library.selected', count, [count])}</span>}
      {state?.readState !== 'read' && button(i18n.t('library.markRead'), () => actions.flags({ readState: 'read' }), 'mark-read')}
      {state?.readState !== 'unread' && button(i18n.t('library.markUnread'), () => actions.flags({ readState: 'unread' }), 'mark-unread')}
      {state?.favorite !== true && button(i18n.t('library.favorite'), () => actions.flags({ favorite: true }), 'favorite')}
      {state?.favorite !== false && button(i18n.t('library.unfavorite'), () => actions.flags({ favorite: false }), 'unfavorite')}
      {state?.archived !== true && button(i18n.t('library.archive'), () => actions.flags({ archived: true }), 'archive')}
      {state?.archived !== false && button(i18n.t('library.unarchive'), () => actions.flags({ archived: false }), 'unarchive')}
      {!state && (
        <form
          class="actions__tag"
          onSubmit={(event) => {
            event.preventDefault();
            addTag();
          }}
        >
          <input class="field__input" value={tag} placeholder={i18n.t('library.addTagPlaceholder')} onInput={(event) => setTag(event.currentTarget.value)} data-testid="bulk-tag" />
          <button type="submit" class="button">
            {i18n.t('library.addTag')}
          </button>
        </form>
      )}
      <button type="button" class="button button--danger" data-testid="delete" onClick={actions.remove}>
        {i18n.t('library.delete')}
      </button>
    </div>
  );
}
