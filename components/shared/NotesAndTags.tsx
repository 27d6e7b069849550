import { i18n } from '#i18n';
import { parseTags } from '@/utils/data/articles';

export interface NotesAndTagsProps {
  initialNotes: string;
  initialTags: string[];
  onNotes(text: string): void;
  onTags(tags: string[]): void;
}

/**
 * Uncontrolled on purpose: the fields show what the user typed, and replies from the database
 * never rewrite a field under the user's cursor. Every keystroke is handed on at once; no
 * debounce, since a popup can close at any moment.
 */
export function NotesAndTags({ initialNotes, initialTags, onNotes, onTags }: NotesAndTagsProps) {
  return (
    <section class="notes">
      <label class="field">
        <span class="field__label">{i18n.t('popup.tags')}</span>
        <input
          type="text"
          class="field__input"
          data-testid="tags"
          defaultValue={initialTags.join(', ')}
          placeholder={i18n.t('popup.tagsPlaceholder')}
          onInput={(event) => onTags(parseTags(event.currentTarget.value))}
        />
      </label>
      <label class="field">
        <span class="field__label">{i18n.t('popup.notes')}</span>
        <textarea
          class="field__input field__input--notes"
          data-testid="notes"
          rows={4}
          defaultValue={initialNotes}
          placeholder={i18n.t('popup.notesPlaceholder')}
          onInput={(event) => onNotes(event.currentTarget.value)}
        />
      </label>
    </section>
  );
}
