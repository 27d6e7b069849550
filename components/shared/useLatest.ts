import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * The value from the latest render, for a listener or timer set up once: it calls
 * `latest.current` and so never acts on the props of the render that set it up.
 */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
