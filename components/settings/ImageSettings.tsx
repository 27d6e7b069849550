import { useEffect, useState } from 'preact/hooks';
import { holdsOrigins, requestOrigins } from '@/utils/browser/permissions';
import { i18n } from '#i18n';
import { formatBytes } from '@/utils/core/format';
import { DEFAULT_IMAGE_PREFS, type ImagePrefs } from '@/utils/core/images/prefs';
import { imagePrefs, KEEP_IMAGES_ORIGINS, loadImagePrefs } from '@/utils/browser/settings-storage';

type CapKey = 'perImageBytes' | 'perArticleBytes' | 'totalBytes';
const CAPS: { key: CapKey; label: () => string }[] = [
  { key: 'perImageBytes', label: () => i18n.t('images.capPerImage') },
  { key: 'perArticleBytes', label: () => i18n.t('images.capPerArticle') },
  { key: 'totalBytes', label: () => i18n.t('images.capTotal') },
];
const MB = 1_000_000;

/**
 * "Keep images offline": off until turned on here, when the host access it needs is asked for
 * (a permission request must come from the user's click, so it is the first thing the click does).
 */
export function ImageSettings({ locale, readUsage }: { locale: string; readUsage(): Promise<{ bytes: number; count: number }> }) {
  const [prefs, setPrefs] = useState<ImagePrefs | null>(null);
  const [denied, setDenied] = useState(false);
  const [usage, setUsage] = useState<{ bytes: number; count: number } | null>(null);

  // Access withdrawn in the browser's own settings: the switch shows what Kliping can do.
  const [granted, setGranted] = useState(true);
  useEffect(() => {
    void holdsOrigins(KEEP_IMAGES_ORIGINS).then(setGranted, () => setGranted(false));
    void loadImagePrefs().then(setPrefs);
    void readUsage().then(setUsage, () => setUsage(null));
    return imagePrefs.watch((next) => setPrefs({ ...DEFAULT_IMAGE_PREFS, ...next }));
  }, [readUsage]);
  if (!prefs) return null;

  const save = (next: ImagePrefs) => {
    setPrefs(next);
    void imagePrefs.setValue(next);
  };
  const toggle = (on: boolean) => {
    if (!on) {
      setDenied(false);
      save({ ...prefs, keep: false });
      return;
    }
    void requestOrigins(KEEP_IMAGES_ORIGINS).then(
      (ok) => {
        setDenied(!ok);
        setGranted(ok);
        if (ok) save({ ...prefs, keep: true });
      },
      () => setDenied(true),
    );
  };

  return (
    <section data-testid="image-settings">
      <h2>{i18n.t('images.heading')}</h2>
      <label class="settings__toggle">
        <input type="checkbox" data-testid="keep-images" checked={prefs.keep && granted} onChange={(event) => toggle(event.currentTarget.checked)} />
        {i18n.t('images.keep')}
      </label>
      <p class="settings__help">{i18n.t('images.keepHelp')}</p>
      {denied && (
        <p class="settings__help" role="alert" data-testid="keep-images-denied">
          {i18n.t('images.denied')}
        </p>
      )}
      <table>
        <tbody>
          {CAPS.map(({ key, label }) => (
            <tr key={key}>
              <td>
                <label for={`cap-${key}`}>{label()}</label>
              </td>
              <td>
                <input
                  id={`cap-${key}`}
                  type="number"
                  min={1}
                  step={1}
                  data-testid={`cap-${key}`}
                  value={Math.round(prefs[key] / MB)}
                  onChange={(event) => {
                    const value = Math.round(Number(event.currentTarget.value));
                    if (Number.isFinite(value) && value >= 1) save({ ...prefs, [key]: value * MB });
                  }}
                />{' '}
                MB
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="settings__help">{i18n.t('images.capsHelp')}</p>
      {usage && (
        <p data-testid="images-usage">
          {i18n.t('images.usage', usage.count, [formatBytes(usage.bytes, locale), String(usage.count)])}
        </p>
      )}
    </section>
  );
}
