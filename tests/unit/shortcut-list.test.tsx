import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShortcutList } from '@/components/settings/ShortcutList';

vi.mock('#i18n', () => ({ i18n: { t: (key: string, ...rest: unknown[]) => `${key}${rest.length ? JSON.stringify(rest.at(-1)) : ''}` } }));

afterEach(() => {
  document.body.innerHTML = '';
});

const host = () => document.body.appendChild(document.createElement('div'));

describe('ShortcutList', () => {
  it('lists the granted keys, and names a refused one with the way to set it', () => {
    const open = vi.fn();
    const root = host();
    const commands = [
      { name: '_execute_action', shortcut: '' },
      { name: 'declutter', description: 'Declutter', shortcut: 'Alt+Shift+D' },
      { name: 'reader', description: 'Reader', shortcut: '' },
    ];
    render(<ShortcutList commands={commands} settingsLabel="chrome://extensions/shortcuts" onOpenSettings={open} />, root);
    const rows = [...root.querySelectorAll('[data-testid="shortcut-row"]')];
    expect(rows.map((row) => row.textContent)).toEqual(['DeclutterAlt+Shift+D', 'Readersettings.shortcutNotSet']);
    expect(rows[1]!.getAttribute('data-missing')).toBe('true');
    expect(root.querySelector('[data-testid="shortcuts-missing"]')!.textContent).toContain('settings.shortcutsMissing[1]');
    (root.querySelector('[data-testid="open-shortcuts"]') as HTMLButtonElement).click();
    expect(open).toHaveBeenCalledOnce();
  });

  it('says nothing is missing when every key was granted', () => {
    const root = host();
    render(<ShortcutList commands={[{ name: 'save', description: 'Save', shortcut: 'Alt+Shift+S' }]} settingsLabel="about:addons" onOpenSettings={() => {}} />, root);
    expect(root.querySelector('[data-testid="shortcuts-missing"]')).toBeNull();
    expect(root.textContent).toContain('about:addons');
  });
});
