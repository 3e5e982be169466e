import type { Organisation } from '@verity/contract';
import { useId, useState, type FormEvent } from 'react';
import { isApiError } from '../../../lib/api';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { updateOrganisation } from '../api';
import { countryOf, needsCountry } from '../labels';
import type { Outcome } from './users-table';

interface Props {
  organisation: Organisation;
  onSaved: (organisation: Organisation, outcome: Outcome) => void;
}

/** The secretariat edits an organisation's name and country, and deactivates or reactivates it. */
export function OrganisationDetails({ organisation, onSaved }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [name, setName] = useState(organisation.name);
  const [country, setCountry] = useState(organisation.country ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const send = async (patch: Parameters<typeof updateOrganisation>[1], outcome: (saved: Organisation) => Outcome) => {
    setBusy(true);
    setProblem(null);
    try {
      const saved = await updateOrganisation(organisation.id, patch);
      onSaved(saved, outcome(saved));
    } catch (error) {
      setProblem(errorMessage(i18n, isApiError(error) ? error.code : 'NETWORK_ERROR'));
    } finally {
      setBusy(false);
    }
  };

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!name.trim()) return setProblem(t('admin.nameRequired'));
    const parsed = countryOf(country);
    if (!parsed.ok) return setProblem(t('admin.countryInvalid'));
    if (needsCountry(organisation.kind) && !parsed.country) return setProblem(t('admin.countryRequired'));
    void send({ name: name.trim(), country: parsed.country }, () => ({ text: t('admin.organisation.saved') }));
  };

  const setActive = (active: boolean) => {
    setConfirming(false);
    void send({ active }, (saved) => ({
      text: active
        ? t('admin.organisation.reactivated', { name: saved.name })
        : t('admin.organisation.deactivated', { name: saved.name }),
    }));
  };

  const errorId = `${id}-error`;

  return (
    <section className="card admin-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('admin.organisation.details')}</h2>
      <form className="admin-form" onSubmit={save} noValidate>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('admin.name')}</label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={200}
            onChange={(event) => setName(event.target.value)}
            aria-describedby={problem ? errorId : undefined}
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
            aria-describedby={problem ? `${id}-country-hint ${errorId}` : `${id}-country-hint`}
          />
          <p id={`${id}-country-hint`} className="hint">
            {needsCountry(organisation.kind) ? t('admin.countryHintRequired') : t('admin.countryHint')}
          </p>
        </div>
        {problem && (
          <p id={errorId} className="alert admin-span" role="alert">
            {problem}
          </p>
        )}
        <div className="admin-actions admin-span">
          <button type="submit" className="button primary" disabled={busy}>
            {t('admin.organisation.save')}
          </button>
          {organisation.active && !confirming && (
            <button type="button" className="button admin-danger" disabled={busy} onClick={() => setConfirming(true)}>
              {t('admin.organisation.deactivate')}
            </button>
          )}
          {!organisation.active && (
            <button type="button" className="button" disabled={busy} onClick={() => setActive(true)}>
              {t('admin.organisation.reactivate')}
            </button>
          )}
        </div>
        {organisation.active && confirming && (
          <div
            className="admin-confirm admin-span"
            role="group"
            aria-label={t('admin.organisation.confirmDeactivate', { name: organisation.name })}
          >
            <span>{t('admin.organisation.confirmDeactivate', { name: organisation.name })}</span>
            <button type="button" className="button admin-danger" onClick={() => setActive(false)}>
              {t('admin.organisation.deactivate')}
            </button>
            <button type="button" className="button" autoFocus onClick={() => setConfirming(false)}>
              {t('admin.cancel')}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
