import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { contentMessenger, type DeclutterStatus } from '@/utils/browser/messaging';

/** The popup's Declutter / Restore page toggle for the tab it points at. */
export function DeclutterButton({ tabId }: { tabId: number | null }) {
  const [status, setStatus] = useState<DeclutterStatus | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (tabId === null) return;
    contentMessenger.sendMessage('declutter', 'status', tabId).then(setStatus, () => setStatus(null));
  }, [tabId]);

  const toggle = async () => {
    if (tabId === null) return;
    setBusy(true);
    try {
      setStatus(await contentMessenger.sendMessage('declutter', 'toggle', tabId));
    } finally {
      setBusy(false);
    }
  };

  const active = status?.active ?? false;
  return (
    <>
      <button type="button" class="button" data-testid="declutter" aria-pressed={active} disabled={tabId === null || busy} onClick={toggle}>
        {active ? i18n.t('popup.restore') : i18n.t('popup.declutter')}
      </button>
      {status && !('error' in status) && status.active && status.heldBack > 0 && (
        <p class="popup__notice" role="status" data-testid="declutter-held-back">
          {i18n.t('declutter.heldBack')}
        </p>
      )}
      {status && 'error' in status && (
        <p class="popup__error" role="alert" data-testid="declutter-error">
          {i18n.t('declutter.failed')}
        </p>
      )}
    </>
  );
}
