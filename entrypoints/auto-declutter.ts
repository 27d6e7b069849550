import { AUTO_ACTION } from '@/utils/core/auto-action';

/** Runs just before the content script on a site the user chose "always declutter" for. */
export default defineUnlistedScript(() => {
  Object.assign(globalThis, { [AUTO_ACTION]: 'declutter' });
});
