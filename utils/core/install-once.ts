/**
 * True the first time a script claims `key` in this page's isolated world: a runtime content
 * script is injected on every click, and must not register its listeners twice.
 */
export function firstInstall(key: string): boolean {
  const scope = globalThis as typeof globalThis & Record<symbol, boolean | undefined>;
  const mark = Symbol.for(key);
  if (scope[mark]) return false;
  scope[mark] = true;
  return true;
}
