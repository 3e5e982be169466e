import { useId, useRef } from 'react';
import { useI18n } from '../../../lib/i18n';

interface Facet {
  value: string;
  label: string;
  count: number;
}

/**
 * One facet as a select: "All" and each value with its count. Counts follow the current search,
 * so a chosen value may drop out of them; its label is remembered so it stays shown.
 */
export function FacetSelect(props: {
  label: string;
  allLabel: string;
  facets: Facet[];
  value: string;
  onChange: (value: string) => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const labels = useRef(new Map<string, string>());
  for (const facet of props.facets) labels.current.set(facet.value, facet.label);
  const chosenMissing = props.value && !props.facets.some((f) => f.value === props.value);
  return (
    <div className="facet">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        <option value="">{props.allLabel}</option>
        {chosenMissing && <option value={props.value}>{labels.current.get(props.value) ?? props.value}</option>}
        {props.facets.map((facet) => (
          <option key={facet.value} value={facet.value}>
            {t('search.facetOption', { label: facet.label, count: facet.count.toLocaleString(lang) })}
          </option>
        ))}
      </select>
    </div>
  );
}
