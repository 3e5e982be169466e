import type { FastifyPluginAsync } from 'fastify';
import type { Database } from '../platform/db';
import { createBrandsService } from './brands.service';
import { brandsRoutes } from './brands.routes';
import { createContactsService } from './contacts.service';
import { contactsRoutes } from './contacts.routes';
import { createIdentifierCache } from './identifier-cache';
import { createImagesService } from './images.service';
import { createProductsService } from './products.service';
import { productsRoutes } from './products.routes';
import { prepareCandidateLookup, type CandidateRow } from './search.queries';

const CHANGES_CHANNEL = 'verity_catalog_changed';

/** The catalog capability (C1): brands, products, images, contacts, applications for action. */
export function createCatalog({ database, maxImageBytes }: { database: Database; maxImageBytes: number }) {
  const db = database.db;
  const findCandidates = prepareCandidateLookup(db);
  const identifiers = createIdentifierCache<CandidateRow[]>({
    load: (key) => {
      const [kind, value] = key.split(':') as ['gtin' | 'imei_tac', string];
      return findCandidates(kind, value);
    },
  });

  // After every committed catalog write: forget at once here, and tell the other server
  // processes (one NOTIFY per burst of writes, e.g. during an import).
  let notifyPending = false;
  const changed = () => {
    identifiers.clear();
    if (notifyPending) return;
    notifyPending = true;
    setTimeout(() => {
      notifyPending = false;
      database.notify(CHANGES_CHANNEL, '').catch(() => {}); // lost: the cache's expiry covers it
    }, 50).unref();
  };
  const listening = database.listen(CHANGES_CHANNEL, () => identifiers.clear());

  const brands = createBrandsService({ db, changed });
  const products = createProductsService({ db, changed, identifiers });
  const images = createImagesService({ db, changed, maxImageBytes });
  const contacts = createContactsService({ db, changed });
  const routes: FastifyPluginAsync = async (app) => {
    await listening;
    await app.register(brandsRoutes(brands));
    await app.register(productsRoutes(products, images));
    await app.register(contactsRoutes(contacts));
  };
  /**
   * Runs `fn` with brand and product services bound to one transaction (each product write
   * inside is a savepoint: a failing one rolls back alone). Caches hear of the changes once,
   * after the commit — never before other processes can read them.
   */
  async function inTransaction<T>(fn: (tx: { brands: typeof brands; products: typeof products }) => Promise<T>) {
    const noop = () => {};
    const result = await db.transaction((tx) =>
      fn({
        brands: createBrandsService({ db: tx, changed: noop }),
        products: createProductsService({ db: tx, changed: noop, identifiers }),
      }),
    );
    changed();
    return result;
  }

  return { service: { brands, products, images, contacts, changed, inTransaction }, routes };
}
export type CatalogService = ReturnType<typeof createCatalog>['service'];
