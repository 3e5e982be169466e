import { useEffect, useId, useState } from 'react';
import { useI18n } from '../../../lib/i18n';

interface Props {
  /** uploading: the file is going up; importing: all sent, the server is still writing rows. */
  phase: 'uploading' | 'importing' | 'done';
  /** Fraction of the file sent (0..1). */
  sent: number;
}

/**
 * The server imports rows as the body arrives, so the upload's progress follows the import; but
 * once the last bytes are in its buffers the upload reads 100 % while rows are still being
 * written (minutes for a large file on a slow database). That phase gets an indeterminate bar and
 * the time elapsed, rather than a full bar that seems stuck.
 */
export function ImportProgress({ phase, sent }: Props) {
  const { t, lang } = useI18n();
  const id = useId();
  const [since, setSince] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (phase !== 'importing') {
      setSince(null);
      return;
    }
    setSince(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [phase]);

  const value = phase === 'done' ? 1 : sent;
  const seconds = since === null ? 0 : Math.max(0, Math.round((now - since) / 1000));
  return (
    <div className="import-progress">
      <label htmlFor={`${id}-bar`}>{t('portal.import.progress')}</label>
      {phase === 'importing' ? (
        <progress id={`${id}-bar`} aria-describedby={`${id}-text`} />
      ) : (
        <progress id={`${id}-bar`} max={1} value={value} aria-describedby={`${id}-text`} />
      )}
      <p id={`${id}-text`} className="muted" data-testid="import-percent">
        {phase === 'importing'
          ? t('portal.import.finishing', { seconds: new Intl.NumberFormat(lang).format(seconds) })
          : new Intl.NumberFormat(lang, { style: 'percent' }).format(value)}
      </p>
    </div>
  );
}
