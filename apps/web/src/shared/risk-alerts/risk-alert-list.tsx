import type { Alert } from '@verity/contract';
import { useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { displayNames } from '../display-names';
import { langAttribute, pickText } from '../product-sheet/localized';
import { PhotoThumb, PhotoZoom } from '../product-sheet/photo-zoom';
import './risk-alerts.css';

/**
 * Right holders' risk alerts, as officers read them: on the identify screen (those in force for
 * their country, and those about a product just identified) and on a product's sheet.
 */
export function RiskAlertList({ alerts, headingLevel = 2 }: { alerts: Alert[]; headingLevel?: 2 | 3 }) {
  const { t, lang } = useI18n();
  const [zoomed, setZoomed] = useState<{ image: Alert['images'][number]; label: string } | null>(null);
  if (alerts.length === 0) return null;
  const names = displayNames(lang);
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
  const Heading = `h${headingLevel}` as const;
  const Title = `h${headingLevel + 1}` as 'h3' | 'h4';
  return (
    <section className="risk-alerts" aria-labelledby="risk-alerts-title" data-testid="risk-alerts">
      <Heading id="risk-alerts-title">{t('alerts.title', { count: alerts.length })}</Heading>
      <ul>
        {alerts.map((alert) => {
          const title = pickText(alert.title, lang, alert.defaultLanguage);
          const description = pickText(alert.description, lang, alert.defaultLanguage);
          return (
            <li key={alert.id} className="risk-alert">
              <p className="risk-alert-kind">
                <span aria-hidden="true">⚠ </span>
                {t('alerts.from', { organisation: alert.organisation.name })}
              </p>
              <Title lang={langAttribute(title, lang)}>{title?.text}</Title>
              {description && <p lang={langAttribute(description, lang)}>{description.text}</p>}
              {alert.images.length > 0 && (
                <ul className="risk-alert-pictures" aria-label={t('alerts.pictures')}>
                  {alert.images.map((image, index) => {
                    const label = t('alerts.picture', { number: index + 1, title: title?.text ?? '' });
                    return (
                      <li key={image.id}>
                        <PhotoThumb image={image} label={label} onOpen={() => setZoomed({ image, label })} />
                      </li>
                    );
                  })}
                </ul>
              )}
              <dl>
                {alert.origins.length > 0 && (
                  <div>
                    <dt>{t('alerts.origins')}</dt>
                    <dd>{names.list(alert.origins.map(names.country))}</dd>
                  </div>
                )}
                {alert.route && (
                  <div>
                    <dt>{t('alerts.route')}</dt>
                    <dd>{alert.route}</dd>
                  </div>
                )}
                {alert.products.length > 0 && (
                  <div>
                    <dt>{t('alerts.products')}</dt>
                    <dd>
                      {alert.products.map((product, index) => {
                        const name = pickText(product.name, lang, product.defaultLanguage);
                        return (
                          <span key={product.id}>
                            {index > 0 && ', '}
                            <Link to={`/products/${product.id}`} lang={langAttribute(name, lang)}>
                              {name?.text}
                            </Link>
                          </span>
                        );
                      })}
                    </dd>
                  </div>
                )}
                <div>
                  <dt>{t('alerts.validUntil')}</dt>
                  <dd>
                    <time dateTime={alert.validUntil}>{date.format(new Date(alert.validUntil))}</time>
                  </dd>
                </div>
              </dl>
            </li>
          );
        })}
      </ul>
      {zoomed && <PhotoZoom image={zoomed.image} label={zoomed.label} onClose={() => setZoomed(null)} />}
    </section>
  );
}
