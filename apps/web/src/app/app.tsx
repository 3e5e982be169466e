import { useCallback, useEffect } from 'react';
import { AccountBar } from '../features/auth/components/account-bar';
import { SignInForm } from '../features/auth/components/sign-in-form';
import { updateProfile } from '../features/auth/api';
import { useSession } from '../features/auth/use-session';
import { HealthStatus } from '../features/health/health-status';
import { IdentifyScreen } from '../features/identify/screens/identify-screen';
import { hasStoredLanguage, useI18n } from '../lib/i18n';
import { isUiLanguage, type UiLanguage } from '../locales/languages';
import { LanguageSwitcher } from './language-switcher';

/** The page: header (name, language), then sign-in or the identify screen, then server status. */
export function App() {
  const { t, lang, setLang } = useI18n();
  const { session, signIn, signOut, expire } = useSession();
  const signedIn = session.status === 'signed-in';
  const profileLocale = signedIn ? session.me.user.locale : null;

  // The language of the user's profile, unless one was chosen on this device.
  useEffect(() => {
    if (!hasStoredLanguage() && isUiLanguage(profileLocale)) void setLang(profileLocale, { remember: false });
  }, [profileLocale, setLang]);

  // A language chosen while signed in is saved in the profile, so other devices follow it.
  const saveChoice = useCallback(
    (chosen: UiLanguage) => {
      if (signedIn) updateProfile({ locale: chosen }).catch(() => {}); // the page already switched
    },
    [signedIn],
  );

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
        <LanguageSwitcher onChosen={saveChoice} />
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
