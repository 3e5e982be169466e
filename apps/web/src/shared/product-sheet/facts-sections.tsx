import type { ProductSheet } from '@verity/contract';
import { useI18n } from '../../lib/i18n';
import { displayNames } from '../display-names';
import type { SheetReader } from './sheet-context';

/** Where the genuine product is made and sold: goods from elsewhere deserve a closer look. */
export function SupplyChainSection({ sheet, reader }: { sheet: ProductSheet; reader: SheetReader }) {
  const { t, lang } = useI18n();
  const names = displayNames(lang);
  const { manufacturedIn, markets } = sheet.supplyChain;
  const notes = reader.text(sheet.supplyChain.notes);
  if (manufacturedIn.length === 0 && markets.length === 0 && !notes) return null;
  const countries = (codes: string[]) => names.list(codes.map((code) => names.country(code)));
  return (
    <section className="sheet-section" aria-labelledby="sheet-supply">
      <h2 id="sheet-supply">{t('sheet.supplyChain.title')}</h2>
      <dl className="sheet-facts">
        {manufacturedIn.length > 0 && (
          <div>
            <dt>{t('sheet.supplyChain.manufacturedIn')}</dt>
            <dd>{countries(manufacturedIn)}</dd>
          </div>
        )}
        <div>
          <dt>{t('sheet.supplyChain.markets')}</dt>
          <dd>{markets.length > 0 ? countries(markets) : t('sheet.supplyChain.worldwide')}</dd>
        </div>
      </dl>
      {notes && <p lang={reader.langOf(notes)}>{notes.text}</p>}
    </section>
  );
}

/** Codes that identify the product: GTINs with their packaging level, brand codes, IMEI TACs. */
export function IdentifiersSection({ identifiers }: { identifiers: ProductSheet['identifiers'] }) {
  const { t } = useI18n();
  if (identifiers.length === 0) return null;
  const levels = {
    each: t('sheet.identifiers.level.each'),
    inner_pack: t('sheet.identifiers.level.inner_pack'),
    case: t('sheet.identifiers.level.case'),
    pallet: t('sheet.identifiers.level.pallet'),
  };
  const kinds = {
    gtin: t('sheet.identifiers.kind.gtin'),
    proprietary: t('sheet.identifiers.kind.proprietary'),
    imei_tac: t('sheet.identifiers.kind.imei_tac'),
  };
  return (
    <details className="sheet-section">
      <summary>
        <h2>{t('sheet.identifiers.title', { count: identifiers.length })}</h2>
      </summary>
      <ul className="identifiers">
        {identifiers.map((identifier) => (
          <li key={`${identifier.kind}:${identifier.value}`}>
            <span className="muted">{kinds[identifier.kind]}</span> <code>{identifier.value}</code>
            {identifier.packagingLevel && ` · ${levels[identifier.packagingLevel]}`}
            {identifier.description && ` · ${identifier.description}`}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The brand's trademark registrations: what the application for action rests on. */
export function TrademarksSection({ brand }: { brand: ProductSheet['brand'] }) {
  const { t, lang } = useI18n();
  if (brand.trademarks.length === 0) return null;
  const names = displayNames(lang);
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <details className="sheet-section">
      <summary>
        <h2>{t('sheet.trademarks.title', { count: brand.trademarks.length })}</h2>
      </summary>
      <ul className="trademarks">
        {brand.trademarks.map((mark) => (
          <li key={`${mark.office}:${mark.registrationNumber}`}>
            <strong>
              {mark.office} {mark.registrationNumber}
            </strong>
            {mark.niceClasses.length > 0 && (
              <> · {t('sheet.trademarks.classes', { classes: mark.niceClasses.join(', ') })}</>
            )}
            {mark.countries.length > 0 && <> · {names.list(mark.countries.map((c) => names.country(c)))}</>}
            {mark.validUntil && (
              <> · {t('sheet.trademarks.validUntil', { date: date.format(new Date(mark.validUntil)) })}</>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
