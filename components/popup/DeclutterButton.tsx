import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { declutterPage } from '@/utils/browser/active-page';
import type { DeclutterStatus } from '@/utils/browser/messaging';

/** The popup's Declutter / Restore page toggle for the tab it points at. */
export function DeclutterButton({ tabId }: { tabId: number | null }) {
  const [status, setStatus] = useState<DeclutterStatus | null>(null);
  const [busy, setBusy] = useState(false);
  /** The page did not answer the last press (see declutterPage). */
  const [noAnswer, setNoAnswer] = useState(false);

  useEffect(() => {
    if (tabId === null) return;
    // `prepare` answers as `status` does, and the page makes its plan now, while the user reads
    // the popup: a press then hides at once (unless the page changed meanwhile).
    void declutterPage(tabId, 'prepare').then(setStatus);
  }, [tabId]);

  const active = status?.active ?? false;
  const toggle = async () => {
    if (tabId === null) return;
    setBusy(true);
    try {
      // What the button shows is what the press asks for: after a reload the page is no longer
      // decluttered, and "Restore page" must then not declutter it again.
      const next = await declutterPage(tabId, active ? 'off' : 'on');
      setNoAnswer(next === null);
      if (next) setStatus(next);
    } finally {
      setBusy(false);
    }
  };
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
      {(noAnswer || (status && 'error' in status)) && (
        <p class="popup__error" role="alert" data-testid="declutter-error">
          {i18n.t(noAnswer ? 'declutter.noAnswer' : 'declutter.failed')}
        </p>
      )}
    </>
  );
}
