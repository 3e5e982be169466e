import { useId } from 'react';
import { useI18n } from '../lib/i18n';
import { isUiLanguage, uiLanguages, type UiLanguage } from '../locales/languages';

/**
 * Every language named in itself, so a reader finds theirs whatever the page is in now.
 * `onChosen`: told of a choice made here (the app saves it to the user's profile).
 */
export function LanguageSwitcher({ onChosen }: { onChosen?: (lang: UiLanguage) => void }) {
  const { t, lang, setLang } = useI18n();
  const id = useId();
  return (
    <div className="language">
      <label htmlFor={id}>{t('app.language')}</label>
      <select
        id={id}
        value={lang}
        onChange={(event) => {
          const next = event.target.value;
          if (!isUiLanguage(next)) return;
          void setLang(next);
          onChosen?.(next);
        }}
      >
        {uiLanguages.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.name}
          </option>
        ))}
      </select>
    </div>
  );
}
