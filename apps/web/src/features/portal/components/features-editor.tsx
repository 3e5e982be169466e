import type { Language } from '@verity/contract';
import { featureKinds } from '@verity/contract/values';
import { useRef, useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import type { ProductImage } from '../api';
import { fieldIds, missingLanguages, rowKey, type FeatureDraft, type FeatureKind } from '../product-form';
import { useRowFocus } from '../use-row-focus';
import { describedBy, FieldError } from './field-error';
import { LanguageTabs } from './language-tabs';

interface Props {
  features: FeatureDraft[];
  onChange: (features: FeatureDraft[]) => void;
  defaultLanguage: Language;
  images: ProductImage[];
  /** Fields the last save refused (id → message). */
  refused: ReadonlyMap<string, string>;
}

const kindId = (index: number) => `${fieldIds.featureTitle(index)}-kind`;

/** What tells a genuine product from a fake: kind, title and description per language, illustrating photos. */
export function FeaturesEditor({ features, onChange, defaultLanguage, images, refused }: Props) {
  const { t, tx } = useI18n();
  const [lang, setLang] = useState<Language>(defaultLanguage);
  const add = useRef<HTMLButtonElement>(null);
  const adding = useRowFocus(features.length, kindId, add);
  const update = (index: number, change: Partial<FeatureDraft>) =>
    onChange(features.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const missing = missingLanguages(features.flatMap((f) => [f.title, f.description]));

  return (
    <section className="card portal-section" aria-labelledby="features-title">
      <h2 id="features-title">{t('portal.features.title')}</h2>
      <p className="hint">{t('portal.features.hint')}</p>
      {features.length === 0 ? (
        <p className="muted">{t('portal.features.none')}</p>
      ) : (
        <LanguageTabs
          id="feature-languages"
          label={t('portal.features.languages')}
          selected={lang}
          onSelect={setLang}
          defaultLanguage={defaultLanguage}
          missing={missing}
        >
          <ol className="editor-rows">
            {features.map((feature, index) => {
              const titleId = fieldIds.featureTitle(index);
              return (
                <li key={feature.key} className="editor-row">
                  <h3>{t('portal.features.number', { number: index + 1 })}</h3>
                  <div className="form-grid">
                    <div className="field">
                      <label htmlFor={kindId(index)}>{t('portal.features.kind')}</label>
                      <select
                        id={kindId(index)}
                        value={feature.kind}
                        onChange={(e) => update(index, { kind: e.target.value as FeatureKind })}
                      >
                        {featureKinds.map((kind) => (
                          <option key={kind} value={kind}>
                            {tx(`portal.features.kinds.${kind}`)}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div className="field">
                      <label htmlFor={titleId}>
                        {t('portal.features.featureTitle')}
                        {lang === defaultLanguage && <span className="required"> {t('portal.editor.required')}</span>}
                      </label>
                      <input
                        id={titleId}
                        lang={lang}
                        dir="auto"
                        maxLength={300}
                        value={feature.title[lang] ?? ''}
                        aria-invalid={lang === defaultLanguage && refused.has(titleId)}
                        aria-describedby={lang === defaultLanguage ? describedBy(titleId, refused) : undefined}
                        onChange={(e) => update(index, { title: { ...feature.title, [lang]: e.target.value } })}
                      />
                      {lang === defaultLanguage && <FieldError field={titleId} message={refused.get(titleId)} />}
                    </div>
                    <div className="field span-all">
                      <label htmlFor={`${titleId}-description`}>{t('portal.features.description')}</label>
                      <textarea
                        id={`${titleId}-description`}
                        lang={lang}
                        dir="auto"
                        rows={3}
                        value={feature.description[lang] ?? ''}
                        onChange={(e) =>
                          update(index, { description: { ...feature.description, [lang]: e.target.value } })
                        }
                      />
                    </div>
                  </div>
                  <fieldset className="feature-pictures">
                    <legend>{t('portal.features.pictures')}</legend>
                    {images.length === 0 && <p className="hint">{t('portal.features.noPictures')}</p>}
                    <ul className="photo-grid">
                      {images.map((image, imageIndex) => {
                        const checked = feature.imageIds.includes(image.id);
                        return (
                          <li key={image.id}>
                            <label className="picture-choice">
                              <input
                                type="checkbox"
                                checked={checked}
                                onChange={() =>
                                  update(index, {
                                    imageIds: checked
                                      ? feature.imageIds.filter((i) => i !== image.id)
                                      : [...feature.imageIds, image.id],
                                  })
                                }
                              />
                              <img src={image.thumbnailUrl} alt="" width={80} height={80} loading="lazy" />
                              <span>{t('portal.photos.photoAlt', { number: imageIndex + 1 })}</span>
                            </label>
                          </li>
                        );
                      })}
                    </ul>
                  </fieldset>
                  <button
                    type="button"
                    className="button"
                    onClick={() => onChange(features.filter((_, i) => i !== index))}
                  >
                    {t('portal.features.remove', { number: index + 1 })}
                  </button>
                </li>
              );
            })}
          </ol>
        </LanguageTabs>
      )}
      <button
        ref={add}
        type="button"
        className="button"
        onClick={() => {
          adding();
          onChange([...features, { key: rowKey(), kind: 'genuine', title: {}, description: {}, imageIds: [] }]);
          setLang(defaultLanguage);
        }}
      >
        {t('portal.features.add')}
      </button>
    </section>
  );
}
