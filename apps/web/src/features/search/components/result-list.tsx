import type { ProductSummary } from '@verity/contract';
import { useI18n } from '../../../lib/i18n';
import { Link } from '../../../lib/router';

/** Search results as cards: photo, name, brand, category, and whether customs may act here. */
export function ResultList({ items, onOpen }: { items: ProductSummary[]; onOpen: () => void }) {
  const { t, lang } = useI18n();
  return (
    <ul className="search-results">
      {items.map((item) => (
        <li key={item.id} className="search-result">
          {item.thumbnailUrl ? (
            <img className="thumb" src={item.thumbnailUrl} alt="" width={72} height={72} loading="lazy" />
          ) : (
            <span className="thumb" aria-hidden="true" />
          )}
          <div className="search-result-body">
            <h3 lang={item.language !== lang ? item.language : undefined}>
              <Link to={`/products/${item.id}`} onClick={onOpen}>
                {item.name}
              </Link>
            </h3>
            <p className="muted">
              {item.brand.name}
              {item.category && ` · ${item.category}`}
            </p>
            {item.applicationInForce && <p className="badge">{t('search.applicationInForce')}</p>}
          </div>
        </li>
      ))}
    </ul>
  );
}
