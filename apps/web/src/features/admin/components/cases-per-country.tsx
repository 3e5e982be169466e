import type { CountryRow } from '../case-stats';

interface Props {
  countries: CountryRow[];
  countryName: (country: string | null) => string;
  casesText: (count: number) => string;
}

/**
 * Countries ranked by cases: a list in words (name, then "6 cases"), each with a bar drawn in
 * proportion to the first, hidden from assistive technology (the words say it all).
 */
export function CasesPerCountry({ countries, countryName, casesText }: Props) {
  const most = Math.max(1, ...countries.map((c) => c.count));
  return (
    <ol className="stats-countries">
      {countries.map((row) => (
        <li key={row.country ?? 'other'} className={row.country === null ? 'stats-other' : undefined}>
          <span className="stats-country-name">{countryName(row.country)}</span>
          <span className="stats-country-count">{casesText(row.count)}</span>
          <span className="stats-bar" aria-hidden="true">
            <span style={{ inlineSize: `${(row.count / most) * 100}%` }} />
          </span>
        </li>
      ))}
    </ol>
  );
}
