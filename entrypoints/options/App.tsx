import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { ImageSettings } from '@/components/ImageSettings';
import { siteLabel, sitePrefs, type SiteAction, type SitePref } from '@/utils/site-prefs';
import { setSiteAction } from '@/utils/site-scripts';

const SHORTCUT_SETTINGS = import.meta.env.FIREFOX ? 'about:addons' : 'chrome://extensions/shortcuts';

function SiteRow({ pref }: { pref: SitePref }) {
  const label = siteLabel(pref.site);
  return (
    <tr data-testid="site-row">
      <td data-testid="site-name">{label}</td>
      <td>
        <select
          data-testid="site-action"
          value={pref.action}
          // Switching action keeps the site's permission; it was granted for this site already.
          onChange={(event) => void setSiteAction(pref.site, event.currentTarget.value as SiteAction)}
        >
          <option value="declutter">{i18n.t('settings.actionDeclutter')}</option>
          <option value="reader">{i18n.t('settings.actionReader')}</option>
        </select>
      </td>
      <td>
        <button type="button" class="button" data-testid="site-remove" aria-label={i18n.t('settings.removeSite', [label])} onClick={() => void setSiteAction(pref.site, null)}>
          {i18n.t('settings.remove')}
        </button>
      </td>
    </tr>
  );
}

export function App() {
  const [prefs, setPrefs] = useState<SitePref[] | null>(null);
  const [commands, setCommands] = useState<Browser.commands.Command[]>([]);

  useEffect(() => {
    void sitePrefs.getValue().then(setPrefs);
    void browser.commands.getAll().then(setCommands);
    return sitePrefs.watch(setPrefs);
  }, []);

  return (
    <main class="settings">
      <h1>{i18n.t('settings.title')}</h1>

      <h2>{i18n.t('settings.sitesHeading')}</h2>
      <p class="settings__help">{i18n.t('settings.sitesHelp')}</p>
      {prefs && prefs.length === 0 && <p data-testid="sites-empty">{i18n.t('settings.sitesEmpty')}</p>}
      {prefs && prefs.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{i18n.t('settings.site')}</th>
              <th>{i18n.t('settings.action')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {prefs.map((pref) => (
              <SiteRow key={pref.site} pref={pref} />
            ))}
          </tbody>
        </table>
      )}

      <ImageSettings locale={browser.i18n.getUILanguage()} />

      <h2>{i18n.t('settings.shortcutsHeading')}</h2>
      <table data-testid="shortcuts">
        <tbody>
          {commands
            .filter((command) => command.name && !command.name.startsWith('_'))
            .map((command) => (
              <tr key={command.name}>
                <td>{command.description}</td>
                <td>{command.shortcut ? <kbd>{command.shortcut}</kbd> : i18n.t('settings.shortcutNotSet')}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <p class="settings__help">{i18n.t('settings.shortcutsHelp', [SHORTCUT_SETTINGS])}</p>
    </main>
  );
}
