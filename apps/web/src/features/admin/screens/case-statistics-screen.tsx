import type { CaseStats } from '@verity/contract';
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { isAbort, isApiError } from '../../../lib/api';
import { useDocumentTitle } from '../../../lib/document-title';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { navigate } from '../../../lib/router';
import { displayNames } from '../../../shared/display-names';
import { readCaseStats } from '../api';
import {
  defaultPeriod,
  fromDayOf,
  periodMonths,
  shapeStats,
  statsStatuses,
  urlOfPeriod,
  type Period,
  type ShapedStats,
} from '../case-stats';
import { CasesPerCountry } from '../components/cases-per-country';
import { CasesPerMonthChart } from '../components/cases-per-month-chart';
import { CaseStatsTable } from '../components/case-stats-table';
import { StatusSwatch } from '../components/status-swatch';

type Choice = `${(typeof periodMonths)[number]}` | 'from';
type Loaded = { stats: ShapedStats } | { error: string } | null;

/**
 * /admin/statistics (the secretariat): anonymised counts of cases for a period kept in the URL —
 * totals per state, a chart of cases per month divided by state, countries ranked, and the same
 * numbers as a table (the charts' accessible equivalent).
 */
export default function CaseStatisticsScreen({ period }: { period: Period }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const id = useId();
  useDocumentTitle(t('admin.stats.title'));
  const [choice, setChoice] = useState<Choice>(period.kind === 'from' ? 'from' : `${period.months}`);
  const [from, setFrom] = useState(period.kind === 'from' ? period.from : '');
  const [formError, setFormError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Loaded>(null);
  // The day the period starts, fixed for this screen's life (a screen left open past midnight keeps its period).
  const today = useMemo(() => new Date(), []);
  const fromDay = fromDayOf(period, today);
  const url = urlOfPeriod(period);

  // Back, Forward or a link changed the period: the form shows it (the screen stays, and so does the focus).
  useEffect(() => {
    setChoice(period.kind === 'from' ? 'from' : `${period.months}`);
    setFrom(period.kind === 'from' ? period.from : '');
    setFormError(null);
    // `url` is the period, as one string.
  }, [url]);

  useEffect(() => {
    const controller = new AbortController();
    setLoaded(null);
    readCaseStats(fromDay, controller.signal)
      .then((stats: CaseStats) => setLoaded({ stats: shapeStats(stats, fromDay, today) }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setLoaded({ error: errorMessage(i18n, isApiError(error) ? error.code : 'NETWORK_ERROR') });
      });
    return () => controller.abort();
    // The numbers depend on the first day alone; `i18n` only formats an error.
  }, [fromDay]);

  const show = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (choice === 'from' && !from) {
      setFormError(t('admin.stats.fromRequired'));
      return;
    }
    setFormError(null);
    const months = periodMonths.find((m) => `${m}` === choice) ?? defaultPeriod.months;
    const next: Period = choice === 'from' ? { kind: 'from', from } : { kind: 'months', months };
    navigate(urlOfPeriod(next), { replace: true });
  };

  const names = displayNames(lang);
  const number = new Intl.NumberFormat(lang);
  const dayFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
  const monthYear = new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const shortMonth = new Intl.DateTimeFormat(lang, { month: 'short', timeZone: 'UTC' });
  const yearOnly = new Intl.DateTimeFormat(lang, { year: 'numeric', timeZone: 'UTC' });
  const dateOf = (month: string) => new Date(`${month}-01T00:00:00Z`);
  const statusName = (status: string) => t(`admin.stats.status.${status}`);
  const casesText = (count: number) => t('admin.stats.cases', { count, n: number.format(count) });

  // What the charts draw: a period with cases (a peak month), else only the headline.
  const shown = loaded && 'stats' in loaded && loaded.stats.peak ? { ...loaded.stats, peak: loaded.stats.peak } : null;

  return (
    <div className="admin stats">
      <div className="admin-header">
        <h1>{t('admin.stats.title')}</h1>
      </div>
      <p className="hint">{t('admin.stats.intro')}</p>
      <form className="stats-period" onSubmit={show} noValidate>
        <fieldset>
          <legend>{t('admin.stats.period')}</legend>
          <div className="stats-choices">
            {[...periodMonths.map((m) => `${m}` as Choice), 'from' as const].map((value) => (
              <label key={value} className="stats-choice">
                <input
                  type="radio"
                  name={`${id}-period`}
                  value={value}
                  checked={choice === value}
                  onChange={() => setChoice(value)}
                />
                {value === 'from' ? t('admin.stats.fromDay') : t('admin.stats.lastMonths', { count: Number(value) })}
              </label>
            ))}
          </div>
          {choice === 'from' && (
            <div className="field">
              <label htmlFor={`${id}-from`}>{t('admin.stats.firstDay')}</label>
              <input
                id={`${id}-from`}
                type="date"
                value={from}
                min="1900-01-01"
                max="2999-12-31"
                aria-invalid={formError ? true : undefined}
                aria-describedby={formError ? `${id}-from-hint ${id}-from-error` : `${id}-from-hint`}
                onChange={(event) => setFrom(event.target.value)}
              />
              <p id={`${id}-from-hint`} className="hint">
                {t('admin.stats.fromHint')}
              </p>
              {formError && (
                <p id={`${id}-from-error`} className="field-error">
                  {formError}
                </p>
              )}
            </div>
          )}
          <button type="submit" className="button">
            {t('admin.stats.show')}
          </button>
        </fieldset>
      </form>
      <div role="status" aria-live="polite">
        {loaded === null && <p className="muted">{t('admin.loading')}</p>}
        {loaded && 'error' in loaded && <p className="alert">{loaded.error}</p>}
        {loaded && 'stats' in loaded && (
          <p className="stats-headline">
            {loaded.stats.total === 0
              ? t('admin.stats.empty', { from: dayFormat.format(new Date(`${fromDay}T00:00:00Z`)) })
              : t('admin.stats.headline', {
                  count: loaded.stats.total,
                  n: number.format(loaded.stats.total),
                  from: dayFormat.format(new Date(`${fromDay}T00:00:00Z`)),
                })}
          </p>
        )}
      </div>
      {shown && (
        <>
          <section className="admin-section">
            <h2>{t('admin.stats.byState')}</h2>
            <ul className="stats-legend">
              {statsStatuses.map((status) => (
                <li key={status}>
                  <StatusSwatch status={status} />
                  <span>{statusName(status)}</span>
                  <strong>{number.format(shown.totals[status])}</strong>
                </li>
              ))}
            </ul>
          </section>
          <section className="admin-section">
            <h2>{t('admin.stats.perMonth')}</h2>
            <CasesPerMonthChart
              months={shown.months}
              summary={t('admin.stats.chartSummary', {
                count: shown.total,
                n: number.format(shown.total),
                first: monthYear.format(dateOf(shown.months[0]!.month)),
                last: monthYear.format(dateOf(shown.months.at(-1)!.month)),
                peakMonth: monthYear.format(dateOf(shown.peak.month)),
                peak: number.format(shown.peak.total),
              })}
              monthLabel={(month) => shortMonth.format(dateOf(month))}
              yearLabel={(month) => yearOnly.format(dateOf(month))}
              number={(n) => number.format(n)}
            />
            <p className="hint">{t('admin.stats.chartNote')}</p>
          </section>
          <section className="admin-section">
            <h2>{t('admin.stats.perCountry')}</h2>
            <CasesPerCountry
              countries={shown.countries}
              countryName={(country) => (country ? names.country(country) : t('admin.stats.otherCountries'))}
              casesText={casesText}
            />
            <p className="hint">{t('admin.stats.otherNote', { count: shown.threshold })}</p>
          </section>
          <section className="admin-section">
            <h2 id={`${id}-table`}>{t('admin.stats.table')}</h2>
            <CaseStatsTable
              stats={shown}
              labelledBy={`${id}-table`}
              monthName={(month) => monthYear.format(dateOf(month))}
              statusName={statusName}
              number={(n) => number.format(n)}
            />
          </section>
        </>
      )}
    </div>
  );
}
