/**
 * The global a site's flag script sets just before the content script runs, naming what to do
 * on its own ('declutter' or 'reader'). Kept in its own module: the flag scripts import only this.
 */
export const AUTO_ACTION = Symbol.for('kliping.autoAction');

export type AutoAction = 'declutter' | 'reader';

/** Reads and clears the flag, so a later injection of the content script does not act again. */
export function takeAutoAction(scope: object): AutoAction | null {
  const holder = scope as { [AUTO_ACTION]?: unknown };
  const action = holder[AUTO_ACTION];
  delete holder[AUTO_ACTION];
  return action === 'declutter' || action === 'reader' ? action : null;
}
