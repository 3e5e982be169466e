import { useId } from 'react';
import { useI18n } from '../../../lib/i18n';

interface Props {
  /** Fraction of the file sent (0..1). */
  sent: number;
  /** Rows the server has written, of the file's `total`. */
  rows: number;
  total: number;
}

/**
 * One bar for the whole import: rows written out of the file's rows, as the server reports
 * them after each batch (the upload itself is quick; writing is what takes time). Before the
 * first batch, the upload's own progress shows that something is moving.
 */
export function ImportProgress({ sent, rows, total }: Props) {
  const { t, lang } = useI18n();
  const id = useId();
  const number = new Intl.NumberFormat(lang);
  const value = total > 0 ? Math.min(1, rows / total) : sent;
  return (
    <div className="import-progress">
      <label htmlFor={`${id}-bar`}>{t('portal.import.progress')}</label>
      <progress id={`${id}-bar`} max={1} value={value} aria-describedby={`${id}-text`} />
      <p id={`${id}-text`} className="muted" data-testid="import-percent">
        {new Intl.NumberFormat(lang, { style: 'percent' }).format(value)}
        {total > 0 && ` · ${t('portal.import.rowsDone', { done: number.format(rows), total: number.format(total) })}`}
      </p>
    </div>
  );
}
