import type { IdentifyResponse } from '@verity/contract';
import { useI18n } from '../../../lib/i18n';
import { Link } from '../../../lib/router';

interface Props {
  products: IdentifyResponse['products'];
  matchedBy: IdentifyResponse['matchedBy'];
}

/** The catalog's products that match, or a plain statement that none does. */
export function ProductList({ products, matchedBy }: Props) {
  const { t } = useI18n();

  return (
    <section className="matches" aria-labelledby="products-title">
      <h2 id="products-title">{t('identify.products.title')}</h2>
      {products.length === 0 || matchedBy === 'none' ? (
        <div className="empty" data-testid="not-in-catalog">
          <p className="empty-title">{t('identify.products.notInCatalog')}</p>
          <p>{t('identify.products.notInCatalogHint')}</p>
          <p>{t('identify.products.nextSteps')}</p>
          <ul>
            <li>{t('identify.products.nextCheckCode')}</li>
            <li>{t('identify.products.nextSearchName')}</li>
            <li>{t('identify.products.nextRecord')}</li>
          </ul>
        </div>
      ) : (
        <>
          <p className="muted">
            {t('identify.products.count', { count: products.length })} · {t(`identify.products.matchedBy.${matchedBy}`)}
          </p>
          <ul className="products">
            {products.map((product) => (
              <li key={product.id} className="product">
                {product.thumbnailUrl ? (
                  <img className="thumb" src={product.thumbnailUrl} alt="" width={72} height={72} loading="lazy" />
                ) : (
                  <span className="thumb thumb-empty" aria-hidden="true" />
                )}
                <div className="product-body">
                  <h3 lang={product.language}>
                    <Link to={`/products/${product.id}`}>{product.name}</Link>
                  </h3>
                  <dl className="product-facts">
                    <div>
                      <dt>{t('identify.products.brand')}</dt>
                      <dd>{product.brand.name}</dd>
                    </div>
                    {product.category && (
                      <div>
                        <dt>{t('identify.products.category')}</dt>
                        <dd>{product.category}</dd>
                      </div>
                    )}
                  </dl>
                  {product.applicationInForce && <p className="badge">{t('identify.products.applicationInForce')}</p>}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
