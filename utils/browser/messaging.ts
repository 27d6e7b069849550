import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ImportSource, ProgressPhase, TransferArticle } from '../core/transfer/model';
import type { ImportSummary } from '../data/transfer-store';
import type { DeclutterAction, DeclutterStatus } from '../core/declutter/controller';
import type { Article, NotArticleReason, SavePayload } from '../core/article';
import type { NumberedClutter, NumberedPlan, PageExtract, PageSnapshot } from '../core/snapshot/types';
import type { SavedState } from '../data/articles';
import type { ArticleFlags, NewHighlight } from '../data/library-writes';
import type { HighlightColor } from '../core/records';
import type { SavedImageInfo } from './image-service';
import type { SyncAccount, SyncErrorCode } from './sync/couch';

/** Requests an extension page sends to the content script in a tab. */
export interface ContentProtocol {
  /** Hides everything but the article in place ('on'), restores the page ('off'), or flips it. */
  declutter(action: DeclutterAction): DeclutterStatus;
  /** The page's document, serialized for parsing in an extension context (unnumbered: extraction). */
  snapshot(): PageSnapshot;
  /**
   * Opens the reader view over the page; resolves once it is painted. Opening twice is a no-op.
   * With the article (the popup extracted it already), the page does not ask for it again.
   */
  openReader(article?: Article): ReaderOpened;
  /** Closes the reader view; false when it was not open. */
  closeReader(): boolean;
}

export type { NumberedPlan, PageExtract, PageSnapshot };

/** `msToPaint`: from the content script receiving `openReader` to the reader's first painted frame. */
export type ReaderOpened = { ok: true; msToPaint: number } | { ok: false; reason: NotArticleReason; detail: string };

export type { DeclutterAction, DeclutterStatus };

export const contentMessenger = defineExtensionMessaging<ContentProtocol>();

/** Requests a content script sends to the background. */
export interface BackgroundProtocol {
  /** Injects the reader view's code into the sender's frame (kept out of the always-injected script). */
  loadReader(): void;
  /**
   * Starts the parser (ParserProtocol) if it is not running: Chromium's offscreen document, made
   * on first use and kept. The content script asks when a parser request found no one to answer.
   */
  startParser(): void;
  /** The dyslexia-friendly font, base64: pages cannot fetch the extension's files. */
  readerFont(): string;
  /**
   * The library's writes, made by the background (utils/data/library-writes.ts does each): a
   * message sent on a keystroke survives the page being closed or reloaded at once, a page's own
   * IndexedDB write does not. Extension pages never write the database themselves.
   */
  writeNotes(data: { articleId: number; text: string }): void;
  writeTags(data: { articleId: number; tags: string[] }): void;
  setFlags(data: { ids: number[]; flags: ArticleFlags }): void;
  addTags(data: { ids: number[]; tags: string[] }): void;
  setReadingProgress(data: { articleId: number; progress: number }): void;
  addHighlight(data: NewHighlight): void;
  setHighlightNote(data: { id: string; note: string }): void;
  setHighlightColor(data: { id: string; color: HighlightColor }): void;
  deleteHighlight(data: { id: string }): void;
  /**
   * Deletes articles; the background keeps what was taken (pictures included, which a message
   * cannot carry in Chromium) under `undoId` for `restoreArticles`, for a while.
   */
  deleteArticles(data: { ids: number[] }): DeletionReceipt;
  restoreArticles(data: { undoId: string }): number[];
  /** An imported link's article, fetched by the library page; the background then keeps its images. */
  saveFetchedArticle(data: { articleId: number; article: Article }): void;
  markLinkOnly(data: { articleId: number }): void;
  /** The reader view's access to a saved page's kept images: the list, then each picture. */
  savedImages(data: { canonicalUrl: string }): SavedImageInfo[];
  savedImage(data: { hash: string }): { type: string; base64: string } | null;
  /**
   * Sync (Settings): check the server and the credentials, then keep the library in sync with it.
   * The page asks the host permission first, from the click; the background does the network.
   */
  syncStart(data: SyncAccount): { ok: true } | { ok: false; error: SyncErrorCode };
  syncNow(): void;
  /** Stops syncing and forgets the credentials; the library stays. */
  syncStop(): void;
}

export const backgroundMessenger = defineExtensionMessaging<BackgroundProtocol>();

/**
 * A page's snapshot parsed off the page, asked by the content script of the one extension context
 * that answers it (utils/browser/off-page.ts `serveParser`): Chromium's offscreen document,
 * Firefox's background page. The content script's message reaches it directly: no relay through
 * Chromium's service worker, which would carry the snapshot twice.
 */
export interface ParserProtocol {
  /** The article in a snapshot (forced: the user asked), and whether it passes the readerable pre-check. */
  parseExtract(snapshot: PageSnapshot): PageExtract;
  /** Declutter's plan for a numbered snapshot; `readerableOnly` for automatic declutter. */
  parsePlan(data: { snapshot: PageSnapshot; readerableOnly: boolean }): NumberedPlan;
  /** Declutter's rules on what the page added late: the subtree snapshot's numbers to hide. */
  parseLateClutter(snapshot: PageSnapshot): NumberedClutter[];
}

export const parserMessenger = defineExtensionMessaging<ParserProtocol>();

/**
 * Benchmark and test builds only (entrypoints/inpage.content.ts): the pipeline as it ran inside
 * the page before it moved off it, the baseline the off-page path is measured and diffed against.
 * Names of their own, so both scripts can answer in one page.
 */
export interface InPageProtocol {
  inPageExtract(): PageExtract;
  inPageDeclutter(action: DeclutterAction): DeclutterStatus;
  inPageOpenReader(): ReaderOpened;
}

export const inPageMessenger = /* @__PURE__ */ defineExtensionMessaging<InPageProtocol>();
/** What a deletion left to undo. */
export interface DeletionReceipt {
  undoId: string;
  /** The articles deleted (those that still existed). */
  ids: number[];
}

/**
 * The long-lived port from a page open in the popup or the reader view to the background's
 * PageSession (utils/browser/page-session.ts). Every keystroke travels on it and the background
 * writes the database, so a popup that closes mid-sentence loses nothing.
 */
export const PAGE_SESSION_PORT = 'kliping:page-session';

export type PageSessionRequest =
  | { type: 'open'; page: SavePayload }
  | { type: 'save' }
  | { type: 'notes'; text: string }
  | { type: 'tags'; tags: string[] };

export type PageSessionReply =
  | { type: 'state'; state: SavedState | null; saved: boolean }
  | { type: 'error'; message: string };

/**
 * An import, from the library page (which parses the files: it has the DOM their formats need)
 * to the background (which writes them, in one transaction, through utils/data/library-writes.ts).
 * The batch travels in pieces, pictures as base64 (Chromium's messages are JSON); nothing is
 * written before `write`, so a page closed mid-way leaves the library as it was.
 */
export const IMPORT_PORT = 'kliping:import';

export type ImportRequest =
  | { type: 'articles'; articles: TransferArticle[] }
  | { type: 'picture'; hash: string; mime: string; base64: string }
  | { type: 'write'; source: ImportSource; skipped: number };

export type ImportReply =
  | { type: 'progress'; done: number; total: number; phase: ProgressPhase }
  | { type: 'written'; summary: ImportSummary }
  | { type: 'failed'; name: string; message: string };
