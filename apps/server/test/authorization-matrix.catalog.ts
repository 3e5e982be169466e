/**
 * Rows of the authorization matrix (authorization-matrix.test.ts) for the catalog, risk alerts,
 * identify and imports, with the world each row acts on and the expectation rules they share.
 */

import type { Role } from '@verity/contract';
import { multipart, pngBytes } from './images';
import type { Session, TestApp } from './test-app';

export type Owner = 'own' | 'foreign';

/** What one right holder owns (the own and the foreign world), made in the matrix's set-up. */
export interface World {
  brand: string;
  product: string;
  draft: string;
  contact: string;
  application: string;
  image: string;
  file: string;
  alert: string;
  /** A picture of the alert. */
  alertImage: string;
  /** Cases opened by customs with a line of this world's right holder (filled once sessions exist). */
  caseDraft: string;
  caseSubmitted: string;
  caseAnswered: string;
  caseDecided: string;
}

/** One row: a route, how to call it in a world, and the status each role must get. */
export interface MatrixCase {
  method: string;
  route: string;
  url: (w: World, s: Session) => string;
  body?: (w: World, s: Session) => unknown;
  headers?: Record<string, string>;
  expected: (role: Role, owner: Owner) => number;
}

/** A risk alert in force for France (the officers' country here) about a product. */
export const alertOf = (productId: string) => ({
  title: { en: 'Fakes expected' },
  countries: ['FR'],
  validFrom: '2020-01-01',
  validUntil: '2099-12-31',
  productIds: [productId],
});

export const RH: Role[] = ['right_holder_editor', 'right_holder_admin'];
export const READERS: Role[] = ['officer', 'administration_admin', 'secretariat_admin', ...RH];
export const isRH = (role: Role) => RH.includes(role);

/** Expected status for a catalog object read: readers see published data; right holders their own. */
export const readObject = (role: Role, owner: Owner) =>
  !READERS.includes(role) ? 403 : isRH(role) && owner === 'foreign' ? 404 : 200;
export const readDraft = (role: Role, owner: Owner) =>
  !READERS.includes(role) ? 403 : role === 'secretariat_admin' ? 200 : isRH(role) && owner === 'own' ? 200 : 404;
/** Writes: only right holders, on their own objects; another's objects are "not found" for them. */
export const writeObject = (ok: number) => (role: Role, owner: Owner) =>
  isRH(role) ? (owner === 'own' ? ok : 404) : 403;
export const listing = (role: Role) => (READERS.includes(role) ? 200 : 403);
export const rhOnly = (ok: number) => (role: Role) => (isRH(role) ? ok : 403);

const newProduct = (w: World) => ({ brandId: w.brand, name: { en: 'Matrix product' } });

