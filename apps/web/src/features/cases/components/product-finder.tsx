import type { ProductSummary } from '@verity/contract';
import { useId, useState } from 'react';
import { isApiError } from '../../../lib/api';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { identifyProducts } from '../api';

/**
 * Finds a catalog product by a typed GTIN, code or name (the identify API), and picks one — or
 * only its brand, for goods that bear the brand but match no product of the catalog.
 */
export function ProductFinder(props: {
  onChoose: (product: ProductSummary) => void;
  onChooseBrand: (brand: ProductSummary['brand']) => void;
}) {
  const { onChoose, onChooseBrand } = props;
  const i18n = useI18n();
  const { t, lang } = i18n;
  const id = useId();
  const [input, setInput] = useState('');
  const [found, setFound] = useState<ProductSummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const find = async () => {
    if (!input.trim()) return;
    setBusy(true);
    setProblem(null);
    try {
      setFound((await identifyProducts(input.trim(), lang)).products);
    } catch (error) {
      setProblem(isApiError(error) ? error.code : 'NETWORK_ERROR');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="case-finder">
      <label htmlFor={`${id}-input`}>{t('cases.line.find')}</label>
      <div className="case-finder-row">
        <input
          id={`${id}-input`}
          value={input}
          onChange={(event) => setInput(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void find();
            }
          }}
          enterKeyHint="search"
          autoComplete="off"
        />
        <button type="button" className="button" onClick={() => void find()} disabled={busy}>
          {t('cases.line.findButton')}
        </button>
      </div>
      <div role="status">
        {problem && <p className="alert">{errorMessage(i18n, problem)}</p>}
        {found?.length === 0 && <p className="muted">{t('cases.line.noProduct')}</p>}
      </div>
      {found && found.length > 0 && (
        <ul className="case-found">
          {found.map((product) => (
            <li key={product.id}>
              <button type="button" className="button" onClick={() => onChoose(product)}>
                {t('cases.line.choose', { name: product.name, brand: product.brand.name })}
              </button>
            </li>
          ))}
          {[...new Map(found.map((product) => [product.brand.id, product.brand])).values()].map((brand) => (
            <li key={brand.id}>
              <button type="button" className="button" onClick={() => onChooseBrand(brand)}>
                {t('cases.line.chooseBrand', { brand: brand.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
