import { browser } from 'wxt/browser';
import { matchPatternOf, planSiteScripts, prefFor, withPref, type SiteAction } from '../core/site-prefs';
import { pendingSitePref, sitePrefs } from './settings-storage';

/**
 * Turns a site's automatic action on or off from an extension page. Call it straight from the
 * click handler: the permission prompt needs the user's gesture, so nothing is awaited before it.
 * Resolves false when the user refused the permission.
 */
export async function setSiteAction(site: string, action: SiteAction | null): Promise<boolean> {
  const origins = [matchPatternOf(site)];
  if (action) {
    const intent = pendingSitePref.setValue({ site, action });
    const granted = await browser.permissions.request({ origins });
    await intent;
    if (granted) await sitePrefs.setValue(withPref(await sitePrefs.getValue(), site, action));
    await pendingSitePref.setValue(null);
    return granted;
  }
  await sitePrefs.setValue(withPref(await sitePrefs.getValue(), site, null));
  try {
    await browser.permissions.remove({ origins });
  } catch {
    // A permission the manifest requires (the e2e build's 127.0.0.1) cannot be given back: fine.
  }
  return true;
}

let syncing: Promise<void> = Promise.resolve();

/** Brings registered content scripts in line with the prefs and granted permissions (serialized). */
function syncSiteScripts(): Promise<void> {
  syncing = syncing.then(syncOnce, syncOnce);
  return syncing;
}

async function syncOnce(): Promise<void> {
  const prefs = await sitePrefs.getValue();
  const registered = await browser.scripting.getRegisteredContentScripts();
  const granted = new Set<string>();
  for (const pref of prefs) {
    if (await browser.permissions.contains({ origins: [matchPatternOf(pref.site)] })) granted.add(pref.site);
  }
  const plan = planSiteScripts(prefs, registered, granted);
  if (plan.unregister.length) await browser.scripting.unregisterContentScripts({ ids: plan.unregister });
  if (plan.register.length) await browser.scripting.registerContentScripts(plan.register);
}

/** Background wiring: keeps scripts in sync and finishes grants whose popup closed mid-prompt. */
export function watchSitePrefs(): void {
  sitePrefs.watch(() => void syncSiteScripts());
  browser.permissions.onAdded.addListener(async (added) => {
    const pending = await pendingSitePref.getValue();
    if (pending && added.origins?.includes(matchPatternOf(pending.site))) {
      const prefs = await sitePrefs.getValue();
      if (prefFor(prefs, pending.site) !== pending.action) await sitePrefs.setValue(withPref(prefs, pending.site, pending.action));
      await pendingSitePref.setValue(null);
    }
    await syncSiteScripts();
  });
  browser.permissions.onRemoved.addListener(async (removed) => {
    // Revoked in the browser's own settings: the choice goes too, so the list tells the truth.
    const origins = new Set(removed.origins ?? []);
    const prefs = await sitePrefs.getValue();
    const kept = prefs.filter((pref) => !origins.has(matchPatternOf(pref.site)));
    if (kept.length !== prefs.length) await sitePrefs.setValue(kept);
    await syncSiteScripts();
  });
  void syncSiteScripts();
}
