import type { CaseSettings as Settings, Organisation } from '@verity/contract';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { isAbort, isApiError } from '../../../lib/api';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { readCaseSettings, saveCaseSettings } from '../api';
import type { Outcome } from './users-table';

const MIN_DAYS = 1;
const MAX_DAYS = 60;

/**
 * A customs administration's settings for its cases: how many working days right holders have
 * to answer a case it submits (10 unless it sets another number). Its admin or the secretariat.
 */
export function CaseSettings({
  organisation,
  onSaved,
}: {
  organisation: Organisation;
  onSaved: (outcome: Outcome) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [days, setDays] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    readCaseSettings(organisation.id, controller.signal).then(
      (loaded) => {
        setSettings(loaded);
        setDays(String(loaded.responseWorkingDays));
      },
      (error: unknown) => {
        if (!isAbort(error)) setProblem(errorMessage(i18n, isApiError(error) ? error.code : 'NETWORK_ERROR'));
      },
    );
    return () => controller.abort();
  }, [organisation.id]);

  const send = async (value: number | null) => {
    setBusy(true);
    setProblem(null);
    try {
      const saved = await saveCaseSettings(organisation.id, value);
      setSettings(saved);
      setDays(String(saved.responseWorkingDays));
      onSaved({ text: t('admin.caseSettings.saved', { count: saved.responseWorkingDays }) });
    } catch (error) {
      setProblem(errorMessage(i18n, isApiError(error) ? error.code : 'NETWORK_ERROR'));
    } finally {
      setBusy(false);
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(days.trim());
    if (!/^\d+$/.test(days.trim()) || value < MIN_DAYS || value > MAX_DAYS)
      return setProblem(t('admin.caseSettings.invalid', { min: MIN_DAYS, max: MAX_DAYS }));
    void send(value);
  };

  const errorId = `${id}-error`;
  return (
    <section className="card admin-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('admin.caseSettings.title')}</h2>
      {settings === null && !problem && <p className="muted">{t('admin.loading')}</p>}
      {settings && (
        <form className="admin-form" onSubmit={save} noValidate>
          <div className="field admin-span">
            <label htmlFor={`${id}-days`}>{t('admin.caseSettings.days')}</label>
            <input
              id={`${id}-days`}
              type="number"
              inputMode="numeric"
              min={MIN_DAYS}
              max={MAX_DAYS}
              step={1}
              value={days}
              onChange={(event) => setDays(event.target.value)}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-hint ${errorId}` : `${id}-hint`}
            />
            <p id={`${id}-hint`} className="hint">
              {settings.custom
                ? t('admin.caseSettings.hintCustom', { count: settings.defaultWorkingDays })
                : t('admin.caseSettings.hintDefault', { count: settings.defaultWorkingDays })}
            </p>
          </div>
          <div className="admin-actions admin-span">
            <button type="submit" className="button primary" disabled={busy}>
              {t('admin.caseSettings.save')}
            </button>
            {settings.custom && (
              <button type="button" className="button" disabled={busy} onClick={() => void send(null)}>
                {t('admin.caseSettings.reset', { count: settings.defaultWorkingDays })}
              </button>
            )}
          </div>
        </form>
      )}
      {problem && (
        <p id={errorId} className="alert" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
