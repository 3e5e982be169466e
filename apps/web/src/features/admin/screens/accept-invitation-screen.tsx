import type { Invitation } from '@verity/contract';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { isAbort, isApiError } from '../../../lib/api';
import { errorMessage, useI18n, type MessageKey } from '../../../lib/i18n';
import { acceptInvitation, readInvitation } from '../api';
import { kindLabel, roleLabel } from '../labels';

const MIN_PASSWORD = 12;

type Loaded = { invitation: Invitation } | { code: string } | null;
type Problem = { field: 'password' | 'confirm' | null; text: string };

/** /invite/:token: who is invited where; choosing a password spends the link and signs in. */
export function AcceptInvitationScreen({ token }: { token: string }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const id = useId();
  const [loaded, setLoaded] = useState<Loaded>(null);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [visible, setVisible] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    readInvitation(token, controller.signal)
      .then((invitation) => setLoaded({ invitation }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setLoaded({ code: isApiError(error) ? error.code : 'NETWORK_ERROR' });
      });
    return () => controller.abort();
  }, [token]);

  const refuse = (field: Problem['field'], key: MessageKey) => {
    setProblem({ field, text: t(key) });
    (field === 'confirm' ? confirmRef : passwordRef).current?.focus();
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (password.length < MIN_PASSWORD) return refuse('password', 'invitation.tooShort');
    if (confirm !== password) return refuse('confirm', 'invitation.mismatch');
    setBusy(true);
    setProblem(null);
    try {
      await acceptInvitation(token, password);
      // A full load, so the shell starts with the new session like any signed-in visit.
      window.location.assign('/');
    } catch (error) {
      const code = isApiError(error) ? error.code : 'NETWORK_ERROR';
      if (code === 'INVITATION_INVALID') setLoaded({ code });
      else setProblem({ field: null, text: errorMessage(i18n, code) });
      setBusy(false);
    }
  }

  if (loaded === null) return <p className="muted">{t('invitation.loading')}</p>;
  if ('code' in loaded)
    return (
      <section className="card invitation">
        <h1>{t('invitation.invalidTitle')}</h1>
        <p className="alert" role="alert">
          {errorMessage(i18n, loaded.code)}
        </p>
        <p>
          <a href="/">{t('invitation.signIn')}</a>
        </p>
      </section>
    );

  const { invitation } = loaded;
  const errorId = `${id}-error`;
  const expires = new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(new Date(invitation.expiresAt));
  const describedBy = (field: 'password' | 'confirm') =>
    [field === 'password' ? `${id}-hint` : '', problem?.field === field ? errorId : ''].filter(Boolean).join(' ') ||
    undefined;

  return (
    <section className="card invitation" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('invitation.title')}</h1>
      <p>
        {t('invitation.intro', {
          name: invitation.name,
          organisation: invitation.organisation.name,
          kind: kindLabel(i18n, invitation.organisation.kind),
          role: roleLabel(i18n, invitation.role),
        })}
      </p>
      <p className="hint">{t('invitation.account', { email: invitation.email, date: expires })}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {/* For password managers: the account the new password belongs to. */}
        <input type="hidden" name="username" autoComplete="username" value={invitation.email} />
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('invitation.password')}</label>
          <input
            id={`${id}-password`}
            ref={passwordRef}
            type={visible ? 'text' : 'password'}
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={problem?.field === 'password' || undefined}
            aria-describedby={describedBy('password')}
          />
          <p id={`${id}-hint`} className="hint">
            {t('invitation.passwordHint', { min: MIN_PASSWORD })}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-confirm`}>{t('invitation.confirm')}</label>
          <input
            id={`${id}-confirm`}
            ref={confirmRef}
            type={visible ? 'text' : 'password'}
            autoComplete="new-password"
            value={confirm}
            onChange={(event) => setConfirm(event.target.value)}
            aria-invalid={problem?.field === 'confirm' || undefined}
            aria-describedby={describedBy('confirm')}
          />
        </div>
        <div className="invitation-toggle">
          <input
            id={`${id}-show`}
            type="checkbox"
            checked={visible}
            onChange={(event) => setVisible(event.target.checked)}
          />
          <label htmlFor={`${id}-show`}>{t('invitation.show')}</label>
        </div>
        {problem && (
          <p id={errorId} className="alert" role="alert">
            {problem.text}
          </p>
        )}
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('invitation.submitting') : t('invitation.submit')}
        </button>
      </form>
    </section>
  );
}
