import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeclutterStatus } from '@/utils/browser/messaging';

/*
 * The popup's Declutter button asks for what it shows ("Declutter" → on, "Restore page" → off),
 * and says so when the page does not answer at all, rather than doing nothing. How a page that
 * reloaded is asked again is the browser test's (declutter-whole-article.test.ts).
 */

vi.mock('#i18n', () => ({ i18n: { t: (key: string) => key } }));
const declutterPage = vi.fn<(tabId: number, action: 'on' | 'off' | 'prepare') => Promise<DeclutterStatus | null>>();
vi.mock('@/utils/browser/active-page', () => ({ declutterPage }));
const { DeclutterButton } = await import('@/components/popup/DeclutterButton');

const ON: DeclutterStatus = { active: true, ms: 12, heldBack: 0 };
const OFF: DeclutterStatus = { active: false, ms: 0, heldBack: 0 };

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

async function mount() {
  const root = document.body.appendChild(document.createElement('div'));
  act(() => render(<DeclutterButton tabId={7} />, root));
  await settle();
  const button = root.querySelector<HTMLButtonElement>('[data-testid="declutter"]')!;
  const press = async () => {
    act(() => button.click());
    await settle();
  };
  return { root, button, press, error: () => root.querySelector('[data-testid="declutter-error"]')?.textContent ?? null };
}

beforeEach(() => declutterPage.mockReset());
afterEach(() => {
  document.body.innerHTML = '';
});

describe('the popup Declutter button', () => {
  it('asks for on when it shows Declutter and for off when it shows Restore page', async () => {
    declutterPage.mockResolvedValueOnce(OFF).mockResolvedValueOnce(ON).mockResolvedValueOnce(OFF);
    const { button, press } = await mount();
    expect(declutterPage).toHaveBeenLastCalledWith(7, 'prepare');
    expect(button.textContent).toBe('popup.declutter');
    await press();
    expect(declutterPage).toHaveBeenLastCalledWith(7, 'on');
    expect(button.textContent).toBe('popup.restore');
    await press();
    expect(declutterPage).toHaveBeenLastCalledWith(7, 'off');
    expect(button.textContent).toBe('popup.declutter');
  });

  it('says the page did not answer, keeps what it showed, and clears the message once the page answers', async () => {
    declutterPage.mockResolvedValueOnce(OFF).mockResolvedValueOnce(null).mockResolvedValueOnce(ON);
    const { button, press, error } = await mount();
    expect(error()).toBeNull();
    await press();
    expect(error()).toBe('declutter.noAnswer');
    expect(button.textContent).toBe('popup.declutter');
    expect(button.disabled).toBe(false);
    await press();
    expect(error()).toBeNull();
    expect(button.textContent).toBe('popup.restore');
  });

  it('a page with no article to declutter says so', async () => {
    declutterPage.mockResolvedValueOnce(OFF).mockResolvedValueOnce({ active: false, error: 'no-article', detail: 'none' });
    const { press, error } = await mount();
    await press();
    expect(error()).toBe('declutter.failed');
  });
});
