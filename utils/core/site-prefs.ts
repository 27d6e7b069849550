import type { AutoAction } from './auto-action';

/** What Kliping does by itself when a page of a chosen site loads. One action per site. */
export type SiteAction = AutoAction;

export interface SitePref {
  /** `https://www.kompas.com`: scheme and host, no port (match patterns have none). */
  site: string;
  action: SiteAction;
}

/** The origin-like site a page belongs to (`https://host`, no port), or null for pages no content script may run in. */
export function siteOriginOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return `${parsed.protocol}//${parsed.hostname}`;
  } catch {
    return null;
  }
}

/** The host permission (and content script match) that covers one site. */
export function matchPatternOf(site: string): string {
  return `${site}/*`;
}

export function siteLabel(site: string): string {
  return site.replace(/^https?:\/\//, '');
}

export function prefFor(prefs: readonly SitePref[], site: string | null): SiteAction | null {
  return prefs.find((pref) => pref.site === site)?.action ?? null;
}

/** The list with `site` set to `action` (or removed for null), sorted for display. */
export function withPref(prefs: readonly SitePref[], site: string, action: SiteAction | null): SitePref[] {
  const others = prefs.filter((pref) => pref.site !== site);
  const next = action ? [...others, { site, action }] : others;
  return next.sort((a, b) => siteLabel(a.site).localeCompare(siteLabel(b.site)));
}

/** Registered scripts are named after their site, so the list alone says what is registered. */
export const SCRIPT_ID_PREFIX = 'kliping-site:';

/** Files a site's script runs: a one-line flag naming the action, then the content script. */
const AUTO_SCRIPTS: Record<SiteAction, string[]> = {
  declutter: ['/auto-declutter.js', '/content-script.js'],
  reader: ['/auto-reader.js', '/content-script.js'],
};

export interface SiteScript {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_idle';
  persistAcrossSessions: boolean;
}

export function scriptFor(pref: SitePref): SiteScript {
  return {
    id: SCRIPT_ID_PREFIX + pref.site,
    matches: [matchPatternOf(pref.site)],
    js: AUTO_SCRIPTS[pref.action],
    runAt: 'document_idle',
    persistAcrossSessions: true,
  };
}

/**
 * What to change so that exactly the chosen sites whose permission is granted have a script,
 * each running the chosen action. Scripts Kliping did not name are left alone.
 */
export function planSiteScripts(
  prefs: readonly SitePref[],
  registered: readonly { id: string; js?: string[] }[],
  granted: ReadonlySet<string>,
): { register: SiteScript[]; unregister: string[] } {
  const wanted = new Map(prefs.filter((pref) => granted.has(pref.site)).map((pref) => [SCRIPT_ID_PREFIX + pref.site, scriptFor(pref)]));
  const unregister: string[] = [];
  const present = new Set<string>();
  for (const script of registered) {
    if (!script.id.startsWith(SCRIPT_ID_PREFIX)) continue;
    const want = wanted.get(script.id);
    if (want && sameFiles(want.js, script.js ?? [])) present.add(script.id);
    else unregister.push(script.id);
  }
  const register = [...wanted.values()].filter((script) => !present.has(script.id));
  return { register, unregister };
}

/** Chromium reports registered files without their leading slash. */
function sameFiles(a: readonly string[], b: readonly string[]): boolean {
  const bare = (files: readonly string[]) => files.map((file) => file.replace(/^\//, '')).join('\n');
  return bare(a) === bare(b);
}
