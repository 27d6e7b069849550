import { normalizeUrl } from './url';

/**
 * A note as typed, kept in the extension page's own synchronous storage until the database says
 * it has it. Every keystroke already goes to the background at once; this is the second line for
 * the keystrokes still in flight when a popup is closed within a blink of the last key: the next
 * time the page is opened they are handed on again.
 *
 * Only for extension pages (the popup): in a content script `localStorage` is the site's own, and
 * a user's notes are never written where the site can read them.
 */
export interface NoteDraft {
  text: string;
  /** The note the database had confirmed when this text was typed. */
  base: string;
  at: number;
}

const PREFIX = 'kliping.noteDraft:';

/**
 * After this the database is the truth again: a draft that old was either written long ago or
 * belongs to a page the user has since deleted, and must not bring it back.
 */
export const NOTE_DRAFT_LIFETIME_MS = 60 * 60 * 1000;

export class NoteDrafts {
  constructor(
    private readonly storage: Storage,
    private readonly now: () => number = Date.now,
  ) {}

  write(pageUrl: string, text: string, base: string): void {
    const draft: NoteDraft = { text, base, at: this.now() };
    try {
      this.storage.setItem(noteDraftKey(pageUrl), JSON.stringify(draft));
    } catch {
      // A full or refused storage: the keystroke still went to the background.
    }
  }

  read(pageUrl: string): NoteDraft | null {
    const draft = parseDraft(this.storage.getItem(noteDraftKey(pageUrl)));
    if (draft && this.now() - draft.at > NOTE_DRAFT_LIFETIME_MS) {
      this.clear(pageUrl);
      return null;
    }
    return draft;
  }

  clear(pageUrl: string): void {
    this.storage.removeItem(noteDraftKey(pageUrl));
  }

  /** Forgets the drafts of every page past their lifetime (pages never opened again). */
  sweep(): void {
    const stale: string[] = [];
    for (let i = 0; i < this.storage.length; i++) {
      const key = this.storage.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      const draft = parseDraft(this.storage.getItem(key));
      if (!draft || this.now() - draft.at > NOTE_DRAFT_LIFETIME_MS) stale.push(key);
    }
    for (const key of stale) this.storage.removeItem(key);
  }
}

/**
 * The text to hand on again, given what the database holds now; null when there is nothing to do.
 * A draft replays only over the note it was typed on, or over a shorter start of itself (the
 * keystrokes that got through): a note changed since by another page or device is not overwritten.
 */
export function draftToReplay(draft: NoteDraft | null, stored: string): string | null {
  if (!draft || draft.text === stored) return null;
  return stored === draft.base || draft.text.startsWith(stored) ? draft.text : null;
}

/** Where a page's draft is kept: one entry per page of the library, by its canonical URL. */
export function noteDraftKey(pageUrl: string): string {
  return PREFIX + normalizeUrl(pageUrl);
}

function parseDraft(raw: string | null): NoteDraft | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<NoteDraft>;
    return typeof value.text === 'string' && typeof value.base === 'string' && typeof value.at === 'number'
      ? { text: value.text, base: value.base, at: value.at }
      : null;
  } catch {
    return null;
  }
}
