import type { Case } from '@verity/contract';
import { useI18n } from '../../../lib/i18n';
import { displayNames } from '../../../shared/display-names';
import { momentFormat } from '../case-display';
import { countryFields, shipmentFields } from '../draft-form';

/** What the case says: its lines, the shipment, where the goods are, the answers received. */
export function CaseDetails({ shown }: { shown: Case }) {
  const { t, tx, lang } = useI18n();
  const names = displayNames(lang);
  const moment = momentFormat(lang);
  const valueOf = (name: (typeof shipmentFields)[number] | 'goodsLocation' | 'assessment'): string | null => {
    const value = shown[name];
    if (value === null) return null;
    if (countryFields.has(name)) return `${names.country(String(value))} (${value})`;
    if (name === 'declaredValue' && typeof value === 'number') {
      try {
        return shown.declaredCurrency
          ? new Intl.NumberFormat(lang, { style: 'currency', currency: shown.declaredCurrency }).format(value)
          : new Intl.NumberFormat(lang).format(value);
      } catch {
        return `${value} ${shown.declaredCurrency ?? ''}`;
      }
    }
    if (name === 'declaredCurrency') return null; // shown with the value
    return String(value);
  };
  const rows = [...shipmentFields, 'goodsLocation' as const, 'assessment' as const]
    .map((name) => [name, valueOf(name)] as const)
    .filter((row): row is readonly [(typeof row)[0], string] => row[1] !== null);

  return (
    <>
      <section className="card" aria-labelledby="case-goods">
        <h2 id="case-goods">{t('cases.goods')}</h2>
        {shown.lines.length === 0 ? (
          <p className="muted">{t('cases.line.none')}</p>
        ) : (
          <ul className="case-lines">
            {shown.lines.map((line) => (
              <li key={line.id}>
                <strong>
                  {line.product
                    ? (line.product.name[lang] ?? Object.values(line.product.name)[0])
                    : (line.description ?? t('cases.line.brandOnly', { brand: line.brand?.name ?? '' }))}
                </strong>
                {line.brand && <span className="muted"> · {line.brand.name}</span>}
                <br />
                {tx(`cases.amount.${line.unit}`, { count: line.quantity }) ?? `${line.quantity} ${line.unit}`}
                {line.product && line.description && <p>{line.description}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="case-shipment">
        <h2 id="case-shipment">{t('cases.shipment')}</h2>
        <dl className="case-facts">
          {shown.transportMode && (
            <div>
              <dt>{t('cases.field.transportMode')}</dt>
              <dd>{tx(`cases.transport.${shown.transportMode}`) ?? shown.transportMode}</dd>
            </div>
          )}
          {rows.map(([name, value]) => (
            <div key={name}>
              <dt>{tx(`cases.field.${name}`) ?? name}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="card" aria-labelledby="case-answers">
        <h2 id="case-answers">{t('cases.answers')}</h2>
        {shown.answers.length === 0 ? (
          <p className="muted">{t('cases.noAnswer')}</p>
        ) : (
          <ul className="case-answers">
            {shown.answers.map((answer) => (
              <li key={answer.rightHolder.id}>
                <strong>{answer.rightHolder.name}</strong>:{' '}
                <span className="badge">{tx(`cases.verdict.${answer.verdict}`) ?? answer.verdict}</span>
                {answer.comment && <p>{answer.comment}</p>}
                <p className="muted">
                  {t('cases.answeredBy', {
                    name: answer.answeredBy.name,
                    when: moment.format(new Date(answer.answeredAt)),
                  })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
