import type { CaseFacets } from '@verity/contract';
import { caseStatuses, transportModes } from '@verity/contract/values';
import { useId, useRef, useState, type FormEvent } from 'react';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { statusName } from '../case-display';
import { activeFilterCount, ALL, readFilters, type FilterValues, type ListViewer } from '../case-list-filters';

/** Wide screens show the filters open; a phone starts with them folded behind the "Filters" button. */
const WIDE = '(min-width: 40rem)';
const startsOpen = () => typeof window.matchMedia !== 'function' || window.matchMedia(WIDE).matches;

/**
 * The case list's filters: a disclosure ("Filters", with how many are active) over a form of
 * labelled fields. Applying or clearing hands the new values to the screen, which puts them in
 * the address. The right holders and brands offered are those of the caller's own cases.
 */
export function CaseFiltersForm({
  values,
  viewer,
  facets,
  onApply,
  onClear,
}: {
  values: FilterValues;
  viewer: ListViewer;
  facets: CaseFacets | null;
  onApply: (values: FilterValues) => void;
  onClear: () => void;
}) {
  const i18n = useI18n();
  const { t, tx } = i18n;
  const id = useId();
  const [open, setOpen] = useState(startsOpen);
  const [datesInvalid, setDatesInvalid] = useState(false);
  const toRef = useRef<HTMLInputElement>(null);
  const active = activeFilterCount(values, viewer);
  // Fields are uncontrolled: a new address (Back, Forward, Clear) gives them new keys, so new defaults.
  const k = (name: keyof FilterValues) => `${name}-${values[name]}`;
  const rightHolderNames = new Map(facets?.rightHolders.map((r) => [r.id, r.name]));

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = readFilters(form, viewer);
    if (next.from && next.to && next.to < next.from) {
      setDatesInvalid(true);
      toRef.current?.focus();
      return;
    }
    setDatesInvalid(false);
    onApply(next);
  };

  const withCount = (name: string, count: number) => t('cases.filters.withCount', { name, count });

  return (
    <div className="case-filters-box card">
      <button
        type="button"
        className="button case-filters-toggle"
        aria-expanded={open}
        aria-controls={`${id}-form`}
        onClick={() => setOpen(!open)}
      >
        <span>{t('cases.filters.toggle')}</span>{' '}
        {active > 0 && <span className="badge">{t('cases.filters.active', { count: active })}</span>}
        <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      <form
        id={`${id}-form`}
        className="case-filters"
        hidden={!open}
        onSubmit={apply}
        aria-label={t('cases.filters.label')}
      >
        <label>
          {t('cases.filters.sort')}
          <select name="sort" defaultValue={values.sort} key={k('sort')}>
            <option value="newest">{t('cases.filters.sortNewest')}</option>
            <option value="deadline">{t('cases.filters.sortDeadline')}</option>
          </select>
        </label>
        <label>
          {t('cases.filters.status')}
          <select name="status" defaultValue={values.status} key={k('status')}>
            <option value={ALL}>{t('cases.filters.allStatuses')}</option>
            {caseStatuses
              .filter((s) => !viewer.rightHolder || s !== 'draft')
              .map((s) => (
                <option key={s} value={s}>
                  {statusName(i18n, s)}
                </option>
              ))}
          </select>
        </label>
        <label className="case-check">
          <input type="checkbox" name="overdue" value="true" defaultChecked={!!values.overdue} key={k('overdue')} />
          {t('cases.filters.overdue')}
        </label>
        <label>
          {t('cases.filters.reference')}
          <input name="q" defaultValue={values.q} key={k('q')} maxLength={100} autoCapitalize="characters" />
        </label>
        <div className="case-filter">
          <label htmlFor={`${id}-from`}>{t('cases.filters.from')}</label>
          <input
            id={`${id}-from`}
            type="date"
            name="from"
            defaultValue={values.from}
            key={k('from')}
            aria-describedby={`${id}-dates-hint`}
          />
        </div>
        <div className="case-filter">
          <label htmlFor={`${id}-to`}>{t('cases.filters.to')}</label>
          <input
            id={`${id}-to`}
            ref={toRef}
            type="date"
            name="to"
            defaultValue={values.to}
            key={k('to')}
            aria-invalid={datesInvalid || undefined}
            aria-describedby={datesInvalid ? `${id}-dates-problem ${id}-dates-hint` : `${id}-dates-hint`}
            onChange={() => setDatesInvalid(false)}
          />
          {datesInvalid && (
            <p id={`${id}-dates-problem`} className="alert case-filter-problem">
              {errorMessage(i18n, 'CASE_FILTER_DATES_INVALID')}
            </p>
          )}
          <p id={`${id}-dates-hint`} className="hint">
            {t('cases.filters.datesHint')}
          </p>
        </div>
        <label>
          {t('cases.filters.transportMode')}
          <select name="transportMode" defaultValue={values.transportMode} key={k('transportMode')}>
            <option value="">{t('cases.filters.anyTransport')}</option>
            {transportModes.map((mode) => (
              <option key={mode} value={mode}>
                {tx(`cases.transport.${mode}`) ?? mode}
              </option>
            ))}
          </select>
        </label>
        <div className="case-filter">
          <label htmlFor={`${id}-origin`}>{t('cases.filters.originCountry')}</label>
          <input
            id={`${id}-origin`}
            name="originCountry"
            defaultValue={values.originCountry}
            key={k('originCountry')}
            maxLength={2}
            pattern="[A-Za-z]{2}"
            autoCapitalize="characters"
            aria-describedby={`${id}-origin-hint`}
          />
          <p id={`${id}-origin-hint`} className="hint">
            {t('cases.filters.originHint')}
          </p>
        </div>
        <label>
          {t('cases.filters.portOrOffice')}
          <input name="portOrOffice" defaultValue={values.portOrOffice} key={k('portOrOffice')} maxLength={200} />
        </label>
        {viewer.customs && (
          <label>
            {t('cases.filters.rightHolder')}
            <select
              name="rightHolderId"
              defaultValue={values.rightHolderId}
              key={`${k('rightHolderId')}-${facets ? 'facets' : 'none'}`}
            >
              <option value="">{t('cases.filters.anyRightHolder')}</option>
              {facets?.rightHolders.map((r) => (
                <option key={r.id} value={r.id}>
                  {withCount(r.name, r.count)}
                </option>
              ))}
              {values.rightHolderId && !rightHolderNames.has(values.rightHolderId) && (
                <option value={values.rightHolderId}>{t('cases.filters.otherChoice')}</option>
              )}
            </select>
          </label>
        )}
        <label>
          {t('cases.filters.brand')}
          <select name="brandId" defaultValue={values.brandId} key={`${k('brandId')}-${facets ? 'facets' : 'none'}`}>
            <option value="">{t('cases.filters.anyBrand')}</option>
            {facets?.brands.map((b) => {
              const owner = viewer.customs && b.rightHolderId ? rightHolderNames.get(b.rightHolderId) : undefined;
              const name = owner ? t('cases.filters.brandOf', { brand: b.name, rightHolder: owner }) : b.name;
              return (
                <option key={b.id} value={b.id}>
                  {withCount(name, b.count)}
                </option>
              );
            })}
            {values.brandId && !facets?.brands.some((b) => b.id === values.brandId) && (
              <option value={values.brandId}>{t('cases.filters.otherChoice')}</option>
            )}
          </select>
        </label>
        {viewer.admin && (
          <div className="case-filter">
            <label htmlFor={`${id}-country`}>{t('cases.filters.country')}</label>
            <input
              id={`${id}-country`}
              name="country"
              defaultValue={values.country}
              key={k('country')}
              maxLength={2}
              pattern="[A-Za-z]{2}"
              autoCapitalize="characters"
              aria-describedby={`${id}-country-hint`}
            />
            <p id={`${id}-country-hint`} className="hint">
              {t('cases.filters.countryHint')}
            </p>
          </div>
        )}
        <div className="case-filters-actions">
          <button type="submit" className="button primary">
            {t('cases.filters.apply')}
          </button>
          {active > 0 && (
            <button type="button" className="button" onClick={onClear}>
              {t('cases.filters.clear')}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
