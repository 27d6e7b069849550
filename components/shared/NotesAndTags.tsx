import { i18n } from '#i18n';
import { parseTags } from '@/utils/core/tags';

/** Where the fields sit: over an open page (popup, reader view) or beside a saved copy in the library. */
export type NotesAndTagsPlace = 'page' | 'library';

const PLACES: Record<NotesAndTagsPlace, { tags: () => string; tagsHint: () => string; notes: () => string; notesHint: () => string; tagsTestId: string; notesTestId: string; rows: number }> = {
  page: {
    tags: () => i18n.t('popup.tags'),
    tagsHint: () => i18n.t('popup.tagsPlaceholder'),
    notes: () => i18n.t('popup.notes'),
    notesHint: () => i18n.t('popup.notesPlaceholder'),
    tagsTestId: 'tags',
    notesTestId: 'notes',
    rows: 4,
  },
  library: {
    tags: () => i18n.t('library.tags'),
    tagsHint: () => i18n.t('library.tagsPlaceholder'),
    notes: () => i18n.t('library.notes'),
    notesHint: () => i18n.t('library.notesPlaceholder'),
    tagsTestId: 'article-tags',
    notesTestId: 'saved-notes',
    rows: 6,
  },
};

export interface NotesAndTagsProps {
  initialNotes: string;
  initialTags: string[];
  onNotes(text: string): void;
  onTags(tags: string[]): void;
  place?: NotesAndTagsPlace;
}

/**
 * Uncontrolled on purpose: the fields show what the user typed, and replies from the database
 * never rewrite a field under the user's cursor. Every keystroke is handed on at once; no
 * debounce, since a popup can close at any moment.
 */
export function NotesAndTags({ initialNotes, initialTags, onNotes, onTags, place = 'page' }: NotesAndTagsProps) {
  const text = PLACES[place];
  return (
    <section class="notes">
      <label class="field">
        <span class="field__label">{text.tags()}</span>
        <input
          type="text"
          class="field__input"
          data-testid={text.tagsTestId}
          defaultValue={initialTags.join(', ')}
          placeholder={text.tagsHint()}
          onInput={(event) => onTags(parseTags(event.currentTarget.value))}
        />
      </label>
      <label class="field">
        <span class="field__label">{text.notes()}</span>
        <textarea
          class="field__input field__input--notes"
          data-testid={text.notesTestId}
          rows={text.rows}
          defaultValue={initialNotes}
          placeholder={text.notesHint()}
          onInput={(event) => onNotes(event.currentTarget.value)}
        />
      </label>
    </section>
  );
}
