import { i18n } from '#i18n';

export interface Shortcut {
  name?: string;
  description?: string;
  shortcut?: string;
}

export interface ShortcutListProps {
  commands: readonly Shortcut[];
  /** Where the browser lets people set shortcuts, as shown in words (`chrome://extensions/shortcuts`). */
  settingsLabel: string;
  onOpenSettings(): void;
}

/**
 * Kliping's shortcuts as the browser granted them. A browser silently refuses a suggested key
 * that it or another extension already uses: such a command is named, with the way to set it.
 */
export function ShortcutList({ commands, settingsLabel, onOpenSettings }: ShortcutListProps) {
  const shown = commands.filter((command) => command.name && !command.name.startsWith('_'));
  const missing = shown.filter((command) => !command.shortcut).length;
  return (
    <>
      <table data-testid="shortcuts">
        <tbody>
          {shown.map((command) => (
            <tr key={command.name} data-testid="shortcut-row" data-missing={command.shortcut ? undefined : 'true'}>
              <td>{command.description}</td>
              <td>{command.shortcut ? <kbd>{command.shortcut}</kbd> : <strong>{i18n.t('settings.shortcutNotSet')}</strong>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {missing > 0 && (
        <p class="settings__warning" role="status" data-testid="shortcuts-missing">
          {i18n.t('settings.shortcutsMissing', missing, [missing])}{' '}
          <button type="button" class="button button--link" data-testid="open-shortcuts" onClick={onOpenSettings}>
            {i18n.t('settings.openShortcuts')}
          </button>
        </p>
      )}
      <p class="settings__help">{i18n.t('settings.shortcutsHelp', [settingsLabel])}</p>
    </>
  );
}
