import type { Article, ExtractResult } from '../core/article';
import { backgroundMessenger, type ReaderOpened } from './messaging';
import { installedReader } from '../core/reader/api';

/**
 * The content script's side of "open the reader": get the article (handed over, or from
 * `extract`), load the reader's UI into this frame on first use (the background injects it; see
 * entrypoints/reader.content), show it, and resolve once painted. `msToPaint` is what the
 * declutter bench reports.
 */
export async function openReaderInPage(extract: () => Promise<ExtractResult>, article?: Article): Promise<ReaderOpened> {
  const started = performance.now();
  if (installedReader()?.isOpen()) return { ok: true, msToPaint: 0 };
  // Ask for the UI first, so the round trip to the background overlaps the extraction.
  const loading = installedReader() ? null : backgroundMessenger.sendMessage('loadReader', undefined);
  // The user asked for this page explicitly: no "is it readerable" pre-check.
  const result: ExtractResult = article ? { ok: true, article } : await extract();
  if (!result.ok) {
    loading?.catch(() => {});
    return { ok: false, reason: result.reason, detail: result.detail };
  }
  await loading;
  const reader = installedReader();
  if (!reader) throw new Error('The reader view could not be loaded into this page.');
  await reader.open(result.article);
  return { ok: true, msToPaint: performance.now() - started };
}

/** False when no reader was open. */
export function closeReaderInPage(): boolean {
  return installedReader()?.close() ?? false;
}
