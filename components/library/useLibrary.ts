import { useEffect, useState } from 'preact/hooks';
import type { LibraryStore, LibrarySnapshot } from '@/utils/data/library-store';

export type LibraryState = LibrarySnapshot;

/** The library store's snapshot as Preact state: re-renders on each change while mounted. */
export function useLibrary(store: LibraryStore): LibraryState {
  const [snapshot, setSnapshot] = useState(store.current);
  useEffect(() => {
    const unsubscribe = store.subscribe(setSnapshot);
    store.start();
    return () => {
      unsubscribe();
      store.stop();
    };
  }, [store]);
  return snapshot;
}
