import { i18n } from '#i18n';
import { canStep, READER_FONTS, READER_THEMES, stepPref, type ReaderPrefs, type ReaderRangeKey } from '@/utils/core/reader/prefs';

const FONT_LABEL = {
  serif: () => i18n.t('reader.fontSerif'),
  sans: () => i18n.t('reader.fontSans'),
  dyslexic: () => i18n.t('reader.fontDyslexic'),
} as const;

const THEME_LABEL = {
  system: () => i18n.t('reader.themeSystem'),
  light: () => i18n.t('reader.themeLight'),
  sepia: () => i18n.t('reader.themeSepia'),
  dark: () => i18n.t('reader.themeDark'),
} as const;

const SWATCH = { system: 'linear-gradient(135deg, #fbfaf7 50%, #1c1d1f 50%)', light: '#fbfaf7', sepia: '#f4ecd8', dark: '#1c1d1f' } as const;

function Stepper({ prefs, name, label, value, onChange }: { prefs: ReaderPrefs; name: ReaderRangeKey; label: string; value: string; onChange(prefs: ReaderPrefs): void }) {
  return (
    <>
      <span class="reader-controls__label" id={`reader-${name}-label`}>
        {label}
      </span>
      <span class="reader-controls__group" role="group" aria-labelledby={`reader-${name}-label`}>
        <button
          type="button"
          class="button"
          data-testid={`reader-${name}-down`}
          aria-label={i18n.t('reader.decrease', [label])}
          disabled={!canStep(prefs, name, -1)}
          onClick={() => onChange(stepPref(prefs, name, -1))}
        >
          −
        </button>
        <output class="reader-controls__value" data-testid={`reader-${name}-value`}>
          {value}
        </output>
        <button
          type="button"
          class="button"
          data-testid={`reader-${name}-up`}
          aria-label={i18n.t('reader.increase', [label])}
          disabled={!canStep(prefs, name, 1)}
          onClick={() => onChange(stepPref(prefs, name, 1))}
        >
          +
        </button>
      </span>
    </>
  );
}

/** Font, size, line height, width and theme: every change is stored at once. */
export function ReaderControls({ prefs, onChange }: { prefs: ReaderPrefs; onChange(prefs: ReaderPrefs): void }) {
  return (
    <div class="reader-controls" data-testid="reader-controls">
      <span class="reader-controls__label">{i18n.t('reader.font')}</span>
      <span class="reader-controls__group" role="group" aria-label={i18n.t('reader.font')}>
        {READER_FONTS.map((font) => (
          <button
            key={font}
            type="button"
            class={`button reader-controls__font reader-controls__font--${font}`}
            aria-pressed={prefs.font === font}
            data-testid={`reader-font-${font}`}
            onClick={() => onChange({ ...prefs, font })}
          >
            {FONT_LABEL[font]()}
          </button>
        ))}
      </span>
      <Stepper prefs={prefs} name="size" label={i18n.t('reader.size')} value={`${prefs.size}px`} onChange={onChange} />
      <Stepper prefs={prefs} name="lineHeight" label={i18n.t('reader.lineHeight')} value={prefs.lineHeight.toFixed(1)} onChange={onChange} />
      <Stepper prefs={prefs} name="width" label={i18n.t('reader.width')} value={`${prefs.width}em`} onChange={onChange} />
      <span class="reader-controls__label">{i18n.t('reader.theme')}</span>
      <span class="reader-controls__group" role="group" aria-label={i18n.t('reader.theme')}>
        {READER_THEMES.map((theme) => (
          <button
            key={theme}
            type="button"
            class="button"
            aria-pressed={prefs.theme === theme}
            data-testid={`reader-theme-${theme}`}
            onClick={() => onChange({ ...prefs, theme })}
          >
            <span class="reader-controls__swatch" style={{ background: SWATCH[theme] }} aria-hidden="true" />
            {THEME_LABEL[theme]()}
          </button>
        ))}
      </span>
    </div>
  );
}
