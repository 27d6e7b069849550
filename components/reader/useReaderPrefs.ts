import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_READER_PREFS, normalizePrefs, resolveTheme, type ReaderPrefs } from '@/utils/core/reader/prefs';
import { loadReaderPrefs, readerPrefsItem, saveReaderPrefs } from '@/utils/browser/settings-storage';

export interface ReaderPrefsState {
  prefs: ReaderPrefs;
  /** False until storage has answered, so the first paint can wait for the user's choices. */
  loaded: boolean;
  set(prefs: ReaderPrefs): void;
}

/** The reader prefs in WXT storage, live: a change in one tab or the library shows everywhere. */
export function useReaderPrefs(initial?: ReaderPrefs): ReaderPrefsState {
  const [prefs, setPrefs] = useState<ReaderPrefs>(initial ?? DEFAULT_READER_PREFS);
  const [loaded, setLoaded] = useState(initial !== undefined);
  // Like useState's argument: only the first render's value counts.
  const [startedWith] = useState(initial);
  useEffect(() => {
    let live = true;
    if (!startedWith) {
      void loadReaderPrefs().then((value) => {
        if (live) {
          setPrefs(value);
          setLoaded(true);
        }
      });
    }
    const unwatch = readerPrefsItem.watch((value) => setPrefs(normalizePrefs(value)));
    return () => {
      live = false;
      unwatch();
    };
  }, [startedWith]);
  return {
    prefs,
    loaded,
    set(next) {
      setPrefs(next);
      void saveReaderPrefs(next);
    },
  };
}

/** Light or dark for "follow system", tracking the browser's setting while open. */
function usePrefersDark(): boolean {
  const [query] = useState(() => (typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null));
  const [dark, setDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const onChange = () => setDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [query]);
  return dark;
}

export function useResolvedTheme(prefs: ReaderPrefs) {
  return resolveTheme(prefs.theme, usePrefersDark());
}
