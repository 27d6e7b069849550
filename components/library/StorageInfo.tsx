import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { formatBytes } from '@/utils/core/format';

/**
 * Asks the browser to keep Kliping's data (no eviction under storage pressure) and shows how much
 * space it takes. With `unlimitedStorage` the quota is the disk, so the disk is what can run out.
 */
export function StorageInfo({ locale, refresh }: { locale: string; refresh: number }) {
  const [usage, setUsage] = useState<{ used: number; quota: number } | null>(null);
  const [persisted, setPersisted] = useState(false);
  useEffect(() => {
    void navigator.storage?.persist?.().then(setPersisted, () => setPersisted(false));
  }, []);
  useEffect(() => {
    void navigator.storage?.estimate?.().then((estimate) => setUsage({ used: estimate.usage ?? 0, quota: estimate.quota ?? 0 }));
  }, [refresh]);
  if (!usage) return null;
  return (
    <p class="storage" data-testid="storage" title={persisted ? i18n.t('library.persisted') : undefined}>
      {usage.quota > 0
        ? i18n.t('library.storageUsedOf', [formatBytes(usage.used, locale), formatBytes(usage.quota, locale)])
        : i18n.t('library.storageUsed', [formatBytes(usage.used, locale)])}
    </p>
  );
}
