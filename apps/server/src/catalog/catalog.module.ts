import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../platform/db';
import { createBrandsService } from './brands.service';
import { brandsRoutes } from './brands.routes';
import { createContactsService } from './contacts.service';
import { contactsRoutes } from './contacts.routes';
import { createImagesService } from './images.service';
import { createProductsService } from './products.service';
import { productsRoutes } from './products.routes';

/** The catalog capability (C1): brands, products, images, contacts, applications for action. */
export function createCatalog(deps: { db: Db; maxImageBytes: number }) {
  const brands = createBrandsService(deps);
  const products = createProductsService(deps);
  const images = createImagesService(deps);
  const contacts = createContactsService(deps);
  const routes: FastifyPluginAsync = async (app) => {
    await app.register(brandsRoutes(brands));
    await app.register(productsRoutes(products, images));
    await app.register(contactsRoutes(contacts));
  };
  return { service: { brands, products, images, contacts }, routes };
}
export type CatalogService = ReturnType<typeof createCatalog>['service'];
