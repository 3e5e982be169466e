import type { IdentifyResponse } from '@verity/contract';
import { useI18n } from '../../../lib/i18n';
import { formatGs1Date, gs1Date, namedAis } from '../gs1-element-display';

type Parsed = IdentifyResponse['parsed'];

/** What the server read in the input: its kind, the GTIN, each GS1 element, or where it went wrong. */
export function ParsedCode({ parsed, input }: { parsed: Parsed; input: string }) {
  const { t, tx, lang } = useI18n();
  const { error } = parsed;
  const aiName = (ai: string) => ((namedAis as readonly string[]).includes(ai) ? tx(`identify.ai.${ai}`) : undefined);
  const dateOf = (element: { ai: string; value: string }) => {
    const date = gs1Date(element.ai, element.value);
    return date && formatGs1Date(date, lang);
  };

  return (
    <section className="parsed" aria-labelledby="parsed-title">
      <h2 id="parsed-title">{t('identify.parsed.title')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('identify.parsed.kind')}</dt>
          <dd>{t(`identify.parsed.kinds.${parsed.kind}`)}</dd>
        </div>
        {parsed.kind !== 'text' && (
          <div>
            <dt>{t('identify.parsed.check')}</dt>
            <dd className={parsed.valid ? 'valid' : 'invalid'}>
              {parsed.valid ? t('identify.parsed.valid') : t('identify.parsed.invalid')}
            </dd>
          </div>
        )}
        {parsed.gtin && (
          <div>
            <dt>{t('identify.parsed.gtin')}</dt>
            <dd>
              <code>{parsed.gtin}</code>
              {parsed.gtinFormat && <span className="muted"> ({parsed.gtinFormat})</span>}
            </dd>
          </div>
        )}
        {parsed.imei && (
          <div>
            <dt>{t('identify.parsed.imei')}</dt>
            <dd>
              <code>{parsed.imei.imei}</code>{' '}
              <span className="muted">{t('identify.parsed.tac', { tac: parsed.imei.tac })}</span>
            </dd>
          </div>
        )}
      </dl>

      {parsed.elements && parsed.elements.length > 0 && (
        <table className="elements">
          <caption>{t('identify.parsed.elements')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('identify.parsed.ai')}</th>
              <th scope="col">{t('identify.parsed.meaning')}</th>
              <th scope="col">{t('identify.parsed.value')}</th>
            </tr>
          </thead>
          <tbody>
            {parsed.elements.map((element, index) => (
              <tr key={`${element.ai}-${index}`}>
                <td>
                  <code>({element.ai})</code>
                </td>
                <td>{aiName(element.ai) ?? element.title ?? ''}</td>
                <td>
                  <code>{element.value}</code>
                  {dateOf(element) && <span className="element-date">{dateOf(element)}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {error && (
        <div className="problem" data-testid="parse-error">
          <p>
            <strong>{t('identify.parsed.problem')}</strong> {tx(`codeErrors.${error.code}`) ?? error.message}
          </p>
          {error.position !== undefined && <ErrorPosition input={input} position={error.position} />}
        </div>
      )}
    </section>
  );
}

/** The input with the character the error points at marked (positions are 0-based). */
function ErrorPosition({ input, position }: { input: string; position: number }) {
  const { t } = useI18n();
  return (
    <p>
      {t('identify.parsed.errorAt', { position: position + 1 })}{' '}
      <code className="marked-input" dir="ltr">
        {input.slice(0, position)}
        <mark>{input.slice(position, position + 1) || '\u00a0'}</mark>
        {input.slice(position + 1)}
      </code>
    </p>
  );
}
