
export const READER_FONTS = ['serif', 'sans', 'dyslexic'] as const;
export const READER_THEMES = ['system', 'light', 'sepia', 'dark'] as const;
export type ReaderFont = (typeof READER_FONTS)[number];
export type ReaderTheme = (typeof READER_THEMES)[number];

/** How the reader sets type; shared by the reader view and the library's saved copies. */
export interface ReaderPrefs {
  font: ReaderFont;
  /** Body text size in CSS pixels. */
  size: number;
  /** Unitless line height. */
  lineHeight: number;
  /** Measure (line length) in em. */
  width: number;
  theme: ReaderTheme;
}

export const DEFAULT_READER_PREFS: ReaderPrefs = { font: 'serif', size: 19, lineHeight: 1.6, width: 36, theme: 'system' };

/** Each numeric setting moves in fixed steps between bounds, so stored values stay sane. */
export const READER_RANGES = {
  size: { min: 14, max: 32, step: 1 },
  lineHeight: { min: 1.2, max: 2.2, step: 0.1 },
  width: { min: 24, max: 52, step: 4 },
} as const;
export type ReaderRangeKey = keyof typeof READER_RANGES;

function clampTo(key: ReaderRangeKey, value: unknown): number {
  const { min, max, step } = READER_RANGES[key];
  const number = typeof value === 'number' && Number.isFinite(value) ? value : DEFAULT_READER_PREFS[key];
  const stepped = Math.round((number - min) / step) * step + min;
  return Math.round(Math.min(max, Math.max(min, stepped)) * 10) / 10;
}

/** Whatever storage holds (older versions, another device, a hand edit) becomes valid prefs. */
export function normalizePrefs(value: unknown): ReaderPrefs {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof ReaderPrefs, unknown>>;
  return {
    font: READER_FONTS.includes(raw.font as ReaderFont) ? (raw.font as ReaderFont) : DEFAULT_READER_PREFS.font,
    size: clampTo('size', raw.size),
    lineHeight: clampTo('lineHeight', raw.lineHeight),
    width: clampTo('width', raw.width),
    theme: READER_THEMES.includes(raw.theme as ReaderTheme) ? (raw.theme as ReaderTheme) : DEFAULT_READER_PREFS.theme,
  };
}

/** One step up (+1) or down (-1) of a numeric setting, within its bounds. */
export function stepPref(prefs: ReaderPrefs, key: ReaderRangeKey, direction: 1 | -1): ReaderPrefs {
  return normalizePrefs({ ...prefs, [key]: prefs[key] + direction * READER_RANGES[key].step });
}

export function canStep(prefs: ReaderPrefs, key: ReaderRangeKey, direction: 1 | -1): boolean {
  const { min, max } = READER_RANGES[key];
  return direction > 0 ? prefs[key] < max : prefs[key] > min;
}

/** The family name the dyslexia-friendly face is registered under (FontFace API, see reader-font). */
export const DYSLEXIC_FAMILY = 'Kliping OpenDyslexic';

export const FONT_STACKS: Record<ReaderFont, string> = {
  serif: "Charter, 'Bitstream Charter', 'Sitka Text', Cambria, 'Noto Serif', 'DejaVu Serif', Georgia, serif",
  sans: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  // Falls back to a local face known to be easier to read (Verdana, Comic Sans) until ours is loaded.
  dyslexic: `'${DYSLEXIC_FAMILY}', OpenDyslexic, 'Atkinson Hyperlegible', Verdana, 'Comic Sans MS', sans-serif`,
};

/** Custom properties the reader stylesheet reads: the only way prefs reach the CSS. */
export function readerStyle(prefs: ReaderPrefs): Record<string, string> {
  return {
    '--reader-font': FONT_STACKS[prefs.font],
    '--reader-size': `${prefs.size}px`,
    '--reader-line': String(prefs.lineHeight),
    '--reader-width': `${prefs.width}em`,
    // The same measure in pixels, for what sits above the article in the UI font (toolbars,
    // status lines) and must line up with the text column.
    '--reader-measure': `${prefs.width * prefs.size}px`,
  };
}

/** The theme to paint: "system" follows the browser's light/dark preference. */
export function resolveTheme(theme: ReaderTheme, prefersDark: boolean): Exclude<ReaderTheme, 'system'> {
  if (theme !== 'system') return theme;
  return prefersDark ? 'dark' : 'light';
}
