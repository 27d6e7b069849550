import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ExtractResult, SavePayload } from './article';
import type { SavedState } from './db/articles';

/** Requests an extension page sends to the content script in a tab. */
export interface ContentProtocol {
  extract(): ExtractResult;
}

export const contentMessenger = defineExtensionMessaging<ContentProtocol>();

/**
 * The popup's long-lived port to the background. Every keystroke travels on it and the
 * background writes the database, so a popup that closes mid-sentence loses nothing.
 */
export const POPUP_SESSION_PORT = 'kliping:popup-session';

export type SessionRequest =
  | { type: 'open'; page: SavePayload }
  | { type: 'save' }
  | { type: 'notes'; text: string }
  | { type: 'tags'; tags: string[] };

export type SessionReply =
  | { type: 'state'; state: SavedState | null; saved: boolean }
  | { type: 'error'; message: string };
