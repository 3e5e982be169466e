import { useEffect } from 'react';
import { AccountBar } from '../features/auth/components/account-bar';
import { SignInForm } from '../features/auth/components/sign-in-form';
import { useSession } from '../features/auth/use-session';
import { HealthStatus } from '../features/health/health-status';
import { IdentifyScreen } from '../features/identify/screens/identify-screen';
import { useI18n } from '../lib/i18n';
import { LanguageSwitcher } from './language-switcher';

/** The page: header (name, language), then sign-in or the identify screen, then server status. */
export function App() {
  const { t, lang } = useI18n();
  const { session, signIn, signOut, expire } = useSession();

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <div>
            <h1>{t('app.name')}</h1>
            <p className="tagline">{t('app.tagline')}</p>
          </div>
        </div>
        <LanguageSwitcher />
      </header>
      <main id="main" tabIndex={-1}>
        {session.status === 'loading' && <p className="muted">{t('auth.loading')}</p>}
        {session.status === 'signed-out' && (
          <SignInForm
            onSignIn={signIn}
            expired={session.reason === 'expired'}
            focusOnMount={session.reason !== undefined}
          />
        )}
        {session.status === 'signed-in' && (
          <>
            <AccountBar me={session.me} onSignOut={signOut} />
            <IdentifyScreen lang={lang} onAuthRequired={expire} />
          </>
        )}
      </main>
      <footer className="app-footer">
        <HealthStatus />
      </footer>
    </>
  );
}
