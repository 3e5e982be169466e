import { useI18n } from '../../../lib/i18n';
import { dayFormat } from '../case-display';

/** The answer's due day, with an overdue mark that does not rely on colour alone (icon and words). */
export function Deadline({ day, overdue }: { day: string | null; overdue: boolean }) {
  const { t, lang } = useI18n();
  if (!day) return <span className="muted">{t('cases.noDeadline')}</span>;
  const formatted = dayFormat(lang).format(new Date(`${day}T00:00:00Z`));
  return (
    <span className={overdue ? 'case-deadline overdue' : 'case-deadline'}>
      {t('cases.dueBy', { day: formatted })}
      {overdue && (
        <strong className="case-overdue">
          <span aria-hidden="true">⚠ </span>
          {t('cases.overdue')}
        </strong>
      )}
    </span>
  );
}
