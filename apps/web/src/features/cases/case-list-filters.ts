import { caseListSorts, caseStatuses, transportModes } from '@verity/contract/values';
import { caseFilterNames, type CaseFilters } from './api';

/** The status filter's value for "every state". */
export const ALL = 'all';

export type FilterName = (typeof caseFilterNames)[number];
/** The list's filters as the address and the form hold them: text, '' when not set. */
export type FilterValues = Record<FilterName, string>;

/** Who looks: a right holder's list is its inbox; customs may filter by right holder, an admin by country. */
export interface ListViewer {
  rightHolder: boolean;
  customs: boolean;
  admin: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const COUNTRY = /^[A-Z]{2}$/;

/**
 * What an unfiltered list shows: a right holder's inbox is its cases awaiting an answer, the
 * nearest deadline first (as it always was); customs see every case, newest first.
 */
export function defaultFilters(viewer: Pick<ListViewer, 'rightHolder'>): FilterValues {
  const values = Object.fromEntries(caseFilterNames.map((name) => [name, ''])) as FilterValues;
  values.status = viewer.rightHolder ? 'submitted' : ALL;
  values.sort = viewer.rightHolder ? 'deadline' : 'newest';
  return values;
}

/** A value the viewer may use and the API accepts, or '' (an address typed by hand never becomes a 400). */
function cleaned(name: FilterName, raw: string, viewer: ListViewer): string {
  const value = raw.trim();
  switch (name) {
    case 'status':
      return value === ALL || (caseStatuses as readonly string[]).includes(value) ? value : '';
    case 'overdue':
      return value === 'true' ? 'true' : '';
    case 'country':
      return viewer.admin && COUNTRY.test(value.toUpperCase()) ? value.toUpperCase() : '';
    case 'originCountry':
      return COUNTRY.test(value.toUpperCase()) ? value.toUpperCase() : '';
    case 'from':
    case 'to':
      return DAY.test(value) ? value : '';
    case 'transportMode':
      return (transportModes as readonly string[]).includes(value) ? value : '';
    case 'sort':
      return (caseListSorts as readonly string[]).includes(value) ? value : '';
    case 'rightHolderId':
      return viewer.customs && UUID.test(value) ? value : '';
    case 'brandId':
      return UUID.test(value) ? value : '';
    case 'q':
      return value.slice(0, 100);
    case 'portOrOffice':
      return value.slice(0, 200);
  }
}

/** The filters in the list's address (or read from the form), the defaults where nothing (valid) is given. */
export function readFilters(source: { get(name: string): unknown }, viewer: ListViewer): FilterValues {
  const values = defaultFilters(viewer);
  for (const name of caseFilterNames) {
    const raw = source.get(name);
    const value = typeof raw === 'string' ? cleaned(name, raw, viewer) : '';
    if (value) values[name] = value;
  }
  return values;
}

/** The list's address for these filters: only what differs from the defaults, always in the same order. */
export function filtersPath(values: FilterValues, viewer: Pick<ListViewer, 'rightHolder'>): string {
  const defaults = defaultFilters(viewer);
  const query = new URLSearchParams();
  for (const name of caseFilterNames) {
    // A right holder's "every state" differs from its default (awaiting an answer): it is written.
    if (values[name] && values[name] !== defaults[name]) query.set(name, values[name]);
  }
  const search = query.toString();
  return `/cases${search ? `?${search}` : ''}`;
}

/** How many filters narrow the list (the order is not one). */
export function activeFilterCount(values: FilterValues, viewer: Pick<ListViewer, 'rightHolder'>): number {
  const defaults = defaultFilters(viewer);
  return caseFilterNames.filter((name) => name !== 'sort' && values[name] !== defaults[name]).length;
}

/** The API's query for these filters. */
export function apiFilters(values: FilterValues): CaseFilters {
  const filters: CaseFilters = {};
  for (const name of caseFilterNames) {
    const value = values[name];
    if (!value || (name === 'status' && value === ALL)) continue;
    if (name === 'overdue') filters.overdue = true;
    else if (name === 'sort') filters.sort = value as 'newest' | 'deadline';
    else filters[name] = value;
  }
  return filters;
}

/** Clearing the filters keeps the chosen order. */
export function clearedFilters(values: FilterValues, viewer: Pick<ListViewer, 'rightHolder'>): FilterValues {
  return { ...defaultFilters(viewer), sort: values.sort };
}
