import type { CreatedUser, Language, Organisation, Role } from '@verity/contract';
import { languages, rolesByKind } from '@verity/contract/values';
import { useId, useState, type FormEvent } from 'react';
import { isApiError } from '../../../lib/api';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { inviteUser } from '../api';
import { roleLabel } from '../labels';

interface Props {
  organisation: Organisation;
  onInvited: (user: CreatedUser) => void;
  onCancel: () => void;
}

type Field = 'name' | 'email';

/** "Invite a user": creates the account without a password; the answer carries the one-time link. */
export function InviteForm({ organisation, onInvited, onCancel }: Props) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const id = useId();
  const roles = rolesByKind[organisation.kind];
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>(roles[0]!);
  const [locale, setLocale] = useState<Language | ''>('');
  const [problem, setProblem] = useState<{ field: Field | null; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const languageNames = new Intl.DisplayNames([lang], { type: 'language' });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!name.trim()) return setProblem({ field: 'name', text: t('admin.invite.nameRequired') });
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()))
      return setProblem({ field: 'email', text: t('admin.invite.emailInvalid') });
    setBusy(true);
    setProblem(null);
    try {
      onInvited(
        await inviteUser({
          name: name.trim(),
          email: email.trim(),
          role,
          organisationId: organisation.id,
          ...(locale ? { locale } : {}),
        }),
      );
    } catch (error) {
      setProblem({ field: null, text: errorMessage(i18n, isApiError(error) ? error.code : 'NETWORK_ERROR') });
      setBusy(false);
    }
  }

  const errorId = `${id}-error`;
  const invalid = (field: Field) => problem?.field === field;

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('admin.invite.title')}</h2>
      <form className="admin-form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('admin.invite.name')}</label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={200}
            autoComplete="off"
            onChange={(event) => setName(event.target.value)}
            aria-invalid={invalid('name') || undefined}
            aria-describedby={invalid('name') ? errorId : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('admin.invite.email')}</label>
          <input
            id={`${id}-email`}
            type="email"
            inputMode="email"
            autoCapitalize="off"
            autoComplete="off"
            spellCheck={false}
            value={email}
            maxLength={320}
            onChange={(event) => setEmail(event.target.value)}
            aria-invalid={invalid('email') || undefined}
            aria-describedby={invalid('email') ? errorId : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('admin.invite.role')}</label>
          <select id={`${id}-role`} value={role} onChange={(event) => setRole(event.target.value as Role)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabel(i18n, r)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-locale`}>{t('admin.invite.language')}</label>
          <select
            id={`${id}-locale`}
            value={locale}
            onChange={(event) => setLocale(event.target.value as Language | '')}
          >
            <option value="">{t('admin.invite.languageDefault')}</option>
            {languages.map((code) => (
              <option key={code} value={code}>
                {languageNames.of(code) ?? code}
              </option>
            ))}
          </select>
        </div>
        {problem && (
          <p id={errorId} className="alert admin-span" role="alert">
            {problem.text}
          </p>
        )}
        <div className="admin-actions admin-span">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t('admin.invite.submitting') : t('admin.invite.submit')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('admin.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
