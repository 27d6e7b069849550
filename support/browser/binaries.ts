import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/*
 * Where the browsers the tests, benchmarks and `npm run dev` drive are: the env var when set,
 * else the first of the usual command names on PATH. No machine's own paths are written here.
 */

export type BrowserBinary = 'chromium' | 'firefox';

interface Lookup {
  env: string;
  names: readonly string[];
  install: string;
}

export const BROWSER_BINARIES: Record<BrowserBinary, Lookup> = {
  chromium: { env: 'CHROMIUM_PATH', names: ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'], install: 'apt-get install chromium' },
  firefox: { env: 'FIREFOX_PATH', names: ['firefox-esr', 'firefox'], install: 'apt-get install firefox-esr' },
};

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The first of `names` that is an executable file in one of PATH's folders. */
export function onPath(names: readonly string[], path = process.env.PATH ?? ''): string | null {
  for (const name of names) {
    for (const dir of path.split(delimiter).filter(Boolean)) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

/** The browser's executable, or null when neither its env var nor PATH has one. */
export function findBrowser(browser: BrowserBinary, env: Record<string, string | undefined> = process.env): string | null {
  const { env: name, names } = BROWSER_BINARIES[browser];
  const chosen = env[name];
  if (chosen) return chosen;
  return onPath(names, env.PATH ?? '');
}

/** The browser's executable; when there is none, says where it was looked for and how to get one. */
export function requireBrowser(browser: BrowserBinary, env: Record<string, string | undefined> = process.env): string {
  const { env: name, names, install } = BROWSER_BINARIES[browser];
  const chosen = env[name];
  if (chosen && !isExecutable(chosen)) throw new Error(`${name} is set to ${chosen}, which is not an executable file.`);
  const found = findBrowser(browser, env);
  if (!found) {
    throw new Error(`No ${browser} found: set ${name} to its executable, or put one of ${names.join(', ')} on PATH (e.g. ${install}).`);
  }
  return found;
}
