import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { AccountBar } from '../features/auth/components/account-bar';
import { SignInForm } from '../features/auth/components/sign-in-form';
import { updateProfile } from '../features/auth/api';
import { useSession } from '../features/auth/use-session';
import { HealthStatus } from '../features/health/health-status';
import { IdentifyScreen } from '../features/identify/screens/identify-screen';
import { ScanButton } from '../features/scan/scan-button';
import { AUTH_REQUIRED_EVENT } from '../lib/api';
import { AppContext, type AppContextValue } from '../lib/app-context';
import { useDocumentTitle } from '../lib/document-title';
import { hasStoredLanguage, useI18n } from '../lib/i18n';
import { navigate, useLocation } from '../lib/router';
import { isUiLanguage, type UiLanguage } from '../locales/languages';
import { LanguageSwitcher } from './language-switcher';
import { MainNavigation } from './main-navigation';
import { findRoute, homeOf, publicRoutes, signedInRoutes } from './routes';
import { useWhenIdle } from './use-when-idle';

// The bell is not what anyone opens a page for: its code loads, and its stream opens, once the
// screen is up (its place in the header is kept from the first paint, so nothing moves).
const NotificationBell = lazy(() =>
  import('../features/notifications/notification-bell').then((module) => ({ default: module.NotificationBell })),
);

const SIGNED_IN_KEY = 'verity.signedIn';

/** Whether this device was signed in when it last knew (a hint for the layout, never for access). */
function readSignedInHint(): boolean {
  try {
    return localStorage.getItem(SIGNED_IN_KEY) === '1';
  } catch {
    return false;
  }
}

function writeSignedInHint(signedIn: boolean) {
  try {
    localStorage.setItem(SIGNED_IN_KEY, signedIn ? '1' : '0');
  } catch {
    // Without storage the header just does not hold the places.
  }
}

/** The page: header (name, navigation, language, account), the screen of the current path, status. */
export function App() {
  const { t, lang, setLang } = useI18n();
  const { session, signIn, signOut, expire } = useSession();
  const { path, query } = useLocation();
  const signedIn = session.status === 'signed-in';
  const profileLocale = signedIn ? session.me.user.locale : null;
  const role = signedIn ? session.me.membership.role : null;

  // The language of the user's profile, unless one was chosen on this device.
  useEffect(() => {
    if (!hasStoredLanguage() && isUiLanguage(profileLocale) && profileLocale !== lang)
      void setLang(profileLocale, { remember: false });
  }, [profileLocale, lang, setLang]);

  // Any call that finds the session gone brings back the sign-in form (the path is kept).
  useEffect(() => {
    window.addEventListener(AUTH_REQUIRED_EVENT, expire);
    return () => window.removeEventListener(AUTH_REQUIRED_EVENT, expire);
  }, [expire]);

  // `/` is the identify screen for officers; other roles start on their own home.
  useEffect(() => {
    if (role && path === '/' && homeOf(role) !== '/') navigate(homeOf(role), { replace: true });
  }, [role, path]);

  // A language chosen while signed in is saved in the profile, so other devices follow it.
  const saveChoice = useCallback(
    (chosen: UiLanguage) => {
      if (signedIn) updateProfile({ locale: chosen }).catch(() => {}); // the page already switched
    },
    [signedIn],
  );

  useDocumentTitle(t('app.title'), { fallback: true });

  const context = useMemo<AppContextValue | null>(
    () => (session.status === 'signed-in' ? { me: session.me, onAuthRequired: expire } : null),
    [session, expire],
  );

  const publicRoute = findRoute(publicRoutes, path);
  const route = findRoute(signedInRoutes, path);
  const allowed = !route?.roles || (role !== null && route.roles.includes(role));
  const bellReady = useWhenIdle(context !== null);
  // While the session is checked, the header keeps the places of the bell and the navigation
  // only if this device was signed in last time: the sign-in form does not jump up either.
  const [wasSignedIn] = useState(readSignedInHint);
  useEffect(() => {
    if (session.status !== 'loading') writeSignedInHint(session.status === 'signed-in');
  }, [session.status]);
  const holdPlaces = session.status === 'loading' && wasSignedIn;

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <div>
            <p className="app-name">{t('app.name')}</p>
            <p className="tagline">{t('app.tagline')}</p>
          </div>
        </div>
        <div className="header-tools">
          {/* The bell's place, kept while the session is checked and while its code loads. */}
          {(holdPlaces || context) && (
            <div className="bell-slot">
              {context && bellReady && (
                <Suspense fallback={null}>
                  <NotificationBell />
                </Suspense>
              )}
            </div>
          )}
          <LanguageSwitcher onChosen={saveChoice} />
        </div>
        {context && <MainNavigation role={context.me.membership.role} path={path} />}
        {/* Holds the navigation's place while the session is checked: nothing jumps when it comes. */}
        {holdPlaces && <div className="main-nav-placeholder" aria-hidden="true" />}
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
          {publicRoute ? (
            <publicRoute.area path={path} query={query} />
          ) : (
            <>
              {session.status === 'loading' && <p className="muted">{t('auth.loading')}</p>}
              {session.status === 'signed-out' && (
                <SignInForm
                  onSignIn={signIn}
                  expired={session.reason === 'expired'}
                  offline={session.reason === 'offline'}
                  focusOnMount={session.reason === 'expired' || session.reason === 'signed-out'}
                />
              )}
              {context && (
                <AppContext.Provider value={context}>
                  {!allowed && <p className="alert">{t('errors.FORBIDDEN')}</p>}
                  {allowed && route && <route.area path={path} query={query} />}
                  {!route && path === '/' && (
                    <IdentifyScreen
                      lang={lang}
                      onAuthRequired={expire}
                      initialInput={query.get('code') ?? ''}
                      scanButton={(onDetected) => <ScanButton onDetected={onDetected} />}
                    />
                  )}
                  {!route && path !== '/' && (
                    <section className="card">
                      <h1>{t('app.pageNotFound')}</h1>
                      <p>
                        <a href="/">{t('app.backHome')}</a>
                      </p>
                    </section>
                  )}
                </AppContext.Provider>
              )}
            </>
          )}
        </Suspense>
      </main>
      <footer className="app-footer">
        {/* Below the screen's content (and the fold): what the officer came for comes first. */}
        {context && <AccountBar me={context.me} onSignOut={signOut} />}
        <HealthStatus />
      </footer>
    </>
  );
}
