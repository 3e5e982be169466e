import type { Case, CustomsAdministration } from '@verity/contract';
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { isAbort, isApiError } from '../../../lib/api';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { displayNames } from '../../../shared/display-names';
import { listCustomsAdministrations, shareCase } from '../api';
import { momentFormat } from '../case-display';

/** Lower case without accents, so “espana” finds “España”. */
const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The administrations a case is shared with and, for the administration that manages it, inviting
 * another one (e.g. the country of departure), which then reads the case and may decide.
 */
export function ShareForm({ shown, onShared }: { shown: Case; onShared: (updated: Case) => void }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const id = useId();
  const names = displayNames(lang);
  const [open, setOpen] = useState(false);
  const [directory, setDirectory] = useState<CustomsAdministration[] | null>(null);
  const [filter, setFilter] = useState('');
  const [chosen, setChosen] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open || directory) return;
    const controller = new AbortController();
    listCustomsAdministrations(controller.signal).then(
      (list) => setDirectory(list.items),
      (error: unknown) => {
        if (!isAbort(error)) setProblem(errorMessage(i18n, isApiError(error) ? error.code : 'NETWORK_ERROR'));
      },
    );
    return () => controller.abort();
  }, [open, directory]);

  const shared = new Set(shown.shares.map((s) => s.organisation.id));
  const countryName = (code: string | null) => (code ? names.country(code) : t('cases.share.noCountry'));
  // Grouped by country (the server sorts by country code, then name); the case's own
  // administration and those already invited are left out.
  const groups = useMemo(() => {
    const wanted = folded(filter.trim());
    const byCountry = new Map<string, CustomsAdministration[]>();
    for (const administration of directory ?? []) {
      if (administration.id === shown.organisation.id || shared.has(administration.id)) continue;
      const country = countryName(administration.country);
      const text = folded(`${administration.name} ${administration.country ?? ''} ${country}`);
      if (wanted && !text.includes(wanted)) continue;
      byCountry.set(country, [...(byCountry.get(country) ?? []), administration]);
    }
    return [...byCountry.entries()];
  }, [directory, filter, shown.shares, lang]);
  const count = groups.reduce((sum, [, items]) => sum + items.length, 0);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return setProblem(t('cases.share.chooseNeeded'));
    setBusy(true);
    setProblem(null);
    try {
      const updated = await shareCase(shown.id, chosen);
      setOpen(false);
      setChosen('');
      setFilter('');
      onShared(updated);
    } catch (error) {
      setProblem(errorMessage(i18n, isApiError(error) ? error.code : 'NETWORK_ERROR'));
    } finally {
      setBusy(false);
    }
  };

  const moment = momentFormat(lang);
  return (
    <section className="card case-action" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('cases.share.title')}</h2>
      {shown.shares.length === 0 ? (
        <p className="muted">{t('cases.share.none')}</p>
      ) : (
        <ul className="case-shares">
          {shown.shares.map((share) => (
            <li key={share.organisation.id}>
              {t('cases.share.item', {
                organisation: share.organisation.name,
                country: countryName(share.country),
                when: moment.format(new Date(share.sharedAt)),
              })}
            </li>
          ))}
        </ul>
      )}
      {shown.can.share &&
        (!open ? (
          <div className="case-decisions">
            <button type="button" className="button" onClick={() => setOpen(true)}>
              {t('cases.share.open')}
            </button>
          </div>
        ) : (
          <form onSubmit={(event) => void send(event)} noValidate>
            <p className="hint">{t('cases.share.hint')}</p>
            <label htmlFor={`${id}-filter`}>{t('cases.share.filter')}</label>
            <input
              id={`${id}-filter`}
              type="search"
              value={filter}
              autoComplete="off"
              autoFocus
              onChange={(event) => setFilter(event.target.value)}
            />
            <p className="visually-hidden" role="status">
              {directory ? t('cases.share.count', { count }) : t('app.loading')}
            </p>
            <label htmlFor={`${id}-choice`}>{t('cases.share.administration')}</label>
            <select
              id={`${id}-choice`}
              value={chosen}
              disabled={!directory}
              onChange={(event) => setChosen(event.target.value)}
            >
              <option value="">{directory ? t('cases.share.choose') : t('app.loading')}</option>
              {groups.map(([country, items]) => (
                <optgroup key={country} label={country}>
                  {items.map((administration) => (
                    <option key={administration.id} value={administration.id}>
                      {administration.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
            {directory && count === 0 && <p className="muted">{t('cases.share.noMatch')}</p>}
            {problem && (
              <p className="alert" role="alert">
                {problem}
              </p>
            )}
            <div className="case-decisions">
              <button type="submit" className="button primary" disabled={busy || !directory}>
                {t('cases.share.confirm')}
              </button>
              <button type="button" className="button" onClick={() => setOpen(false)}>
                {t('cases.decide.cancel')}
              </button>
            </div>
          </form>
        ))}
    </section>
  );
}
