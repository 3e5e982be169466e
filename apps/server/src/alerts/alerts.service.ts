import type { Alert, AlertImage, AlertInput } from '@verity/contract';
import type { Db } from '../platform/db';
import { AppError } from '../platform/errors';
import { authorize, authorizeOn, type Actor } from '../platform/policy';
import { createIdentifierCache } from '../catalog/identifier-cache';
import * as q from './alerts.queries';

const today = () => new Date().toISOString().slice(0, 10);

/** A picture's addresses: served by the alert's own routes, to whoever may read the alert. */
export function presentImage(alertId: string, image: q.AlertImageRow): AlertImage {
  const url = `/api/v1/alerts/${alertId}/images/${image.id}`;
  return { id: image.id, url, thumbnailUrl: `${url}/thumbnail`, width: image.width, height: image.height };
}

function present(row: q.AlertRow): Alert {
  return {
    id: row.id,
    organisation: { id: row.organisationId, name: row.organisationName },
    defaultLanguage: row.defaultLanguage,
    title: row.title,
    description: row.description,
    countries: row.countries,
    origins: row.origins,
    route: row.route,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    inForce: row.validFrom <= today() && today() <= row.validUntil,
    products: row.products as Alert['products'],
    images: row.images.map((image) => presentImage(row.id, image)),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Right holders' risk alerts, and which of them an officer's identify answer matches. That
 * question is on the identify hot path, so the links (product → alerts) in force per country
 * are kept in a cache (cleared on every alert change, in every process: `changed`), and the
 * database is asked only when a product found has an alert.
 */
export function createAlertsService({ db, changed = () => {} }: { db: Db; changed?: () => void }) {
  const linksByCountry = createIdentifierCache<Map<string, string[]>>({
    maxEntries: 300,
    load: async (country) => {
      const byProduct = new Map<string, string[]>();
      for (const { id, productId } of await q.alertLinksInForce(db, country))
        byProduct.set(productId, [...(byProduct.get(productId) ?? []), id]);
      return byProduct;
    },
  });
  async function listAlerts(actor: Actor, filter: { productId?: string | undefined }) {
    const scope = authorize(actor, 'alert.read');
    const rows = await q.listAlerts(db, scope, actor.country, filter);
    return { items: rows.map(present) };
  }

  async function readAlert(actor: Actor, id: string) {
    const scope = authorize(actor, 'alert.read');
    const [row] = await q.listAlerts(db, scope, actor.country, { id });
    if (!row) throw new AppError('ALERT_NOT_FOUND');
    return present(row);
  }

  async function write(actor: Actor, input: AlertInput, id?: string) {
    if (!input.title[input.defaultLanguage]) throw new AppError('ALERT_TITLE_MISSING');
    if (input.validUntil < input.validFrom) throw new AppError('ALERT_DATES_INVALID');
    const productIds = [...new Set(input.productIds)];
    const own = await q.productsOfOrganisation(db, actor.organisationId, productIds);
    // Another right holder's product looks as if it did not exist.
    const foreign = productIds.find((p) => !own.includes(p));
    if (foreign) throw new AppError('PRODUCT_NOT_FOUND', { productId: foreign });
    const { productIds: _ignored, ...columns } = input;
    const alertId = await q.writeAlert(db, { ...columns, organisationId: actor.organisationId }, productIds, id);
    linksByCountry.clear();
    changed();
    return readAlert(actor, alertId);
  }

  async function createAlert(actor: Actor, input: AlertInput) {
    authorize(actor, 'alert.write');
    return write(actor, input);
  }

  async function loadForWrite(actor: Actor, id: string) {
    authorizeOn(actor, 'alert.write', await q.findAlertOwner(db, id), 'ALERT_NOT_FOUND');
  }

  /** PATCH: what is sent replaces the current values (lists whole). */
  async function updateAlert(actor: Actor, id: string, patch: Partial<AlertInput>) {
    await loadForWrite(actor, id);
    const current = await readAlert(actor, id);
    const merged: AlertInput = {
      defaultLanguage: current.defaultLanguage,
      title: current.title,
      description: current.description,
      countries: current.countries,
      origins: current.origins,
      route: current.route,
      validFrom: current.validFrom,
      validUntil: current.validUntil,
      productIds: current.products.map((p) => p.id),
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    };
    return write(actor, merged, id);
  }

  async function deleteAlert(actor: Actor, id: string) {
    await loadForWrite(actor, id);
    await q.deleteAlert(db, id);
    linksByCountry.clear();
    changed();
    return { deleted: true as const };
  }

  /**
   * For identify: the alerts in force for the actor's country about any of these products
   * (customs only: a right holder knows its own alerts).
   */
  async function alertsMatching(actor: Actor, productIds: string[]): Promise<Alert[]> {
    const scope = authorize(actor, 'alert.read');
    if (scope.scope !== 'published' || !actor.country || productIds.length === 0) return [];
    const links = await linksByCountry.get(actor.country);
    const ids = new Set(productIds.flatMap((productId) => links.get(productId) ?? []));
    if (ids.size === 0) return [];
    const rows = await q.listAlerts(db, scope, actor.country, { ids: [...ids] });
    return rows.map(present);
  }

  return {
    listAlerts,
    readAlert,
    createAlert,
    updateAlert,
    deleteAlert,
    alertsMatching,
    /** For other processes' changes (NOTIFY). */
    forget: () => linksByCountry.clear(),
  };
}
export type AlertsService = ReturnType<typeof createAlertsService>;
