import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { jpegWithExif, multipart, pngBytes } from '../../test/images';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('brands', () => {
  it('a right holder creates, reads, renames and deletes a brand with its trademarks', async () => {
    const rh = await t.factories.user('right_holder_editor');
    const created = await rh.request('POST', '/api/v1/brands', {
      name: 'Stellar',
      trademarks: [
        { office: 'EUIPO', registrationNumber: '0123', niceClasses: [14], countries: ['FR'], validUntil: '2030-01-01' },
      ],
    });
    expect(created.statusCode).toBe(201);
    const brand = created.json();
    expect(brand).toMatchObject({ name: 'Stellar', organisationId: rh.organisationId, productCount: 0 });
    expect(brand.trademarks[0].registrationNumber).toBe('0123');
    const renamed = await rh.request('PATCH', `/api/v1/brands/${brand.id}`, { name: 'Stellar Paris' });
    expect(renamed.json().name).toBe('Stellar Paris');
    expect(renamed.json().trademarks).toHaveLength(1); // PATCH keeps what was not sent
    expect((await rh.request('DELETE', `/api/v1/brands/${brand.id}`)).statusCode).toBe(200);
    expect((await rh.request('GET', `/api/v1/brands/${brand.id}`)).statusCode).toBe(404);
  });

  it('refuses a second brand of the same name in one organisation (409), and allows it in another', async () => {
    const rh = await t.factories.user('right_holder_admin');
    await t.factories.brand(rh, 'Twin');
    const again = await rh.request('POST', '/api/v1/brands', { name: 'twin' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('BRAND_NAME_TAKEN');
    const other = await t.factories.user('right_holder_admin');
    expect((await other.request('POST', '/api/v1/brands', { name: 'Twin' })).statusCode).toBe(201);
  });

  it('refuses to delete a brand that still has products', async () => {
    const rh = await t.factories.user('right_holder_admin');
    const product = await t.factories.product(rh);
    const response = await rh.request('DELETE', `/api/v1/brands/${product.brand.id}`);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('BRAND_HAS_PRODUCTS');
  });

  it('renaming a brand makes its products findable by the new name', async () => {
    const rh = await t.factories.user('right_holder_admin');
    const product = await t.factories.product(rh, { name: { en: 'Quartz tester' } });
    await rh.request('PATCH', `/api/v1/brands/${product.brand.id}`, { name: 'Zephyrion' });
    const found = await rh.request('GET', '/api/v1/products?q=zephyrion');
    expect(found.json().items.map((i: { id: string }) => i.id)).toContain(product.id);
  });
});

describe('products', () => {
  it('stores every GTIN as GTIN-14 and returns the full sheet', async () => {
    const rh = await t.factories.user('right_holder_admin');
    const brand = await t.factories.brand(rh);
    const gtin13 = t.factories.gtin();
    const response = await rh.request('POST', '/api/v1/products', {
      brandId: brand.id,
      reference: 'SKU-1',
      defaultLanguage: 'fr',
      name: { fr: 'Montre', en: 'Watch' },
      description: { fr: 'Acier' },
      instructions: { en: 'Check the engraving' },
      category: 'Watches',
      hsCode: '910221',
      identifiers: [
        { kind: 'gtin', value: gtin13, packagingLevel: 'each' },
        { kind: 'imei_tac', value: '35209900' },
        { kind: 'proprietary', value: '^MT-[0-9]{4}$', description: 'Case back' },
      ],
      features: [{ kind: 'genuine', title: { en: 'Engraved logo' } }],
    });
    expect(response.statusCode).toBe(201);
    const sheet = response.json();
    expect(sheet.identifiers).toContainEqual({
      kind: 'gtin',
      value: '0' + gtin13,
      packagingLevel: 'each',
      description: null,
    });
    expect(sheet).toMatchObject({
      reference: 'SKU-1',
      defaultLanguage: 'fr',
      category: 'Watches',
      hsCode: '910221',
      status: 'published',
      can: { update: true, delete: true },
    });
    expect(sheet.features[0]).toMatchObject({
      kind: 'genuine',
      title: { en: 'Engraved logo' },
      description: {},
      imageIds: [],
    });
  });

  it('refuses an invalid GTIN with 422 and the reason, and writes nothing', async () => {
    const rh = await t.factories.user('right_holder_admin');
    const brand = await t.factories.brand(rh);
    const response = await rh.request('POST', '/api/v1/products', {
      brandId: brand.id,
      name: { en: 'Bad code' },
      identifiers: [{ kind: 'gtin', value: '4006381333932' }],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('IDENTIFIER_INVALID');
    expect(response.json().error.details.index).toBe(0);
    const list = await rh.request('GET', '/api/v1/products');
    expect(list.json().total).toBe(0);
  });

  it('refuses a GTIN that already belongs to another product (409), even another right holder’s', async () => {
    const a = await t.factories.user('right_holder_admin');
    const b = await t.factories.user('right_holder_admin');
    const first = await t.factories.product(a);
    const gtin = first.identifiers[0]!.value;
    const brand = await t.factories.brand(b);
    const response = await b.request('POST', '/api/v1/products', {
      brandId: brand.id,
      name: { en: 'Copy' },
      identifiers: [{ kind: 'gtin', value: gtin.slice(1) }],
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('IDENTIFIER_TAKEN');
  });

  it('refuses a product without a name in its default language, a bad HS code, an invalid pattern', async () => {
    const rh = await t.factories.user('right_holder_admin');
    const brand = await t.factories.brand(rh);
    const noName = await rh.request('POST', '/api/v1/products', {
      brandId: brand.id,
      defaultLanguage: 'es',
      name: { en: 'Only English' },
    });
    expect(noName.statusCode).toBe(422);
    expect(noName.json().error.code).toBe('PRODUCT_DEFAULT_LANGUAGE_MISSING');
    const hs = await rh.request('POST', '/api/v1/products', { brandId: brand.id, name: { en: 'X' }, hsCode: '12a' });
    expect(hs.statusCode).toBe(400);
    const pattern = await rh.request('POST', '/api/v1/products', {
      brandId: brand.id,
      name: { en: 'X' },
      identifiers: [{ kind: 'proprietary', value: '([a-z' }],
    });
    expect(pattern.statusCode).toBe(422);
    expect(pattern.json().error.code).toBe('IDENTIFIER_PATTERN_INVALID');
  });

  it('refuses a product on another right holder’s brand as if the brand did not exist', async () => {
    const a = await t.factories.user('right_holder_admin');
    const b = await t.factories.user('right_holder_admin');
    const brandOfA = await t.factories.brand(a);
    const response = await b.request('POST', '/api/v1/products', { brandId: brandOfA.id, name: { en: 'Hijack' } });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('BRAND_NOT_FOUND');
  });

  it('PATCH changes only what is sent; arrays sent replace the old ones', async () => {
    const rh = await t.factories.user('right_holder_admin');
    const product = await t.factories.product(rh, { category: 'Toys', description: { en: 'Plush bear' } });
    const gtin = t.factories.gtin();
    const patched = await rh.request('PATCH', `/api/v1/products/${product.id}`, {
      identifiers: [{ kind: 'gtin', value: gtin, packagingLevel: 'case' }],
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ category: 'Toys', description: { en: 'Plush bear' } });
    expect(patched.json().identifiers).toEqual([
      { kind: 'gtin', value: '0' + gtin, packagingLevel: 'case', description: null },
    ]);
  });

  it('keeps the legitimate supply chain (made in, markets, notes) and refuses a country that is not a code', async () => {
    const rh = await t.factories.user('right_holder_admin');
    const product = await t.factories.product(rh);
    const created = await rh.request('GET', `/api/v1/products/${product.id}`);
    expect(created.json().supplyChain).toEqual({ manufacturedIn: [], markets: [], notes: {} });
    const supplyChain = { manufacturedIn: ['IT'], markets: ['FR', 'DE'], notes: { en: 'Only via Milan' } };
    const patched = await rh.request('PATCH', `/api/v1/products/${product.id}`, { supplyChain });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().supplyChain).toEqual(supplyChain);
    const bad = await rh.request('PATCH', `/api/v1/products/${product.id}`, {
      supplyChain: { manufacturedIn: ['Italy'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const unchanged = await rh.request('GET', `/api/v1/products/${product.id}`);
    expect(unchanged.json().supplyChain).toEqual(supplyChain);
  });

  it('officers do not see drafts; right holders see their own', async () => {
    const rh = await t.factories.user('right_holder_admin');
    const officer = await t.factories.user('officer');
    const draft = await t.factories.product(rh, { status: 'draft' });
    expect((await officer.request('GET', `/api/v1/products/${draft.id}`)).statusCode).toBe(404);
    expect((await rh.request('GET', `/api/v1/products/${draft.id}`)).statusCode).toBe(200);
    const gtin = draft.identifiers[0]!.value;
    const identified = await officer.request('POST', '/api/v1/identify', { input: gtin });
    expect(identified.json().products).toEqual([]);
  });

  it("lists contacts for the officer's country first, then global ones, and says whether an application for action is in force there", async () => {
    const rh = await t.factories.user('right_holder_admin');
    const product = await t.factories.product(rh);
    await rh.request('POST', '/api/v1/contacts', { name: 'Germany desk', country: 'DE' });
    await rh.request('POST', '/api/v1/contacts', { name: 'Global desk' });
    await rh.request('POST', '/api/v1/contacts', { name: 'France desk', country: 'FR', phone: '+33 1 00 00 00 00' });
    await rh.request('POST', '/api/v1/applications-for-action', {
      country: 'FR',
      reference: 'FR-1',
      validFrom: '2020-01-01',
      validUntil: '2099-12-31',
    });
    await rh.request('POST', '/api/v1/applications-for-action', {
      country: 'ES',
      reference: 'ES-old',
      validFrom: '2010-01-01',
      validUntil: '2011-12-31',
    });
    const french = await t.factories.user('officer'); // customs of FR
    const sheet = (await french.request('GET', `/api/v1/products/${product.id}`)).json();
    expect(sheet.contacts.map((c: { name: string }) => c.name)).toEqual(['France desk', 'Global desk', 'Germany desk']);
    expect(sheet.applicationInForce).toBe(true);
    expect(sheet.can).toEqual({ update: false, delete: false });
    const esOrg = await t.factories.organisation('customs', 'ES');
    const spanish = await t.factories.user('officer', esOrg.id);
    const esSheet = (await spanish.request('GET', `/api/v1/products/${product.id}`)).json();
    expect(esSheet.applicationInForce).toBe(false);
    expect(esSheet.applications.find((a: { reference: string }) => a.reference === 'ES-old').inForce).toBe(false);
  });

  it('refuses an application for action that ends before it starts', async () => {
    const rh = await t.factories.user('right_holder_admin');
    const response = await rh.request('POST', '/api/v1/applications-for-action', {
      country: 'FR',
      reference: 'X',
      validFrom: '2025-01-02',
      validUntil: '2025-01-01',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('APPLICATION_DATES_INVALID');
  });
});

describe('images', () => {
  it('stores an upload re-encoded without its metadata, with a thumbnail, served to readers only', async () => {
    const rh = await t.factories.user('right_holder_admin');
    const product = await t.factories.product(rh);
    const { payload, headers } = multipart(jpegWithExif, 'photo.jpg', 'image/jpeg');
    const response = await rh.request('POST', `/api/v1/products/${product.id}/images`, payload, headers);
    expect(response.statusCode).toBe(201);
    const image = response.json();
    expect(image).toMatchObject({ width: 800, height: 600, contentType: 'image/jpeg' });

    const officer = await t.factories.user('officer');
    const file = await officer.request('GET', image.url);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(file.rawPayload).metadata();
    expect(meta.exif).toBeUndefined();
    expect(file.rawPayload.includes(Buffer.from('SecretCam'))).toBe(false);
    const thumb = await officer.request('GET', image.thumbnailUrl);
    expect((await sharp(thumb.rawPayload).metadata()).width).toBe(320);

    const sheet = (await officer.request('GET', `/api/v1/products/${product.id}`)).json();
    expect(sheet.images).toHaveLength(1);
    const search = (await officer.request('POST', '/api/v1/identify', { input: product.identifiers[0]!.value })).json();
    expect(search.products[0].thumbnailUrl).toBe(image.thumbnailUrl);

    const stranger = await t.factories.user('right_holder_admin');
    expect((await stranger.request('GET', image.url)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: image.url })).statusCode).toBe(401);
  });

  it('refuses a file that is not an image, whatever its name and declared type', async () => {
    const rh = await t.factories.user('right_holder_admin');
    const product = await t.factories.product(rh);
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const { payload, headers } = multipart(html, 'cat.png', 'image/png');
    const response = await rh.request('POST', `/api/v1/products/${product.id}/images`, payload, headers);
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('IMAGE_TYPE_NOT_ALLOWED');
    const sheet = (await rh.request('GET', `/api/v1/products/${product.id}`)).json();
    expect(sheet.images).toHaveLength(0);
  });

  it('refuses an image over the size limit with 413', async () => {
    const small = await createTestApp({ maxImageBytes: 2048 });
    try {
      const rh = await small.factories.user('right_holder_admin');
      const product = await small.factories.product(rh);
      const { payload, headers } = multipart(jpegWithExif, 'big.jpg', 'image/jpeg');
      const response = await rh.request('POST', `/api/v1/products/${product.id}/images`, payload, headers);
      expect(response.statusCode).toBe(413);
      expect(response.json().error.code).toBe('IMAGE_TOO_LARGE');
    } finally {
      await small.close();
    }
  });

  it('refuses a request without a file part', async () => {
    const rh = await t.factories.user('right_holder_admin');
    const product = await t.factories.product(rh);
    const response = await rh.request('POST', `/api/v1/products/${product.id}/images`, { not: 'a file' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('IMAGE_FILE_REQUIRED');
  });

  it('features can show the product’s images; deleting an image removes it from them', async () => {
    const rh = await t.factories.user('right_holder_admin');
    const product = await t.factories.product(rh);
    const { payload, headers } = multipart(pngBytes, 'a.png', 'image/png');
    const image = (await rh.request('POST', `/api/v1/products/${product.id}/images`, payload, headers)).json();
    const withFeature = await rh.request('PATCH', `/api/v1/products/${product.id}`, {
      features: [{ kind: 'counterfeit', title: { en: 'Blurred print' }, imageIds: [image.id] }],
    });
    expect(withFeature.json().features[0].imageIds).toEqual([image.id]);
    const foreignImage = await rh.request('PATCH', `/api/v1/products/${product.id}`, {
      features: [{ kind: 'genuine', title: { en: 'X' }, imageIds: ['00000000-0000-4000-8000-000000000000'] }],
    });
    expect(foreignImage.statusCode).toBe(404);
    expect((await rh.request('DELETE', `/api/v1/products/${product.id}/images/${image.id}`)).statusCode).toBe(200);
    const after = (await rh.request('GET', `/api/v1/products/${product.id}`)).json();
    expect(after.images).toEqual([]);
    expect(after.features[0].imageIds).toEqual([]);
  });
});
