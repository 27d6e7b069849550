import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sampleArticle } from './helpers';
import { DEFAULT_READER_PREFS } from '@/utils/core/reader/prefs';
import type { ArticleRecord } from '@/utils/core/records';

/*
 * Listeners set up once must act on the latest props, not on the first render's: the reader's
 * Esc handler (onClose) and the imported-link fetch that starts when a permission check answers.
 */

vi.mock('#i18n', () => ({ i18n: { t: (key: string) => key } }));
vi.mock('@/utils/browser/page-session-port', () => ({ openPageSessionPort: () => ({ send() {}, close() {} }) }));

let grant: (granted: boolean) => void = () => {};
vi.mock('@/utils/browser/permissions', () => ({
  holdsOrigins: () => new Promise<boolean>((resolve) => (grant = resolve)),
  requestOrigins: () => Promise.resolve(false),
}));
const fetched: string[] = [];
vi.mock('@/utils/core/transfer/fetch-article', () => ({
  originPattern: (url: string) => `${new URL(url).origin}/*`,
  fetchArticle: (url: string) => {
    fetched.push(url);
    return Promise.resolve({ ok: false, reason: 'network', detail: 'offline' });
  },
}));

const { ReaderView } = await import('@/components/reader/ReaderView');
const { FetchArticle } = await import('@/components/library/FetchArticle');

const host = () => document.body.appendChild(document.createElement('div'));
afterEach(() => {
  document.body.innerHTML = '';
});

describe('props read by listeners set up once', () => {
  it('Esc in the reader calls the onClose of the latest render', async () => {
    const root = host();
    const first = vi.fn();
    const second = vi.fn();
    const article = sampleArticle();
    const view = (onClose: () => void) => <ReaderView article={article} initialPrefs={DEFAULT_READER_PREFS} onClose={onClose} loadDyslexicFont={() => {}} />;
    await act(() => render(view(first), root));
    await act(() => render(view(second), root));
    await act(() => {
      dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(second).toHaveBeenCalledTimes(1);
    expect(first).not.toHaveBeenCalled();
  });

  it('an imported link fetches the address it shows when the permission check answers', async () => {
    const root = host();
    const record = (url: string) => ({ id: 7, url, canonicalUrl: url, title: 't', contentStatus: 'pending-fetch' }) as ArticleRecord;
    await act(() => render(<FetchArticle article={record('https://old.example/a')} />, root));
    await act(() => render(<FetchArticle article={record('https://new.example/a')} />, root));
    await act(async () => {
      grant(true);
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(fetched).toEqual(['https://new.example/a']);
  });
});
