import type { Me } from '@verity/contract';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';

interface Props {
  me: Me;
  onSignOut: () => Promise<void>;
}

/** Who is signed in, for which organisation and role, and the way out. */
export function AccountBar({ me, onSignOut }: Props) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const { user, membership } = me;

  return (
    <section className="account" aria-label={t('auth.accountLabel')}>
      <div>
        <p className="account-name">{t('auth.signedInAs', { name: user.name })}</p>
        <p className="account-detail">
          {t('auth.membership', {
            role: t(`auth.roles.${membership.role}`),
            organisation: membership.organisation.name,
          })}
        </p>
        <p className="account-detail">{user.email}</p>
      </div>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void onSignOut();
        }}
      >
        {t('auth.signOut')}
      </button>
    </section>
  );
}
