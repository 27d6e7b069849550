import { liveQuery } from 'dexie';

export interface Subscription {
  unsubscribe(): void;
}

/**
 * Runs `query` now and again whenever a table it read changes, in this context or any other of
 * the extension (Dexie tells them apart through BroadcastChannel). The UI's only way to watch
 * the database, so it never imports Dexie itself.
 */
export function observe<T>(query: () => Promise<T> | T, observer: { next(value: T): void; error?(error: unknown): void }): Subscription {
  return liveQuery(query).subscribe({ next: (value) => observer.next(value), error: observer.error ?? ((error) => console.error(error)) });
}
