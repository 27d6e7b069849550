import { i18n } from '#i18n';

export interface ProgressBarProps {
  done: number;
  total: number;
  /** What is happening, already worded for the user. */
  label: string;
}

/** A determinate bar when the total is known, an indeterminate one when it is not (yet). */
export function ProgressBar({ done, total, label }: ProgressBarProps) {
  const known = total > 0;
  return (
    <div class="progress" data-testid="progress">
      <progress class="progress__bar" max={known ? total : undefined} value={known ? done : undefined} aria-label={label} />
      <span class="progress__label" role="status">
        {label}
        {known && ` ${i18n.t('transfer.progress', [done.toLocaleString(), total.toLocaleString()])}`}
      </span>
    </div>
  );
}
