import type { ProductSheet } from '@verity/contract';
import { useContext, useMemo, useState, type ReactNode } from 'react';
import { AppContext } from '../../lib/app-context';
import { useI18n } from '../../lib/i18n';
import { ContactsSection } from './contacts-section';
import { displayNames } from '../display-names';
import { IdentifiersSection, SupplyChainSection, TrademarksSection } from './facts-sections';
import { FeatureList, GenuineVersusCounterfeit } from './feature-sections';
import { PhotoThumb, PhotoZoom } from './photo-zoom';
import { sheetReader } from './sheet-context';
import './product-sheet.css';

type Image = ProductSheet['images'][number];

/**
 * A product sheet as an officer reads it at the border, decisive items first: what it is, whether
 * the right holder asked customs to act here, what to check, how genuine differs from fake, whom
 * to call; codes, packaging and trademarks are folded below. The right holders' preview shows
 * the very same component. `alerts`: the risk alerts about it, shown right after its header.
 */
export function ProductSheetView({ sheet, alerts }: { sheet: ProductSheet; alerts?: ReactNode }) {
  const { t, lang } = useI18n();
  // The reader's country marks their contact and application; a sheet shown outside a signed-in screen has none.
  const country = useContext(AppContext)?.me.membership.organisation.country ?? null;
  const [zoomed, setZoomed] = useState<{ image: Image; label: string } | null>(null);
  const reader = useMemo(() => sheetReader(sheet, lang, (image, label) => setZoomed({ image, label })), [sheet, lang]);

  const name = reader.text(sheet.name);
  const description = reader.text(sheet.description);
  const instructions = reader.text(sheet.instructions);
  const productName = name?.text ?? '';

  return (
    // `lang` on the sheet itself: a preview may show it in another language than the page around it.
    <article className="product-sheet" aria-labelledby="sheet-name" lang={lang}>
      <header className="sheet-header">
        <h1 id="sheet-name" lang={reader.langOf(name)}>
          {productName}
        </h1>
        <p className="sheet-brand">
          <strong>{sheet.brand.name}</strong> · {sheet.organisation.name}
        </p>
        <ApplicationStatus sheet={sheet} country={country} />
        <dl className="sheet-facts">
          {sheet.category && (
            <div>
              <dt>{t('sheet.category')}</dt>
              <dd>{sheet.category}</dd>
            </div>
          )}
          {sheet.hsCode && (
            <div>
              <dt>{t('sheet.hsCode')}</dt>
              <dd>
                <code>{sheet.hsCode}</code>
              </dd>
            </div>
          )}
          {sheet.reference && (
            <div>
              <dt>{t('sheet.reference')}</dt>
              <dd>
                <code>{sheet.reference}</code>
              </dd>
            </div>
          )}
        </dl>
      </header>

      {/* Risk alerts about this product, right under what it is: they change what to look for. */}
      {alerts}

      {instructions && (
        <section className="sheet-section sheet-instructions" aria-labelledby="sheet-instructions">
          <h2 id="sheet-instructions">{t('sheet.instructions')}</h2>
          <p lang={reader.langOf(instructions)}>{instructions.text}</p>
        </section>
      )}

      {sheet.images.length > 0 && (
        <section className="sheet-section" aria-labelledby="sheet-photos">
          <h2 id="sheet-photos">{t('sheet.photos.title')}</h2>
          <ul className="photo-row">
            {sheet.images.map((image, i) => {
              const label = t('sheet.photos.photo', { name: productName, number: i + 1 });
              return (
                <li key={image.id}>
                  <PhotoThumb image={image} label={label} onOpen={(img) => setZoomed({ image: img, label })} />
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <GenuineVersusCounterfeit features={sheet.features} reader={reader} />
      <FeatureList features={sheet.features} reader={reader} kind="security" />
      <ContactsSection contacts={sheet.contacts} organisation={sheet.organisation.name} country={country} />
      <SupplyChainSection sheet={sheet} reader={reader} />

      {description && (
        <details className="sheet-section">
          <summary>
            <h2>{t('sheet.description')}</h2>
          </summary>
          <p lang={reader.langOf(description)}>{description.text}</p>
        </details>
      )}
      <FeatureList features={sheet.features} reader={reader} kind="packaging" collapsed />
      <IdentifiersSection identifiers={sheet.identifiers} />
      <TrademarksSection brand={sheet.brand} />

      {zoomed && <PhotoZoom image={zoomed.image} label={zoomed.label} onClose={() => setZoomed(null)} />}
    </article>
  );
}

/** Whether customs may act on the right holder's application here: the first thing that decides a detention. */
function ApplicationStatus({ sheet, country }: { sheet: ProductSheet; country: string | null }) {
  const { t, lang } = useI18n();
  const here = sheet.applications.find((a) => a.inForce && a.country === country);
  if (!sheet.applicationInForce) return <p className="muted">{t('sheet.application.none')}</p>;
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <div className="sheet-application">
      <p className="badge sheet-badge">
        {country
          ? t('sheet.application.inForceIn', { country: displayNames(lang).country(country) })
          : t('sheet.application.inForce')}
      </p>
      {here && (
        <p className="hint">
          {t('sheet.application.details', {
            reference: here.reference,
            date: date.format(new Date(here.validUntil)),
          })}
        </p>
      )}
    </div>
  );
}
