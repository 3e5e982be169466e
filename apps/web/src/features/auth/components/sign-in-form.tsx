import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../../../lib/api';
import { errorMessage, useI18n, type MessageKey } from '../../../lib/i18n';

interface Props {
  onSignIn: (email: string, password: string) => Promise<void>;
  /** The previous session ended on its own (shown above the form). */
  expired?: boolean;
  /** The server could not be reached when the app opened. */
  offline?: boolean;
  /** Move the focus to the form's heading when it appears after the user signed out. */
  focusOnMount?: boolean;
}

type Problem = { code: string } | { key: MessageKey };

export function SignInForm({ onSignIn, expired = false, offline = false, focusOnMount = false }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Our own checks rather than the browser's bubbles, which speak the browser's language.
    if (email.trim() === '') {
      setProblem({ key: 'auth.emailRequired' });
      emailRef.current?.focus();
      return;
    }
    if (password === '') {
      setProblem({ key: 'auth.passwordRequired' });
      passwordRef.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await onSignIn(email.trim(), password);
    } catch (error) {
      setProblem({ code: isApiError(error) ? error.code : 'UNEXPECTED_RESPONSE' });
      setBusy(false);
    }
  }

  const errorId = `${id}-error`;
  const message = problem && ('key' in problem ? t(problem.key) : errorMessage(i18n, problem.code));

  return (
    <section className="card sign-in" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {t('auth.title')}
      </h1>
      {expired && <p className="notice">{t('auth.sessionEnded')}</p>}
      {offline && (
        <p className="notice" data-testid="offline">
          {t('auth.offline')}
        </p>
      )}
      <p className="hint">{t('auth.intro')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('auth.email')}</label>
          <input
            id={`${id}-email`}
            ref={emailRef}
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            autoCapitalize="off"
            spellCheck={false}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? errorId : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('auth.password')}</label>
          <input
            id={`${id}-password`}
            ref={passwordRef}
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? errorId : undefined}
          />
        </div>
        {message && (
          <p id={errorId} className="alert" role="alert">
            {message}
          </p>
        )}
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('auth.submitting') : t('auth.submit')}
        </button>
      </form>
    </section>
  );
}
