import type { Organisation, OrganisationKind } from '@verity/contract';
import { organisationKinds } from '@verity/contract/values';
import { useId, useState, type FormEvent } from 'react';
import { isApiError } from '../../../lib/api';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { createOrganisation } from '../api';
import { countryOf, kindLabel, needsCountry } from '../labels';

interface Props {
  onCreated: (organisation: Organisation) => void;
  onCancel: () => void;
}

/** "New organisation": kind, name and — for administrations and agencies — country. */
export function OrganisationForm({ onCreated, onCancel }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [kind, setKind] = useState<OrganisationKind>('right_holder');
  const [name, setName] = useState('');
  const [country, setCountry] = useState('');
  const [problem, setProblem] = useState<{ field: 'name' | 'country' | null; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!name.trim()) return setProblem({ field: 'name', text: t('admin.nameRequired') });
    const parsed = countryOf(country);
    if (!parsed.ok) return setProblem({ field: 'country', text: t('admin.countryInvalid') });
    if (needsCountry(kind) && !parsed.country)
      return setProblem({ field: 'country', text: t('admin.countryRequired') });
    setBusy(true);
    setProblem(null);
    try {
      onCreated(await createOrganisation({ kind, name: name.trim(), country: parsed.country }));
    } catch (error) {
      setProblem({ field: null, text: errorMessage(i18n, isApiError(error) ? error.code : 'NETWORK_ERROR') });
      setBusy(false);
    }
  }

  const errorId = `${id}-error`;

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('admin.newOrganisation')}</h2>
      <form className="admin-form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('admin.kind')}</label>
          <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value as OrganisationKind)}>
            {organisationKinds.map((k) => (
              <option key={k} value={k}>
                {kindLabel(i18n, k)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('admin.name')}</label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={200}
            onChange={(event) => setName(event.target.value)}
            aria-invalid={problem?.field === 'name' ? true : undefined}
            aria-describedby={problem?.field === 'name' ? errorId : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-country`}>{t('admin.country')}</label>
          <input
            id={`${id}-country`}
            value={country}
            maxLength={2}
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setCountry(event.target.value)}
            aria-invalid={problem?.field === 'country' ? true : undefined}
            aria-describedby={problem?.field === 'country' ? `${id}-country-hint ${errorId}` : `${id}-country-hint`}
          />
          <p id={`${id}-country-hint`} className="hint">
            {needsCountry(kind) ? t('admin.countryHintRequired') : t('admin.countryHint')}
          </p>
        </div>
        {problem && (
          <p id={errorId} className="alert admin-span" role="alert">
            {problem.text}
          </p>
        )}
        <div className="admin-actions admin-span">
          <button type="submit" className="button primary" disabled={busy}>
            {t('admin.create')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('admin.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
