import type { Brand, Language } from '@verity/contract';
import { languages } from '@verity/contract/values';
import { useI18n } from '../../../lib/i18n';
import { Link } from '../../../lib/router';
import { displayNames } from '../../../shared/display-names';
import { fieldIds, type ProductForm } from '../product-form';
import { describedBy, FieldError } from './field-error';

interface Props {
  form: ProductForm;
  set: <K extends keyof ProductForm>(key: K, value: ProductForm[K]) => void;
  /** Null while loading. */
  brands: Brand[] | null;
  /** Fields the last save refused (id → message). */
  refused: ReadonlyMap<string, string>;
}

/** The product's brand, reference, status, default language, category and HS code. */
export function GeneralFields({ form, set, brands, refused }: Props) {
  const { t, lang } = useI18n();
  const names = displayNames(lang);
  return (
    <section className="card portal-section" aria-labelledby="general-title">
      <h2 id="general-title">{t('portal.editor.general')}</h2>
      {brands?.length === 0 && (
        <p className="notice">
          {t('portal.editor.noBrands')} <Link to="/portal/brands">{t('portal.editor.createBrand')}</Link>
        </p>
      )}
      <div className="form-grid">
        <div className="field">
          <label htmlFor={fieldIds.brand}>
            {t('portal.editor.brand')} <span className="required">{t('portal.editor.required')}</span>
          </label>
          <select
            id={fieldIds.brand}
            value={form.brandId}
            aria-invalid={refused.has(fieldIds.brand)}
            aria-describedby={describedBy(fieldIds.brand, refused)}
            onChange={(e) => set('brandId', e.target.value)}
          >
            <option value="">{t('portal.editor.chooseBrand')}</option>
            {brands?.map((brand) => (
              <option key={brand.id} value={brand.id}>
                {brand.name}
              </option>
            ))}
          </select>
          <FieldError field={fieldIds.brand} message={refused.get(fieldIds.brand)} />
        </div>
        <div className="field">
          <label htmlFor={fieldIds.reference}>{t('portal.editor.reference')}</label>
          <input
            id={fieldIds.reference}
            value={form.reference}
            maxLength={100}
            autoComplete="off"
            aria-invalid={refused.has(fieldIds.reference)}
            aria-describedby={describedBy(fieldIds.reference, refused)}
            onChange={(e) => set('reference', e.target.value)}
          />
          <FieldError field={fieldIds.reference} message={refused.get(fieldIds.reference)} />
        </div>
        <div className="field">
          <label htmlFor="product-status">{t('portal.editor.status')}</label>
          <select
            id="product-status"
            value={form.status}
            aria-describedby="product-status-hint"
            onChange={(e) => set('status', e.target.value as ProductForm['status'])}
          >
            <option value="draft">{t('portal.status.draft')}</option>
            <option value="published">{t('portal.status.published')}</option>
          </select>
          <p className="hint" id="product-status-hint">
            {form.status === 'draft' ? t('portal.editor.draftHint') : t('portal.editor.publishedHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="product-default-language">{t('portal.editor.defaultLanguage')}</label>
          <select
            id="product-default-language"
            value={form.defaultLanguage}
            onChange={(e) => set('defaultLanguage', e.target.value as Language)}
          >
            {languages.map((code) => (
              <option key={code} value={code}>
                {names.language(code)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={fieldIds.category}>{t('portal.editor.category')}</label>
          <input
            id={fieldIds.category}
            value={form.category}
            maxLength={100}
            aria-invalid={refused.has(fieldIds.category)}
            aria-describedby={describedBy(fieldIds.category, refused)}
            onChange={(e) => set('category', e.target.value)}
          />
          <FieldError field={fieldIds.category} message={refused.get(fieldIds.category)} />
        </div>
        <div className="field">
          <label htmlFor={fieldIds.hsCode}>{t('portal.editor.hsCode')}</label>
          <input
            id={fieldIds.hsCode}
            value={form.hsCode}
            inputMode="numeric"
            dir="ltr"
            autoComplete="off"
            aria-describedby={describedBy(fieldIds.hsCode, refused, `${fieldIds.hsCode}-hint`)}
            aria-invalid={refused.has(fieldIds.hsCode)}
            onChange={(e) => set('hsCode', e.target.value)}
          />
          <FieldError field={fieldIds.hsCode} message={refused.get(fieldIds.hsCode)} />
          <p className="hint" id={`${fieldIds.hsCode}-hint`}>
            {t('portal.editor.hsCodeHint')}
          </p>
        </div>
      </div>
    </section>
  );
}
