import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { prefFor, siteLabel, type SiteAction, type SitePref } from '@/utils/core/site-prefs';
import { sitePrefs } from '@/utils/browser/settings-storage';
import { setSiteAction } from '@/utils/browser/site-scripts';
import './site-actions.css';

/** "Always declutter / open reader on this site": one choice per site, asked permission on. */
export function SiteActionToggles({ site, name }: { site: string; /** The site's own name (og:site_name), where it gives one. */ name?: string | null }) {
  const [prefs, setPrefs] = useState<SitePref[] | null>(null);
  const [denied, setDenied] = useState(false);

  useEffect(() => {
    void sitePrefs.getValue().then(setPrefs);
    return sitePrefs.watch(setPrefs);
  }, []);

  if (!prefs) return null;
  const current = prefFor(prefs, site);

  const change = (action: SiteAction, on: boolean) => {
    setDenied(false);
    // Called inside the click: the permission prompt needs the user's gesture.
    void setSiteAction(site, on ? action : null).then((granted) => setDenied(!granted));
  };

  return (
    <fieldset class="site-actions" data-testid="site-actions">
      <legend class="site-actions__site">{name || siteLabel(site)}</legend>
      <label>
        <input type="checkbox" data-testid="always-declutter" checked={current === 'declutter'} onChange={(event) => change('declutter', event.currentTarget.checked)} />{' '}
        {i18n.t('declutter.alwaysDeclutter')}
      </label>
      <label>
        <input type="checkbox" data-testid="always-reader" checked={current === 'reader'} onChange={(event) => change('reader', event.currentTarget.checked)} />{' '}
        {i18n.t('declutter.alwaysReader')}
      </label>
      {denied && (
        <p class="popup__error" role="alert">
          {i18n.t('declutter.permissionDenied')}
        </p>
      )}
    </fieldset>
  );
}
