import type { Brand } from '@verity/contract';
import { useEffect, useId, useRef, useState } from 'react';
import { isAbort, isApiError } from '../../../lib/api';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { Link } from '../../../lib/router';
import { deleteBrand, listAllBrands } from '../api';
import { BrandForm } from '../components/brand-form';

type Editing = { brand: Brand | null } | null;

/** The organisation's brands: list, create, edit, and delete one that has no products. */
export function BrandsScreen() {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const id = useId();
  const [brands, setBrands] = useState<Brand[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    listAllBrands(controller.signal)
      .then(setBrands)
      .catch((error: unknown) => {
        if (!isAbort(error)) setLoadError(errorMessage(i18n, isApiError(error) ? error.code : 'NETWORK_ERROR'));
      });
    return () => controller.abort();
    // Loaded once; the list is then kept up to date from each answer.
  }, []);

  const saved = (brand: Brand) => {
    setBrands((all) => {
      const list = all ?? [];
      return list.some((b) => b.id === brand.id) ? list.map((b) => (b.id === brand.id ? brand : b)) : [...list, brand];
    });
    setEditing(null);
    setStatus({ text: t('portal.brands.saved', { name: brand.name }) });
    heading.current?.focus();
  };

  const remove = async (brand: Brand) => {
    setConfirming(null);
    try {
      await deleteBrand(brand.id);
      setBrands((all) => (all ?? []).filter((b) => b.id !== brand.id));
      setStatus({ text: t('portal.brands.deleted', { name: brand.name }) });
    } catch (error) {
      const code = isApiError(error) ? error.code : 'NETWORK_ERROR';
      setStatus({ text: `${brand.name}: ${errorMessage(i18n, code)}`, error: true });
    }
  };

  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });

  return (
    <div className="portal">
      <div className="editor-header">
        <h1 id={`${id}-title`} ref={heading} tabIndex={-1}>
          {t('portal.brands.title')}
        </h1>
        {!editing && (
          <div className="editor-actions">
            <button type="button" className="button primary" onClick={() => setEditing({ brand: null })}>
              {t('portal.brands.new')}
            </button>
          </div>
        )}
      </div>
      <div role="status">{status && <p className={status.error ? 'alert' : 'notice'}>{status.text}</p>}</div>
      {loadError && <p className="alert">{loadError}</p>}
      {editing && (
        <BrandForm
          key={editing.brand?.id ?? 'new'}
          brand={editing.brand}
          onSaved={saved}
          onCancel={() => setEditing(null)}
        />
      )}
      {brands === null && !loadError && <p className="muted">{t('portal.loading')}</p>}
      {brands?.length === 0 && <p className="empty">{t('portal.brands.none')}</p>}
      {brands && brands.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby={`${id}-title`} tabIndex={0}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('portal.brands.name')}</th>
                <th scope="col">{t('portal.brands.trademarks')}</th>
                <th scope="col">{t('portal.brands.products')}</th>
                <th scope="col">{t('portal.brands.updated')}</th>
                <th scope="col">{t('portal.products.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {brands.map((brand) => (
                <tr key={brand.id}>
                  <th scope="row" data-label={t('portal.brands.name')}>
                    {brand.name}
                  </th>
                  <td data-label={t('portal.brands.trademarks')}>
                    {brand.trademarks.length === 0
                      ? '—'
                      : brand.trademarks.map((tm) => `${tm.office} ${tm.registrationNumber}`).join(' · ')}
                  </td>
                  <td data-label={t('portal.brands.products')}>
                    <Link to={`/portal/products?brand=${brand.id}`}>
                      {t('portal.brands.productCount', { count: brand.productCount })}
                    </Link>
                  </td>
                  <td data-label={t('portal.brands.updated')}>{date.format(new Date(brand.updatedAt))}</td>
                  <td data-label={t('portal.products.actions')}>
                    <div className="row-actions">
                      <button type="button" className="button" onClick={() => setEditing({ brand })}>
                        {t('portal.brands.edit')}
                        <span className="visually-hidden"> {brand.name}</span>
                      </button>
                      {confirming === brand.id ? (
                        <span
                          className="confirm"
                          role="group"
                          aria-label={t('portal.brands.confirmDelete', { name: brand.name })}
                        >
                          <span>{t('portal.brands.confirmDelete', { name: brand.name })}</span>
                          <button type="button" className="button danger" onClick={() => void remove(brand)}>
                            {t('portal.brands.delete')}
                          </button>
                          <button type="button" className="button" autoFocus onClick={() => setConfirming(null)}>
                            {t('portal.brands.cancel')}
                          </button>
                        </span>
                      ) : (
                        <button type="button" className="button" onClick={() => setConfirming(brand.id)}>
                          {t('portal.brands.delete')}
                          <span className="visually-hidden"> {brand.name}</span>
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
