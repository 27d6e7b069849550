import { browser } from 'wxt/browser';

/** Whether the extension holds host access to every one of `origins` (match patterns). */
export function holdsOrigins(origins: string[]): Promise<boolean> {
  return browser.permissions.contains({ origins });
}

/**
 * Asks the user for host access to `origins`. Call it straight from a click: browsers grant
 * permissions only to a user gesture.
 */
export function requestOrigins(origins: string[]): Promise<boolean> {
  return browser.permissions.request({ origins });
}
