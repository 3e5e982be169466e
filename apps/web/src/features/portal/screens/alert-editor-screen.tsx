import type { Alert, AlertInput, Language, ProductSummary } from '@verity/contract';
import { languages } from '@verity/contract/values';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../../../lib/api';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { Link, navigate } from '../../../lib/router';
import { deleteAlertImage, readAlert, saveAlert, searchProducts, uploadAlertImage, type AlertPicture } from '../api';
import { CountriesInput } from '../components/countries-input';
import { PhotosEditor, type PhotoStore } from '../components/photos-editor';
import { LanguageTabs } from '../components/language-tabs';
import { parseCountries } from '../product-form';

interface Draft {
  defaultLanguage: Language;
  title: Partial<Record<Language, string>>;
  description: Partial<Record<Language, string>>;
  countries: string;
  origins: string;
  route: string;
  validFrom: string;
  validUntil: string;
  productIds: string[];
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const blank = (): Draft => ({
  defaultLanguage: 'en',
  title: {},
  description: {},
  countries: '',
  origins: '',
  route: '',
  validFrom: inDays(0),
  validUntil: inDays(90),
  productIds: [],
});

const draftOf = (alert: Alert): Draft => ({
  defaultLanguage: alert.defaultLanguage,
  title: alert.title,
  description: alert.description,
  countries: alert.countries.join(', '),
  origins: alert.origins.join(', '),
  route: alert.route ?? '',
  validFrom: alert.validFrom,
  validUntil: alert.validUntil,
  productIds: alert.products.map((p) => p.id),
});

/** An alert's pictures are stored at once, apart from the form's Save. */
const alertPictures: PhotoStore<AlertPicture> = { upload: uploadAlertImage, remove: deleteAlertImage };

const texts = (values: Partial<Record<Language, string>>) =>
  Object.fromEntries(Object.entries(values).filter(([, v]) => v && v.trim() !== '')) as Record<Language, string>;

/** Publishes or changes a risk alert: what to expect, from where, by which route, to whom, until when. */
export function AlertEditorScreen({ alertId }: { alertId: string | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [draft, setDraft] = useState<Draft | null>(alertId ? null : blank());
  const [tab, setTab] = useState<Language>('en');
  const [products, setProducts] = useState<ProductSummary[]>([]);
  const [pictures, setPictures] = useState<AlertPicture[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problemRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    if (alertId)
      readAlert(alertId, controller.signal).then(
        (alert) => {
          setDraft(draftOf(alert));
          setPictures(alert.images);
          setTab(alert.defaultLanguage);
        },
        (error: unknown) => setProblem(isApiError(error) ? error.code : 'NETWORK_ERROR'),
      );
    searchProducts({ q: '', brand: '', category: '', status: '' }, null, controller.signal).then(
      (result) => setProducts(result.items),
      () => {},
    );
    return () => controller.abort();
  }, [alertId]);

  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);

  if (!draft)
    return problem ? (
      <p className="alert" role="alert">
        {errorMessage(i18n, problem)}
      </p>
    ) : (
      <p className="muted">{t('app.loading')}</p>
    );

