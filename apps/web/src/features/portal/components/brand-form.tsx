import type { Brand } from '@verity/contract';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../../../lib/api';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { createBrand, updateBrand, type BrandInput } from '../api';
import { DetailedApiError } from '../http';
import { parseCountries } from '../product-form';
import { useRowFocus } from '../use-row-focus';
import { CountriesInput } from './countries-input';

interface TrademarkDraft {
  key: number;
  office: string;
  registrationNumber: string;
  niceClasses: string;
  countries: string;
  validUntil: string;
}

let nextKey = 1;
const draftOf = (tm?: Brand['trademarks'][number]): TrademarkDraft => ({
  key: nextKey++,
  office: tm?.office ?? '',
  registrationNumber: tm?.registrationNumber ?? '',
  niceClasses: tm?.niceClasses.join(', ') ?? '',
  countries: tm?.countries.join(', ') ?? '',
  validUntil: tm?.validUntil ?? '',
});

/** Nice classes typed as "14, 9 25": whole numbers 1 to 45, or null when one is not. */
export function parseNiceClasses(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const numbers = parts.map(Number);
  return numbers.every((n) => Number.isInteger(n) && n >= 1 && n <= 45) ? [...new Set(numbers)] : null;
}

interface Props {
  brand: Brand | null;
  onSaved: (brand: Brand) => void;
  onCancel: () => void;
}

/** Create or edit a brand and its trademark registrations. */
export function BrandForm({ brand, onSaved, onCancel }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [name, setName] = useState(brand?.name ?? '');
  const [description, setDescription] = useState(brand?.description ?? '');
  const [trademarks, setTrademarks] = useState<TrademarkDraft[]>(() => brand?.trademarks.map(draftOf) ?? []);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const addTrademark = useRef<HTMLButtonElement>(null);
  const adding = useRowFocus(trademarks.length, (index) => `${id}-tm-${trademarks[index]?.key}-number`, addTrademark);

  // The form opens above the list: take the keyboard there.
  useEffect(() => nameInput.current?.focus(), []);

  const update = (index: number, change: Partial<TrademarkDraft>) =>
    setTrademarks((all) => all.map((tm, i) => (i === index ? { ...tm, ...change } : tm)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input: BrandInput = { name: name.trim(), description: description.trim() || null, trademarks: [] };
    if (!input.name) return setProblem(t('portal.brands.problems.name'));
    for (const [index, tm] of trademarks.entries()) {
      const classes = parseNiceClasses(tm.niceClasses);
      const countries = parseCountries(tm.countries);
      const number = index + 1;
      if (tm.office.trim().length < 2) return setProblem(t('portal.brands.problems.office', { number }));
      if (!tm.registrationNumber.trim()) return setProblem(t('portal.brands.problems.registration', { number }));
      if (!classes) return setProblem(t('portal.brands.problems.classes', { number }));
      if (countries.invalid.length > 0)
        return setProblem(t('portal.editor.problems.countries', { codes: countries.invalid.join(', ') }));
      input.trademarks.push({
        office: tm.office.trim(),
        registrationNumber: tm.registrationNumber.trim(),
        niceClasses: classes,
        countries: countries.codes,
        validUntil: tm.validUntil || null,
      });
    }
    setProblem(null);
    setSaving(true);
    try {
      onSaved(brand ? await updateBrand(brand.id, input) : await createBrand(input));
    } catch (error) {
      const code = isApiError(error) ? error.code : 'NETWORK_ERROR';
      const path = error instanceof DetailedApiError && Array.isArray(error.details) ? error.details : [];
      const where = path.map((d: { path?: string }) => d.path).filter(Boolean);
      setProblem(`${errorMessage(i18n, code)}${where.length ? ` (${where.join(', ')})` : ''}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="card portal-section" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>
        {brand ? t('portal.brands.editTitle', { name: brand.name }) : t('portal.brands.newTitle')}
      </h2>
      {problem && (
        <p className="alert" role="alert">
          {problem}
        </p>
      )}
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-name`}>
            {t('portal.brands.name')} <span className="required">{t('portal.editor.required')}</span>
          </label>
          <input
            ref={nameInput}
            id={`${id}-name`}
            value={name}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field span-all">
          <label htmlFor={`${id}-description`}>{t('portal.brands.description')}</label>
          <textarea
            id={`${id}-description`}
            rows={3}
            value={description}
            maxLength={5000}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
      </div>
      <h3>{t('portal.brands.trademarks')}</h3>
      {trademarks.length === 0 && <p className="muted">{t('portal.brands.noTrademarks')}</p>}
      <ol className="editor-rows">
        {trademarks.map((tm, index) => {
          const tid = `${id}-tm-${tm.key}`;
          return (
            <li key={tm.key} className="editor-row">
              <div className="form-grid">
                <div className="field">
                  <label htmlFor={`${tid}-number`}>{t('portal.brands.registrationNumber')}</label>
                  <input
                    id={`${tid}-number`}
                    value={tm.registrationNumber}
                    maxLength={60}
                    onChange={(e) => update(index, { registrationNumber: e.target.value })}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`${tid}-office`}>{t('portal.brands.office')}</label>
                  <input
                    id={`${tid}-office`}
                    value={tm.office}
                    maxLength={40}
                    aria-describedby={`${tid}-office-hint`}
                    onChange={(e) => update(index, { office: e.target.value })}
                  />
                  <p className="hint" id={`${tid}-office-hint`}>
                    {t('portal.brands.officeHint')}
                  </p>
                </div>
                <div className="field">
                  <label htmlFor={`${tid}-classes`}>{t('portal.brands.niceClasses')}</label>
                  <input
                    id={`${tid}-classes`}
                    value={tm.niceClasses}
                    inputMode="numeric"
                    aria-invalid={parseNiceClasses(tm.niceClasses) === null}
                    aria-describedby={`${tid}-classes-hint`}
                    onChange={(e) => update(index, { niceClasses: e.target.value })}
                  />
                  <p className="hint" id={`${tid}-classes-hint`}>
                    {t('portal.brands.niceClassesHint')}
                  </p>
                </div>
                <div className="field">
                  <label htmlFor={`${tid}-until`}>{t('portal.brands.validUntil')}</label>
                  <input
                    id={`${tid}-until`}
                    type="date"
                    value={tm.validUntil}
                    onChange={(e) => update(index, { validUntil: e.target.value })}
                  />
                </div>
                <div className="span-all">
                  <CountriesInput
                    id={`${tid}-countries`}
                    label={t('portal.brands.countries')}
                    hint={t('portal.brands.countriesHint')}
                    value={tm.countries}
                    onChange={(countries) => update(index, { countries })}
                  />
                </div>
              </div>
              <button
                type="button"
                className="button"
                onClick={() => setTrademarks((all) => all.filter((_, i) => i !== index))}
              >
                {t('portal.brands.removeTrademark', { number: index + 1 })}
              </button>
            </li>
          );
        })}
      </ol>
      <p>
        <button
          ref={addTrademark}
          type="button"
          className="button"
          onClick={() => {
            adding();
            setTrademarks((all) => [...all, draftOf()]);
          }}
        >
          {t('portal.brands.addTrademark')}
        </button>
      </p>
      <div className="editor-actions">
        <button type="submit" className="button primary" disabled={saving}>
          {saving ? t('portal.editor.saving') : t('portal.brands.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('portal.brands.cancel')}
        </button>
      </div>
    </form>
  );
}
