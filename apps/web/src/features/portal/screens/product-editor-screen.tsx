import type { Brand, Language, ProductSheet } from '@verity/contract';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { isAbort, isApiError } from '../../../lib/api';
import { errorMessage, useI18n } from '../../../lib/i18n';
import { Link, navigate } from '../../../lib/router';
import { listAllBrands, readProduct, saveProduct, type ProductImage } from '../api';
import { CountriesInput } from '../components/countries-input';
import { ErrorSummary, type SummaryItem } from '../components/error-summary';
import { describedBy, FieldError } from '../components/field-error';
import { FeaturesEditor } from '../components/features-editor';
import { GeneralFields } from '../components/general-fields';
import { IdentifiersEditor } from '../components/identifiers-editor';
import { LanguageTabs } from '../components/language-tabs';
import { PhotosEditor } from '../components/photos-editor';
import { displayNames } from '../../../shared/display-names';
import { DetailedApiError } from '../http';
import {
  emptyForm,
  fieldIds,
  fieldOfServerError,
  fieldsOfValidation,
  formOfSheet,
  missingLanguages,
  toProductInput,
  type ProductForm,
  type Texts,
} from '../product-form';
import { useUnsavedGuard } from '../use-unsaved-guard';

type Loaded = { status: 'loading' } | { status: 'failed'; code: string } | { status: 'ready' };