export const catalogRows: MatrixCase[] = [
  { method: 'GET', route: '/api/v1/products', url: () => '/api/v1/products?q=product', expected: listing },
  {
    method: 'POST',
    route: '/api/v1/products',
    url: () => '/api/v1/products',
    body: newProduct,
    expected: (r, o) => (isRH(r) ? (o === 'own' ? 201 : 404) : 403),
  },
  { method: 'GET', route: '/api/v1/products/{id}', url: (w) => `/api/v1/products/${w.product}`, expected: readObject },
  {
    method: 'GET',
    route: '/api/v1/products/{id} (draft)',
    url: (w) => `/api/v1/products/${w.draft}`,
    expected: readDraft,
  },
  {
    method: 'PATCH',
    route: '/api/v1/products/{id}',
    url: (w) => `/api/v1/products/${w.product}`,
    body: () => ({ category: 'Matrix' }),
    expected: writeObject(200),
  },
  {
    method: 'POST',
    route: '/api/v1/products/{id}/images',
    url: (w) => `/api/v1/products/${w.product}/images`,
    expected: writeObject(400),
  },
  {
    method: 'DELETE',
    route: '/api/v1/products/{id}/images/{imageId}',
    url: (w) => `/api/v1/products/${w.product}/images/00000000-0000-4000-8000-000000000000`,
    expected: writeObject(404),
  },
  { method: 'GET', route: '/api/v1/files/{id}', url: (w) => `/api/v1/files/${w.file}`, expected: readObject },
  { method: 'GET', route: '/api/v1/brands', url: () => '/api/v1/brands', expected: listing },
  {
    method: 'POST',
    route: '/api/v1/brands',
    url: () => '/api/v1/brands',
    body: () => ({ name: `Matrix ${Math.random()}` }),
    expected: rhOnly(201),
  },
  { method: 'GET', route: '/api/v1/brands/{id}', url: (w) => `/api/v1/brands/${w.brand}`, expected: readObject },
  {
    method: 'PATCH',
    route: '/api/v1/brands/{id}',
    url: (w) => `/api/v1/brands/${w.brand}`,
    body: () => ({ description: 'Matrix' }),
    expected: writeObject(200),
  },
  {
    method: 'DELETE',
    route: '/api/v1/brands/{id}',
    url: (w) => `/api/v1/brands/${w.brand}`,
    expected: writeObject(409),
  },
  { method: 'GET', route: '/api/v1/contacts', url: () => '/api/v1/contacts', expected: listing },
  {
    method: 'POST',
    route: '/api/v1/contacts',
    url: () => '/api/v1/contacts',
    body: () => ({ name: 'Matrix desk' }),
    expected: rhOnly(201),
  },
  {
    method: 'PATCH',
    route: '/api/v1/contacts/{id}',
    url: (w) => `/api/v1/contacts/${w.contact}`,
    body: () => ({ role: 'Matrix' }),
    expected: writeObject(200),
  },
  {
    method: 'GET',
    route: '/api/v1/applications-for-action',
    url: () => '/api/v1/applications-for-action',
    expected: listing,
  },
  {
    method: 'POST',
    route: '/api/v1/applications-for-action',
    url: () => '/api/v1/applications-for-action',
    body: () => ({ country: 'ES', reference: 'M', validFrom: '2024-01-01', validUntil: '2030-01-01' }),
    expected: rhOnly(201),
  },
  {
    method: 'PATCH',
    route: '/api/v1/applications-for-action/{id}',
    url: (w) => `/api/v1/applications-for-action/${w.application}`,
    body: () => ({ reference: 'M2' }),
    expected: writeObject(200),
  },
  { method: 'GET', route: '/api/v1/alerts', url: () => '/api/v1/alerts', expected: listing },
  { method: 'GET', route: '/api/v1/alerts/{id}', url: (w) => `/api/v1/alerts/${w.alert}`, expected: readObject },
  {
    method: 'POST',
    route: '/api/v1/alerts',
    url: () => '/api/v1/alerts',
    body: (w) => alertOf(w.product),
    // Linking another right holder's product: as if it did not exist.
    expected: (r, o) => (isRH(r) ? (o === 'own' ? 201 : 404) : 403),
  },
  {
    method: 'PATCH',
    route: '/api/v1/alerts/{id}',
    url: (w) => `/api/v1/alerts/${w.alert}`,
    body: () => ({ route: 'By air' }),
    expected: writeObject(200),
  },
  // Alert pictures: written by the alert's right holder, read by whoever reads the alert.
  {
    method: 'POST',
    route: '/api/v1/alerts/{id}/images',
    url: (w) => `/api/v1/alerts/${w.alert}/images`,
    expected: writeObject(400),
  },
  {
    method: 'DELETE',
    route: '/api/v1/alerts/{id}/images/{imageId}',
    url: (w) => `/api/v1/alerts/${w.alert}/images/00000000-0000-4000-8000-000000000000`,
    expected: writeObject(404),
  },
  {
    method: 'GET',
    route: '/api/v1/alerts/{id}/images/{imageId}',
    url: (w) => `/api/v1/alerts/${w.alert}/images/${w.alertImage}`,
    expected: readObject,
  },
  {
    method: 'GET',
    route: '/api/v1/alerts/{id}/images/{imageId}/thumbnail',
    url: (w) => `/api/v1/alerts/${w.alert}/images/${w.alertImage}/thumbnail`,
    expected: readObject,
  },
  {
    method: 'POST',
    route: '/api/v1/identify',
    url: () => '/api/v1/identify',
    body: () => ({ input: 'watch' }),
    expected: listing,
  },
  {
    method: 'POST',
    route: '/api/v1/imports',
    url: () => '/api/v1/imports',
    body: () => ({}),
    expected: (r) => (isRH(r) ? 415 : 403),
  },
];

/** A right holder's world: a brand, a published and a draft product, a contact, an application, a photo, an alert with a picture. */
export async function buildWorld(t: TestApp, owner: Session): Promise<World> {
  const brand = await t.factories.brand(owner);
  const product = await t.factories.product(owner, { brandId: brand.id });
  const draft = await t.factories.product(owner, { brandId: brand.id, status: 'draft' });
  const contact = (await owner.request('POST', '/api/v1/contacts', { name: 'Desk', country: 'FR' })).json().id;
  const application = (
    await owner.request('POST', '/api/v1/applications-for-action', {
      country: 'FR',
      reference: 'R-1',
      validFrom: '2020-01-01',
      validUntil: '2099-01-01',
    })
  ).json().id;
  const upload = await uploadImage(owner, product.id);
  const alert = (await owner.request('POST', '/api/v1/alerts', alertOf(product.id))).json().id;
  const alertImage = (await uploadAlertImage(owner, alert)).id;
  return {
    brand: brand.id,
    product: product.id,
    draft: draft.id,
    contact,
    application,
    image: upload.id,
    file: upload.url.split('/').pop(),
    alert,
    alertImage,
    caseDraft: '',
    caseSubmitted: '',
    caseAnswered: '',
    caseDecided: '',
  };
}

function uploadImage(session: Session, productId: string) {
  const { payload, headers } = multipart(pngBytes, 'a.png', 'image/png');
  return session.request('POST', `/api/v1/products/${productId}/images`, payload, headers).then((r) => r.json());
}

function uploadAlertImage(session: Session, alertId: string) {
  const { payload, headers } = multipart(pngBytes, 'a.png', 'image/png');
  return session.request('POST', `/api/v1/alerts/${alertId}/images`, payload, headers).then((r) => r.json());
}
