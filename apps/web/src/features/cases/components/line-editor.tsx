import { caseLineUnits } from '@verity/contract/values';
import { useId } from 'react';
import { useI18n } from '../../../lib/i18n';
import { lineProblem, type DraftLine } from '../draft-form';
import { ProductFinder } from './product-finder';

/** One line of goods: a catalog product (or a description of goods not in it), how many, in what unit. */
export function LineEditor(props: {
  line: DraftLine;
  position: number;
  onChange: (line: DraftLine) => void;
  onRemove: () => void;
}) {
  const { line, position, onChange } = props;
  const { t, tx, lang } = useI18n();
  const id = useId();
  const problem = lineProblem(line);
  const productName = line.productNames?.[lang] ?? line.productName;
  return (
    <fieldset className="case-line card">
      <legend>{t('cases.line.legend', { position })}</legend>
      {line.productId || line.brandId ? (
        <div className="case-line-product">
          <p>
            {productName ? (
              <>
                <strong>{productName}</strong>
                {line.brandName && <span className="muted"> · {line.brandName}</span>}
              </>
            ) : (
              <strong>{t('cases.line.brandOnly', { brand: line.brandName ?? '' })}</strong>
            )}
          </p>
          <button
            type="button"
            className="button"
            onClick={() =>
              onChange({
                ...line,
                productId: null,
                productName: null,
                productNames: undefined,
                brandId: null,
                brandName: null,
              })
            }
          >
            {t('cases.line.changeProduct')}
          </button>
        </div>
      ) : (
        <ProductFinder
          onChoose={(product) =>
            onChange({
              ...line,
              productId: product.id,
              productName: product.name,
              productNames: undefined,
              brandId: null,
              brandName: product.brand.name,
            })
          }
          onChooseBrand={(brand) =>
            onChange({
              ...line,
              productId: null,
              productName: null,
              productNames: undefined,
              brandId: brand.id,
              brandName: brand.name,
            })
          }
        />
      )}
      <label htmlFor={`${id}-description`}>{t('cases.line.description')}</label>
      <textarea
        id={`${id}-description`}
        value={line.description}
        rows={2}
        onChange={(event) => onChange({ ...line, description: event.target.value })}
      />
      <div className="case-line-amount">
        <div>
          <label htmlFor={`${id}-quantity`}>{t('cases.line.quantity')}</label>
          <input
            id={`${id}-quantity`}
            inputMode="decimal"
            value={line.quantity}
            onChange={(event) => onChange({ ...line, quantity: event.target.value })}
          />
        </div>
        <div>
          <label htmlFor={`${id}-unit`}>{t('cases.line.unit')}</label>
          <select
            id={`${id}-unit`}
            value={line.unit}
            onChange={(event) => onChange({ ...line, unit: event.target.value })}
          >
            {caseLineUnits.map((unit) => (
              <option key={unit} value={unit}>
                {tx(`cases.unit.${unit}`) ?? unit}
              </option>
            ))}
          </select>
        </div>
      </div>
      {problem && <p className="hint">{tx(problem)}</p>}
      <button type="button" className="button" onClick={props.onRemove}>
        {t('cases.line.remove', { position })}
      </button>
    </fieldset>
  );
}
