import { packagingLevels } from '@verity/contract/values';
import { useRef } from 'react';
import { useI18n } from '../../../lib/i18n';
import { checkIdentifier, fieldIds, rowKey, type IdentifierDraft, type PackagingLevel } from '../product-form';
import { useRowFocus } from '../use-row-focus';

interface Props {
  identifiers: IdentifierDraft[];
  onChange: (identifiers: IdentifierDraft[]) => void;
  /** Fields the last save refused (id → message): an untouched empty row, or one the server refused, says why. */
  refused: ReadonlyMap<string, string>;
}

const kindId = (index: number) => `${fieldIds.identifier(index)}-kind`;

/** GTINs, code patterns and IMEI TACs, each checked as it is typed with the same parsers the server uses. */
export function IdentifiersEditor({ identifiers, onChange, refused }: Props) {
  const { t, tx } = useI18n();
  const add = useRef<HTMLButtonElement>(null);
  const adding = useRowFocus(identifiers.length, fieldIds.identifier, add);
  const update = (index: number, change: Partial<IdentifierDraft>) =>
    onChange(identifiers.map((row, i) => (i === index ? { ...row, ...change } : row)));

  const verdict = (row: IdentifierDraft, index: number) => {
    const check = checkIdentifier(row);
    const refusal = refused.get(fieldIds.identifier(index));
    // Valid as typed yet refused by the server (already another product's, for instance).
    if (check.ok && refusal)
      return (
        <p className="invalid field-error" id={`${fieldIds.identifier(index)}-check`}>
          <span aria-hidden="true">✗</span> {refusal}
        </p>
      );
    if (check.ok)
      return row.kind === 'gtin' ? (
        <p className="valid" id={`${fieldIds.identifier(index)}-check`}>
          <span aria-hidden="true">✓</span> {t('portal.identifiers.normalised', { gtin: check.normalised })}
        </p>
      ) : null;
    if (check.reason === 'EMPTY' && !refused.has(fieldIds.identifier(index))) return null;
    const message =
      tx(`codeErrors.${check.reason}`) ?? tx(`portal.identifiers.reasons.${check.reason}`) ?? check.reason;
    return (
      <p className="invalid field-error" id={`${fieldIds.identifier(index)}-check`}>
        <span aria-hidden="true">✗</span> {message}
      </p>
    );
  };

  return (
    <section className="card portal-section" aria-labelledby="identifiers-title">
      <h2 id="identifiers-title">{t('portal.identifiers.title')}</h2>
      <p className="hint">{t('portal.identifiers.hint')}</p>
      {identifiers.length === 0 && <p className="muted">{t('portal.identifiers.none')}</p>}
      <ol className="editor-rows">
        {identifiers.map((row, index) => {
          const id = fieldIds.identifier(index);
          const check = checkIdentifier(row);
          const shown = row.value.trim() !== '' || refused.has(id);
          return (
            <li key={row.key} className="editor-row">
              <div className="form-grid">
                <div className="field">
                  <label htmlFor={kindId(index)}>{t('portal.identifiers.kind')}</label>
                  <select
                    id={kindId(index)}
                    value={row.kind}
                    onChange={(e) => update(index, { kind: e.target.value as IdentifierDraft['kind'] })}
                  >
                    <option value="gtin">{t('portal.identifiers.kinds.gtin')}</option>
                    <option value="proprietary">{t('portal.identifiers.kinds.proprietary')}</option>
                    <option value="imei_tac">{t('portal.identifiers.kinds.imei_tac')}</option>
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={id}>{tx(`portal.identifiers.valueLabel.${row.kind}`)}</label>
                  <input
                    id={id}
                    value={row.value}
                    inputMode={row.kind === 'proprietary' ? 'text' : 'numeric'}
                    autoComplete="off"
                    spellCheck={false}
                    dir="ltr"
                    className="code-input"
                    aria-invalid={(shown && !check.ok) || refused.has(id)}
                    aria-describedby={`${id}-check`}
                    onChange={(e) => update(index, { value: e.target.value })}
                  />
                  {verdict(row, index)}
                </div>
                {row.kind === 'gtin' && (
                  <div className="field">
                    <label htmlFor={`${id}-level`}>{t('portal.identifiers.packagingLevel')}</label>
                    <select
                      id={`${id}-level`}
                      value={row.packagingLevel}
                      onChange={(e) => update(index, { packagingLevel: e.target.value as PackagingLevel })}
                    >
                      {packagingLevels.map((level) => (
                        <option key={level} value={level}>
                          {tx(`portal.identifiers.levels.${level}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                )}
                {row.kind === 'proprietary' && (
                  <div className="field">
                    <label htmlFor={`${id}-description`}>{t('portal.identifiers.patternDescription')}</label>
                    <input
                      id={`${id}-description`}
                      value={row.description}
                      maxLength={500}
                      onChange={(e) => update(index, { description: e.target.value })}
                    />
                  </div>
                )}
              </div>
              <button
                type="button"
                className="button"
                onClick={() => onChange(identifiers.filter((_, i) => i !== index))}
                aria-label={t('portal.identifiers.removeNumber', { number: index + 1 })}
              >
                {t('portal.identifiers.remove')}
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        ref={add}
        className="button"
        onClick={() => {
          adding();
          onChange([
            ...identifiers,
            { key: rowKey(), kind: 'gtin', value: '', packagingLevel: 'each', description: '' },
          ]);
        }}
      >
        {t('portal.identifiers.add')}
      </button>
    </section>
  );
}
