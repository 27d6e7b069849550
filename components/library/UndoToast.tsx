import { useEffect } from 'preact/hooks';
import { i18n } from '#i18n';

const UNDO_SECONDS = 12;

/** "Deleted N articles. Undo" — for a while, then the deletion stands. */
export function UndoToast({ count, onUndo, onExpire }: { count: number; onUndo(): void; onExpire(): void }) {
  useEffect(() => {
    const timer = setTimeout(onExpire, UNDO_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [onExpire]);
  return (
    <div class="toast" role="status" data-testid="undo-toast">
      <span>{i18n.t('library.deleted', count, [count])}</span>
      <button type="button" class="button button--link" data-testid="undo" onClick={onUndo}>
        {i18n.t('library.undo')}
      </button>
    </div>
  );
}
