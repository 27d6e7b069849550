import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { ImageSettings } from '@/components/settings/ImageSettings';
import { imagesUsage } from '@/utils/data/images';
import { getDb } from '@/utils/data/schema';
import { ReaderControls } from '@/components/reader/ReaderControls';
import { ShortcutList } from '@/components/settings/ShortcutList';
import { useReaderPrefs } from '@/components/reader/useReaderPrefs';
import { siteLabel, type SiteAction, type SitePref } from '@/utils/core/site-prefs';
import { sitePrefs } from '@/utils/browser/settings-storage';
import { setSiteAction } from '@/utils/browser/site-scripts';
import '@/components/reader/reader.css';

/** The options page reads the database here, so the settings component needs no handle on it. */
const readImagesUsage = () => imagesUsage(getDb());

const SHORTCUT_SETTINGS = import.meta.env.FIREFOX ? 'about:addons' : 'chrome://extensions/shortcuts';

/** A page cannot link to the browser's own pages; the extension opens them. */
async function openShortcutSettings(): Promise<void> {
  const commands = browser.commands as typeof browser.commands & { openShortcutSettings?: () => Promise<void> };
  if (import.meta.env.FIREFOX && commands.openShortcutSettings) await commands.openShortcutSettings();
  else await browser.tabs.create({ url: SHORTCUT_SETTINGS });
}

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
  const reader = useReaderPrefs();

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

      <h2>{i18n.t('settings.readerHeading')}</h2>
      <p class="settings__help">{i18n.t('settings.readerHelp')}</p>
      {reader.loaded && <ReaderControls prefs={reader.prefs} onChange={reader.set} />}

      <ImageSettings locale={browser.i18n.getUILanguage()} readUsage={readImagesUsage} />

      <h2>{i18n.t('settings.shortcutsHeading')}</h2>
      <ShortcutList commands={commands} settingsLabel={SHORTCUT_SETTINGS} onOpenSettings={() => void openShortcutSettings()} />
    </main>
  );
}
