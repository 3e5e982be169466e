import type { Language } from '@verity/contract';
import { languages } from '@verity/contract/values';
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../../../lib/i18n';
import { displayNames } from '../../../shared/display-names';

interface Props {
  /** Prefix of the tabs' and panel's ids (unique on the page). */
  id: string;
  label: string;
  selected: Language;
  onSelect: (lang: Language) => void;
  defaultLanguage: Language;
  /** Languages missing a text that another language has: marked with an icon and words. */
  missing: ReadonlySet<Language>;
  children: ReactNode;
}

/**
 * One tab per content language (WAI-ARIA tabs pattern: arrows, Home and End move between tabs,
 * the selected tab alone is in the Tab order). The panel holds the fields of the chosen language.
 */
export function LanguageTabs({ id, label, selected, onSelect, defaultLanguage, missing, children }: Props) {
  const { t, lang } = useI18n();
  const names = displayNames(lang);
  const tabs = useRef(new Map<Language, HTMLButtonElement>());

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = languages.indexOf(selected);
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    let next: Language | undefined;
    if (step !== undefined) next = languages[(at + step + languages.length) % languages.length];
    else if (event.key === 'Home') next = languages[0];
    else if (event.key === 'End') next = languages[languages.length - 1];
    if (!next) return;
    event.preventDefault();
    onSelect(next);
    tabs.current.get(next)?.focus();
  };

  return (
    <div className="language-tabs">
      <div role="tablist" aria-label={label} className="tablist" onKeyDown={move}>
        {languages.map((code) => (
          <button
            key={code}
            ref={(node) => {
              if (node) tabs.current.set(code, node);
              else tabs.current.delete(code);
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${code}`}
            aria-selected={code === selected}
            aria-controls={`${id}-panel`}
            tabIndex={code === selected ? 0 : -1}
            className="tab"
            onClick={() => onSelect(code)}
          >
            <span>{names.language(code)}</span>
            {code === defaultLanguage && <span className="tab-note">{t('portal.tabs.default')}</span>}
            {missing.has(code) && (
              <span className="tab-missing">
                <span aria-hidden="true">⚠</span> {t('portal.tabs.missing')}
              </span>
            )}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${selected}`} className="tabpanel">
        {children}
      </div>
    </div>
  );
}
