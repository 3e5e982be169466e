import type { ProductSheet } from '@verity/contract';
import { useI18n } from '../../lib/i18n';
import { PhotoThumb } from './photo-zoom';
import type { SheetReader } from './sheet-context';

type Feature = ProductSheet['features'][number];

/** One feature: its title, what to look at, and its photos (each opens at full size). */
function FeatureItem({ feature, reader, kindLabel }: { feature: Feature; reader: SheetReader; kindLabel?: string }) {
  const { t } = useI18n();
  const title = reader.text(feature.title);
  const description = reader.text(feature.description);
  const images = reader.imagesOf(feature.imageIds);
  const label = title?.text ?? '';
  return (
    <div className={`feature feature-${feature.kind}`}>
      {kindLabel && <p className="feature-kind">{kindLabel}</p>}
      <h3 lang={reader.langOf(title)}>{title?.text}</h3>
      {description && <p lang={reader.langOf(description)}>{description.text}</p>}
      {images.length > 0 && (
        <ul className="photo-row" aria-label={t('sheet.features.photos', { title: label })}>
          {images.map((image, i) => {
            const alt = t('sheet.features.photo', { title: label, number: i + 1 });
            return (
              <li key={image.id}>
                <PhotoThumb image={image} label={alt} onOpen={(img) => reader.zoom(img, alt)} />
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/**
 * Genuine features beside counterfeit indicators: side by side on a wide screen, one pair after
 * the other on a phone, so the officer compares what to expect with what betrays a fake.
 */
export function GenuineVersusCounterfeit({ features, reader }: { features: Feature[]; reader: SheetReader }) {
  const { t } = useI18n();
  const genuine = features.filter((f) => f.kind === 'genuine');
  const counterfeit = features.filter((f) => f.kind === 'counterfeit');
  const pairs = Array.from({ length: Math.max(genuine.length, counterfeit.length) }, (_, i) => [
    genuine[i],
    counterfeit[i],
  ]);
  if (pairs.length === 0) return null;
  return (
    <section className="sheet-section" aria-labelledby="sheet-compare">
      <h2 id="sheet-compare">{t('sheet.features.compareTitle')}</h2>
      <ul className="feature-pairs">
        {pairs.map(([g, c], i) => (
          <li key={i} className="feature-pair">
            {g ? (
              <FeatureItem feature={g} reader={reader} kindLabel={t('sheet.features.genuine')} />
            ) : (
              <div className="feature feature-none" />
            )}
            {c ? (
              <FeatureItem feature={c} reader={reader} kindLabel={t('sheet.features.counterfeit')} />
            ) : (
              <div className="feature feature-none" />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Security features or packaging: a plain list of features of one kind. */
export function FeatureList({
  features,
  reader,
  kind,
  collapsed,
}: {
  features: Feature[];
  reader: SheetReader;
  kind: 'security' | 'packaging';
  collapsed?: boolean;
}) {
  const { t } = useI18n();
  const ofKind = features.filter((f) => f.kind === kind);
  if (ofKind.length === 0) return null;
  const title = kind === 'security' ? t('sheet.features.security') : t('sheet.features.packaging');
  const list = (
    <ul className="feature-list">
      {ofKind.map((feature, i) => (
        <li key={i}>
          <FeatureItem feature={feature} reader={reader} />
        </li>
      ))}
    </ul>
  );
  if (collapsed)
    return (
      <details className="sheet-section">
        <summary>
          <h2>{title}</h2>
        </summary>
        {list}
      </details>
    );
  return (
    <section className="sheet-section" aria-labelledby={`sheet-${kind}`}>
      <h2 id={`sheet-${kind}`}>{title}</h2>
      {list}
    </section>
  );
}
