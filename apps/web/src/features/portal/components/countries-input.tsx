import { useI18n } from '../../../lib/i18n';
import { displayNames } from '../../../shared/display-names';
import { parseCountries } from '../product-form';

interface Props {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
}

/** ISO country codes typed freely ("FR, DE IT"), each shown back with its name, unknown ones flagged. */
export function CountriesInput({ id, label, hint, value, onChange }: Props) {
  const { t, lang } = useI18n();
  const names = displayNames(lang);
  const { codes, invalid } = parseCountries(value);
  const unknown = codes.filter((code) => names.country(code) === code);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <input
        id={id}
        value={value}
        dir="ltr"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        aria-invalid={invalid.length > 0}
        aria-describedby={`${id}-hint ${id}-names`}
        onChange={(e) => onChange(e.target.value)}
      />
      <div id={`${id}-names`}>
        {codes.length > 0 && (
          <ul className="country-names">
            {codes.map((code) => (
              <li key={code}>
                <code>{code}</code> {names.country(code)}
              </li>
            ))}
          </ul>
        )}
        {invalid.length > 0 && (
          <p className="invalid field-error">
            <span aria-hidden="true">✗</span> {t('portal.editor.problems.countries', { codes: invalid.join(', ') })}
          </p>
        )}
        {unknown.length > 0 && <p className="hint">{t('portal.supplyChain.unknown', { codes: unknown.join(', ') })}</p>}
      </div>
    </div>
  );
}