/** Create (productId null) or edit a product: every catalog field, its photos, then save or preview. */
export function ProductEditorScreen({ productId }: { productId: string | null }) {
  const i18n = useI18n();
  const { t, tx, lang: uiLang } = i18n;
  const names = displayNames(uiLang);
  const [brands, setBrands] = useState<Brand[] | null>(null);
  const [loaded, setLoaded] = useState<Loaded>(productId ? { status: 'loading' } : { status: 'ready' });
  const [form, setForm] = useState<ProductForm>(() => emptyForm(uiLang));
  const [baseline, setBaseline] = useState<ProductForm>(form);
  const [images, setImages] = useState<ProductImage[]>([]);
  const [textLang, setTextLang] = useState<Language>(form.defaultLanguage);
  const [problems, setProblems] = useState<SummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  // The id this screen already holds (set on load and on creation, so creating does not reload).
  const current = useRef<string | null>(null);

  const dirty = JSON.stringify(form) !== JSON.stringify(baseline);
  useUnsavedGuard(dirty, t('portal.editor.confirmLeave'));

  useEffect(() => {
    const controller = new AbortController();
    listAllBrands(controller.signal)
      .then((all) => {
        setBrands(all);
        // With a single brand there is nothing to choose.
        const only = all.length === 1 && !productId ? all[0]!.id : undefined;
        if (only) {
          const pick = (f: ProductForm) => (f.brandId ? f : { ...f, brandId: only });
          setForm(pick);
          setBaseline(pick);
        }
      })
      .catch((error: unknown) => {
        if (!isAbort(error)) setBrands([]);
      });
    return () => controller.abort();
    // Brands load once per screen.
  }, []);

  useEffect(() => {
    if (!productId) {
      // "New product" after editing another one: start from an empty form.
      if (current.current !== null) {
        current.current = null;
        const empty = emptyForm(uiLang);
        setForm(empty);
        setBaseline(empty);
        setImages([]);
        setProblems([]);
      }
      return;
    }
    if (productId === current.current) return;
    const controller = new AbortController();
    setLoaded({ status: 'loading' });
    readProduct(productId, controller.signal)
      .then((sheet) => {
        accept(sheet);
        setTextLang(sheet.defaultLanguage);
        setLoaded({ status: 'ready' });
      })
      .catch((error: unknown) => {
        if (!isAbort(error)) setLoaded({ status: 'failed', code: isApiError(error) ? error.code : 'NETWORK_ERROR' });
      });
    return () => controller.abort();
    // The interface language only seeds a new form's default language.
  }, [productId]);

  function accept(sheet: ProductSheet) {
    const next = formOfSheet(sheet);
    current.current = sheet.id;
    setForm(next);
    setBaseline(next);
    setImages(sheet.images);
  }

  const set = <K extends keyof ProductForm>(key: K, value: ProductForm[K]) => {
    setSaved(false);
    setForm((f) => ({ ...f, [key]: value }));
  };
  const setText = (key: 'name' | 'description' | 'instructions' | 'notes', value: string) =>
    set(key, { ...form[key], [textLang]: value } as Texts);

  const fail = (items: SummaryItem[]) => {
    setProblems(items);
    setAttempt((n) => n + 1);
    // The default language's name lives in its tab: show that tab so the link reaches the field.
    if (items.some((item) => item.field === fieldIds.name(form.defaultLanguage))) setTextLang(form.defaultLanguage);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const checked = toProductInput(form);
    if (!checked.input) {
      fail(
        checked.problems.map((p) => ({
          field: p.field,
          message:
            tx(p.key, {
              ...p.params,
              ...(p.params?.language ? { language: names.language(String(p.params.language)) } : {}),
            }) ?? p.key,
        })),
      );
      return;
    }
    setSaving(true);
    try {
      const sheet = await saveProduct(current.current, checked.input);
      const created = current.current === null;
      accept(sheet);
      setProblems([]);
      setSaved(true);
      if (created) navigate(`/portal/products/${sheet.id}`, { replace: true });
    } catch (error) {
      const code = isApiError(error) ? error.code : 'NETWORK_ERROR';
      const details = error instanceof DetailedApiError ? error.details : undefined;
      if (code === 'VALIDATION_FAILED' && Array.isArray(details)) {
        const fields = fieldsOfValidation(details);
        fail(
          details.map((d: { path?: string }, index) => ({
            field: fields[index],
            message: `${errorMessage(i18n, code)} (${String(d.path ?? '')})`,
          })),
        );
      } else fail([{ field: fieldOfServerError(code, details, form), message: errorMessage(i18n, code) }]);
    } finally {
      setSaving(false);
    }
  };

  // Ctrl+S / ⌘S saves, as in any editor people use all day.
  const shortcut = (event: KeyboardEvent<HTMLFormElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  };

  if (loaded.status === 'loading') return <p className="muted">{t('portal.loading')}</p>;
  if (loaded.status === 'failed')
    return (
      <section className="card">
        <h1>{t('portal.editor.editTitle')}</h1>
        <p className="alert">{errorMessage(i18n, loaded.code)}</p>
        <Link to="/portal/products">{t('portal.editor.backToList')}</Link>
      </section>
    );

  const productName = baseline.name[baseline.defaultLanguage];
  // Each refused field with its message (the first one, when a field has several).
  const refused = new Map(problems.flatMap((p) => (p.field ? [[p.field, p.message] as const] : [])).reverse());
  const textMissing = missingLanguages([form.name, form.description, form.instructions, form.notes]);
  const id = current.current;

  return (
    <form className="portal product-editor" onSubmit={(e) => void submit(e)} onKeyDown={shortcut} noValidate>
      <div className="editor-header">
        <div>
          <p>
            <Link to="/portal/products">{t('portal.editor.backToList')}</Link>
          </p>
          <h1>{id ? t('portal.editor.editTitleNamed', { name: productName ?? '' }) : t('portal.editor.newTitle')}</h1>
        </div>
        <div className="editor-actions">
          {id && (
            <Link className="button" to={`/portal/products/${id}/preview`}>
              {t('portal.editor.preview')}
            </Link>
          )}
          <button type="submit" className="button primary" disabled={saving}>
            {saving ? t('portal.editor.saving') : t('portal.editor.save')}
          </button>
        </div>
      </div>
      <p className="hint">{t('portal.editor.shortcut')}</p>
      <p role="status" className={saved ? 'saved' : 'visually-hidden'}>
        {saved ? t('portal.editor.saved') : ''}
      </p>
      {dirty && <p className="hint">{t('portal.editor.unsaved')}</p>}
      <ErrorSummary items={problems} attempt={attempt} />

      <GeneralFields form={form} set={set} brands={brands} refused={refused} />

      <section className="card portal-section" aria-labelledby="texts-title">
        <h2 id="texts-title">{t('portal.editor.texts')}</h2>
        <p className="hint">{t('portal.editor.textsHint')}</p>
        <LanguageTabs
          id="text-languages"
          label={t('portal.editor.textLanguages')}
          selected={textLang}
          onSelect={setTextLang}
          defaultLanguage={form.defaultLanguage}
          missing={textMissing}
        >
          <div className="field">
            <label htmlFor={fieldIds.name(textLang)}>
              {t('portal.editor.name')}
              {textLang === form.defaultLanguage && <span className="required"> {t('portal.editor.required')}</span>}
            </label>
            <input
              id={fieldIds.name(textLang)}
              lang={textLang}
              dir="auto"
              maxLength={300}
              value={form.name[textLang] ?? ''}
              aria-invalid={refused.has(fieldIds.name(textLang))}
              aria-describedby={describedBy(fieldIds.name(textLang), refused)}
              onChange={(e) => setText('name', e.target.value)}
            />
            <FieldError field={fieldIds.name(textLang)} message={refused.get(fieldIds.name(textLang))} />
          </div>
          <div className="field">
            <label htmlFor={`product-description-${textLang}`}>{t('portal.editor.description')}</label>
            <textarea
              id={`product-description-${textLang}`}
              lang={textLang}
              dir="auto"
              rows={4}
              value={form.description[textLang] ?? ''}
              onChange={(e) => setText('description', e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`product-instructions-${textLang}`}>{t('portal.editor.instructions')}</label>
            <textarea
              id={`product-instructions-${textLang}`}
              lang={textLang}
              dir="auto"
              rows={4}
              value={form.instructions[textLang] ?? ''}
              onChange={(e) => setText('instructions', e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`product-notes-${textLang}`}>{t('portal.supplyChain.notes')}</label>
            <textarea
              id={`product-notes-${textLang}`}
              lang={textLang}
              dir="auto"
              rows={3}
              value={form.notes[textLang] ?? ''}
              onChange={(e) => setText('notes', e.target.value)}
            />
          </div>
        </LanguageTabs>
      </section>

      <IdentifiersEditor identifiers={form.identifiers} onChange={(v) => set('identifiers', v)} refused={refused} />

      <PhotosEditor
        productId={id}
        images={images}
        onUploaded={(image) => setImages((all) => [...all, image])}
        onDeleted={(imageId) => {
          setImages((all) => all.filter((i) => i.id !== imageId));
          // The server forgets a deleted photo in features too; so does the form, without marking it changed.
          const drop = (f: ProductForm) => ({
            ...f,
            features: f.features.map((x) => ({ ...x, imageIds: x.imageIds.filter((i) => i !== imageId) })),
          });
          setForm(drop);
          setBaseline(drop);
        }}
      />

      <FeaturesEditor
        features={form.features}
        onChange={(v) => set('features', v)}
        defaultLanguage={form.defaultLanguage}
        images={images}
        refused={refused}
      />

      <section className="card portal-section" aria-labelledby="supply-title">
        <h2 id="supply-title">{t('portal.supplyChain.title')}</h2>
        <div className="form-grid">
          <CountriesInput
            id={fieldIds.manufacturedIn}
            label={t('portal.supplyChain.madeIn')}
            hint={t('portal.supplyChain.countriesHint')}
            value={form.manufacturedIn}
            onChange={(v) => set('manufacturedIn', v)}
          />
          <CountriesInput
            id={fieldIds.markets}
            label={t('portal.supplyChain.markets')}
            hint={t('portal.supplyChain.marketsHint')}
            value={form.markets}
            onChange={(v) => set('markets', v)}
          />
        </div>
        <p className="hint">{t('portal.supplyChain.notesWhere')}</p>
      </section>

      <div className="editor-actions editor-footer">
        <button type="submit" className="button primary" disabled={saving}>
          {saving ? t('portal.editor.saving') : t('portal.editor.save')}
        </button>
      </div>
    </form>
  );
}
