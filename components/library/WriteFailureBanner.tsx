import { i18n } from '#i18n';
import type { WriteFailure } from '@/utils/data/write-failure';

export function WriteFailureBanner({ failure }: { failure: WriteFailure | null }) {
  if (!failure) return null;
  return (
    <p class="banner banner--error" role="alert" data-testid="write-failure">
      {failure.kind === 'quota' ? i18n.t('library.quotaExceeded') : i18n.t('library.writeFailed', [failure.message])}
    </p>
  );
}
