import { useI18n } from '../../../lib/i18n';

export type State = 'active' | 'inactive' | 'invited';

/** Active, deactivated, or invited and not yet signed in: in words, not only in colour. */
export function StateBadge({ state }: { state: State }) {
  const { t } = useI18n();
  const text = state === 'active' ? t('admin.active') : state === 'inactive' ? t('admin.inactive') : t('admin.invited');
  return <span className={`admin-state admin-state-${state}`}>{text}</span>;
}