  const change = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const missing = new Set(languages.filter((l) => !draft.title[l]?.trim() && Object.values(draft.title).some(Boolean)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const countries = parseCountries(draft.countries);
    const origins = parseCountries(draft.origins);
    const input: AlertInput = {
      defaultLanguage: draft.defaultLanguage,
      title: texts(draft.title),
      description: texts(draft.description),
      countries: countries.codes,
      origins: origins.codes,
      route: draft.route.trim() || null,
      validFrom: draft.validFrom,
      validUntil: draft.validUntil,
      productIds: draft.productIds,
    };
    setBusy(true);
    try {
      await saveAlert(alertId, input);
      navigate('/portal/alerts');
    } catch (error) {
      setProblem(isApiError(error) ? error.code : 'NETWORK_ERROR');
      setBusy(false);
    }
  };

  return (
    <section className="portal" aria-labelledby={`${id}-title`}>
      <p>
        <Link to="/portal/alerts">{t('portal.alerts.back')}</Link>
      </p>
      <h1 id={`${id}-title`}>{alertId ? t('portal.alerts.editTitle') : t('portal.alerts.newTitle')}</h1>
      {problem && (
        <p className="alert" role="alert" tabIndex={-1} ref={problemRef}>
          {errorMessage(i18n, problem)}
        </p>
      )}
      <form className="card portal-section" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-default`}>{t('portal.alerts.defaultLanguage')}</label>
          <select
            id={`${id}-default`}
            value={draft.defaultLanguage}
            onChange={(e) => change({ defaultLanguage: e.target.value as Language })}
          >
            {languages.map((code) => (
              <option key={code} value={code}>
                {new Intl.DisplayNames([i18n.lang], { type: 'language' }).of(code) ?? code}
              </option>
            ))}
          </select>
        </div>
        <LanguageTabs
          id={`${id}-texts`}
          label={t('portal.alerts.texts')}
          selected={tab}
          onSelect={setTab}
          defaultLanguage={draft.defaultLanguage}
          missing={missing}
        >
          <div className="field">
            <label htmlFor={`${id}-title-${tab}`}>{t('portal.alerts.alertTitle')}</label>
            <input
              id={`${id}-title-${tab}`}
              lang={tab}
              value={draft.title[tab] ?? ''}
              maxLength={300}
              onChange={(e) => change({ title: { ...draft.title, [tab]: e.target.value } })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-description-${tab}`}>{t('portal.alerts.description')}</label>
            <textarea
              id={`${id}-description-${tab}`}
              lang={tab}
              rows={3}
              value={draft.description[tab] ?? ''}
              onChange={(e) => change({ description: { ...draft.description, [tab]: e.target.value } })}
            />
          </div>
        </LanguageTabs>
        <CountriesInput
          id={`${id}-countries`}
          label={t('portal.alerts.countries')}
          hint={t('portal.alerts.countriesHint')}
          value={draft.countries}
          onChange={(countries) => change({ countries })}
        />
        <CountriesInput
          id={`${id}-origins`}
          label={t('portal.alerts.origins')}
          hint={t('portal.alerts.countriesHint')}
          value={draft.origins}
          onChange={(origins) => change({ origins })}
        />
        <div className="field">
          <label htmlFor={`${id}-route`}>{t('portal.alerts.route')}</label>
          <input
            id={`${id}-route`}
            value={draft.route}
            maxLength={500}
            onChange={(e) => change({ route: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('portal.alerts.validFrom')}</label>
          <input
            id={`${id}-from`}
            type="date"
            value={draft.validFrom}
            onChange={(e) => change({ validFrom: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-until`}>{t('portal.alerts.validUntil')}</label>
          <input
            id={`${id}-until`}
            type="date"
            value={draft.validUntil}
            onChange={(e) => change({ validUntil: e.target.value })}
          />
        </div>
        <fieldset className="field">
          <legend>{t('portal.alerts.products')}</legend>
          {products.map((product) => (
            <label key={product.id} className="checkbox">
              <input
                type="checkbox"
                checked={draft.productIds.includes(product.id)}
                onChange={(e) =>
                  change({
                    productIds: e.target.checked
                      ? [...draft.productIds, product.id]
                      : draft.productIds.filter((p) => p !== product.id),
                  })
                }
              />{' '}
              <span lang={product.language}>{product.name}</span>
            </label>
          ))}
        </fieldset>
        <p>
          <button type="submit" className="button primary" disabled={busy}>
            {alertId ? t('portal.alerts.save') : t('portal.alerts.publish')}
          </button>
        </p>
      </form>
      {alertId ? (
        <PhotosEditor
          productId={alertId}
          title={t('portal.alerts.pictures')}
          images={pictures}
          store={alertPictures}
          onUploaded={(picture) => setPictures((all) => [...all, picture])}
          onDeleted={(pictureId) => setPictures((all) => all.filter((p) => p.id !== pictureId))}
        />
      ) : (
        <p className="hint">{t('portal.alerts.picturesAfterPublish')}</p>
      )}
    </section>
  );
}
