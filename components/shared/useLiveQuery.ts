import { useEffect, useState } from 'preact/hooks';
import { observe } from '@/utils/data/observe';

/** A database query as a Preact hook: re-runs when the tables it read change, in any context. */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = observe(query, { next: setValue });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
