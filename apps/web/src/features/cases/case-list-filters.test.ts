import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  apiFilters,
  clearedFilters,
  defaultFilters,
  filtersPath,
  readFilters,
} from './case-list-filters';

const admin = { rightHolder: false, customs: true, admin: true };
const officer = { rightHolder: false, customs: true, admin: false };
const rightHolder = { rightHolder: true, customs: false, admin: false };
const RH = '0b6c2a1e-8a57-4f0e-9d55-3f2b8c1d2e3f';
const BRAND = '7d1e5b2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b';
const read = (search: string, viewer = admin) => readFilters(new URLSearchParams(search), viewer);

describe('the case list’s filters in the address', () => {
  it('read back what they wrote, in one order, the defaults left out', () => {
    const search =
      `status=detained&overdue=true&country=FR&q=FR-2026&from=2026-01-01&to=2026-02-28&transportMode=sea` +
      `&originCountry=CN&portOrOffice=Le+Havre&rightHolderId=${RH}&brandId=${BRAND}&sort=deadline`;
    const values = read(search);
    expect(filtersPath(values, admin)).toBe(`/cases?${search}`);
    expect(activeFilterCount(values, admin)).toBe(11); // the order is not a filter
    expect(filtersPath(read(''), admin)).toBe('/cases');
    expect(activeFilterCount(read(''), admin)).toBe(0);
  });

  it('a right holder’s list is its inbox: awaiting an answer, by deadline, unless it asks otherwise', () => {
    expect(defaultFilters(rightHolder)).toMatchObject({ status: 'submitted', sort: 'deadline' });
    expect(apiFilters(read('', rightHolder))).toEqual({ status: 'submitted', sort: 'deadline' });
    const everything = read('status=all&sort=newest', rightHolder);
    expect(apiFilters(everything)).toEqual({ sort: 'newest' });
    expect(filtersPath(everything, rightHolder)).toBe('/cases?status=all&sort=newest');
    expect(activeFilterCount(everything, rightHolder)).toBe(1);
  });

  it('drop what the viewer may not use or the API would refuse, so a hand-typed address is never a 400', () => {
    const values = read(
      `status=lost&transportMode=boat&sort=oldest&from=yesterday&originCountry=chn&rightHolderId=42&brandId=x`,
    );
    expect(apiFilters(values)).toEqual({ sort: 'newest' });
    expect(read(`originCountry=cn&country=fr`).originCountry).toBe('CN');
    expect(read(`country=FR&rightHolderId=${RH}`, officer)).toMatchObject({ country: '', rightHolderId: RH });
    expect(read(`country=FR&rightHolderId=${RH}&brandId=${BRAND}`, rightHolder)).toMatchObject({
      country: '',
      rightHolderId: '',
      brandId: BRAND,
    });
  });

  it('turn into the API’s query: every state is no status filter, overdue a boolean', () => {
    expect(apiFilters(read('status=all&overdue=true&portOrOffice=%20Roissy%20'))).toEqual({
      overdue: true,
      portOrOffice: 'Roissy',
      sort: 'newest',
    });
  });

  it('clearing keeps the order', () => {
    const cleared = clearedFilters(read('status=closed&transportMode=air&sort=deadline'), admin);
    expect(filtersPath(cleared, admin)).toBe('/cases?sort=deadline');
    expect(activeFilterCount(cleared, admin)).toBe(0);
  });
});
