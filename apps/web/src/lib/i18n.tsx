import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { englishMessages as en, loadCatalog } from '../locales/catalogs';
import { directionOf, preferredLanguage, type UiLanguage } from '../locales/languages';
import { translate, type Messages, type Params } from './translate';

/**
 * A message key: `<namespace>.<key>` (see locales/catalogs.ts). Keys are strings so that each
 * screen's file stays its own; the locale tests check every literal key used in the source.
 */
export type MessageKey = string;

export async function loadMessages(lang: UiLanguage): Promise<Messages> {
  return loadCatalog(lang);
}

const STORAGE_KEY = 'verity.language';
/** The language of the last profile seen on this device: the next visit starts in it. */
const PROFILE_KEY = 'verity.profileLanguage';

/** Whether the language was chosen on this device (a choice made here wins over the profile's). */
export function hasStoredLanguage(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== null;
  } catch {
    return false;
  }
}

/**
 * The stored choice, else the language of the last profile seen here (so a French officer's
 * pages do not open in English and then switch: no flash, no second rendering of the whole
 * page, no layout shift), else the browser's preference, else English.
 */
export function initialLanguage(): UiLanguage {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY) ?? localStorage.getItem(PROFILE_KEY);
  } catch {
    // Storage can be disabled (private mode, policies): the browser's preference still applies.
  }
  return preferredLanguage(stored, navigator.languages);
}

export interface I18n {
  lang: UiLanguage;
  /** The message for a key known at compile time. */
  t: (key: MessageKey, params?: Params) => string;
  /** The message for a key built at run time (`errors.${code}`), or undefined when there is none. */
  tx: (key: string, params?: Params) => string | undefined;
  /**
   * Switches the language once its messages are loaded and remembers the choice on this device;
   * with `remember` false (a language taken from the user's profile), only as the profile's, which
   * the next visit starts in but a choice made on the device overrides.
   */
  setLang: (lang: UiLanguage, options?: { remember?: boolean }) => Promise<void>;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider(props: { lang: UiLanguage; messages: Messages; children: ReactNode }) {
  const [state, setState] = useState({ lang: props.lang, messages: props.messages });
  const { lang, messages } = state;

  useEffect(() => {
    const root = document.documentElement;
    root.lang = lang;
    root.dir = directionOf(lang);
  }, [lang]);

  const setLang = useCallback(async (next: UiLanguage, options: { remember?: boolean } = {}) => {
    const nextMessages = await loadMessages(next);
    setState({ lang: next, messages: nextMessages });
    try {
      localStorage.setItem(options.remember === false ? PROFILE_KEY : STORAGE_KEY, next);
    } catch {
      // Not remembered across visits; the choice still holds for this page.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const catalogs = messages === en ? [en] : [messages, en];
    const tx = (key: string, params?: Params) => translate(lang, catalogs, key, params);
    return { lang, tx, t: (key, params) => tx(key, params) ?? key, setLang };
  }, [lang, messages, setLang]);

  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n needs an <I18nProvider> above it');
  return i18n;
}

/** The message of an error code (`errors.<CODE>`), or a generic one that still names the code. */
export function errorMessage(i18n: Pick<I18n, 't' | 'tx'>, code: string): string {
  return i18n.tx(`errors.${code}`) ?? i18n.t('errors.UNKNOWN', { code });
}
