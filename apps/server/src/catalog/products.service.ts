import { identify } from '@verity/codes';
import type { IdentifierInput, Language, ProductInput, ProductSearchResult, ProductSheet } from '@verity/contract';
import type { Db } from '../platform/db';
import { AppError } from '../platform/errors';
import { decodeCursor, encodeCursor } from '../platform/pagination';
import { searchCursor } from '../platform/cursors';
import { isUniqueViolation } from '../platform/pg-errors';
import { authorize, authorizeOn, can, covers, type Actor, type DataScope } from '../platform/policy';
import type { IdentifierCache } from './identifier-cache';
import type { CandidateRow } from './search.queries';
import * as q from './catalog.queries';
import { productAsOwned } from './catalog.scope';
import * as search from './search.queries';
import { fileUrl, presentSummary } from './products.present';
import type { productIdentifiers } from './catalog.tables';

type IdentifierRow = Omit<typeof productIdentifiers.$inferInsert, 'productId' | 'organisationId'>;

/** Validates identifiers with the codes library and stores GTINs as GTIN-14. */
export function normaliseIdentifiers(inputs: IdentifierInput[]): IdentifierRow[] {
  const seen = new Set<string>();
  const rows: IdentifierRow[] = [];
  inputs.forEach((input, index) => {
    let row: IdentifierRow;
    if (input.kind === 'gtin') {
      const parsed = identify(input.value);
      if (parsed.kind !== 'gtin' || !parsed.valid || !parsed.gtin) {
        const reason = parsed.error?.message ?? 'not a GTIN-8, -12, -13 or -14';
        throw new AppError('IDENTIFIER_INVALID', { index, value: input.value, reason, code: parsed.error?.code });
      }
      row = { kind: 'gtin', value: parsed.gtin, packagingLevel: input.packagingLevel, description: null };
    } else if (input.kind === 'proprietary') {
      try {
        new RegExp(input.value);
      } catch {
        throw new AppError('IDENTIFIER_PATTERN_INVALID', { index, value: input.value });
      }
      row = { kind: 'proprietary', value: input.value, packagingLevel: null, description: input.description };
    } else {
      row = { kind: 'imei_tac', value: input.value, packagingLevel: null, description: null };
    }
    const key = `${row.kind}:${row.value}`;
    if (!seen.has(key)) rows.push(row);
    seen.add(key);
  });
  return rows;
}

/**
 * Searches count (and facet) at most this many matches; when there are more, results come
 * in a stable arbitrary order instead of ranked, since ranking reads every match.
 */
export const COUNT_AT_MOST = 1000;
/** Similar-name matches (typos) considered at most: checking each costs a similarity computation. */
export const SIMILAR_AT_MOST = 200;

/** Lower case without accents, as `products.search_names` is stored: "Ámbar" → "ambar". */
export function foldForSearch(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .normalize('NFC');
}

/** Turns free text into a prefix tsquery (`rol:* & wat:*`); empty when nothing searchable. */
export function toPrefixTsquery(text: string): string {
  const words = foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
  return words.map((w) => `${w}:*`).join(' & ');
}

export interface ProductsDeps {
  db: Db;
  /** Call after a committed write: clears identify's cache everywhere. */
  changed: () => void;
  identifiers: IdentifierCache<CandidateRow[]>;
}

export function createProductsService({ db, changed, identifiers }: ProductsDeps) {
  async function checkWritable(
    tx: Db,
    actor: Actor,
    input: Pick<ProductInput, 'brandId' | 'name' | 'defaultLanguage'>,
  ) {
    const brand = await q.findBrandById(tx, input.brandId);
    // Another organisation's brand looks like no brand at all.
    if (!brand || brand.brand.organisationId !== actor.organisationId)
      throw new AppError('BRAND_NOT_FOUND', { brandId: input.brandId });
    if (!input.name[input.defaultLanguage]) {
      throw new AppError('PRODUCT_DEFAULT_LANGUAGE_MISSING', { defaultLanguage: input.defaultLanguage });
    }
  }

  async function checkIdentifiers(tx: Db, rows: IdentifierRow[], productId: string | undefined) {
    const gtins = rows.filter((r) => r.kind === 'gtin').map((r) => r.value);
    const taken = (await q.findGtinOwners(tx, gtins)).find((o) => o.productId !== productId);
    if (taken) throw new AppError('IDENTIFIER_TAKEN', { value: taken.value });
    for (const row of rows) {
      if (row.kind === 'proprietary' && !(await q.isValidPostgresRegex(tx, row.value))) {
        throw new AppError('IDENTIFIER_PATTERN_INVALID', { value: row.value });
      }
    }
  }

  async function checkFeatureImages(tx: Db, input: ProductInput, productId: string | undefined) {
    const wanted = input.features.flatMap((f) => f.imageIds);
    if (wanted.length === 0) return;
    const existing = new Set(productId ? (await q.listImagesOfProduct(tx, productId)).map((i) => i.id) : []);
    const missing = wanted.find((id) => !existing.has(id));
    if (missing) throw new AppError('IMAGE_NOT_FOUND', { imageId: missing });
  }

  /** Writes a whole product (create, or replace when `productId` is given) in one transaction. */
  async function writeProduct(actor: Actor, input: ProductInput, productId?: string): Promise<string> {
    const identifierRows = normaliseIdentifiers(input.identifiers);
    try {
      const written = await db.transaction(async (tx) => {
        await checkWritable(tx, actor, input);
        await checkIdentifiers(tx, identifierRows, productId);
        await checkFeatureImages(tx, input, productId);
        const columns = {
          brandId: input.brandId,
          reference: input.reference,
          status: input.status,
          defaultLanguage: input.defaultLanguage,
          name: input.name,
          description: input.description,
          instructions: input.instructions,
          category: input.category,
          hsCode: input.hsCode,
          features: input.features,
          supplyChain: input.supplyChain,
        };
        let id = productId;
        if (id) await q.updateProduct(tx, id, columns);
        else id = (await q.insertProduct(tx, { ...columns, organisationId: actor.organisationId })).id;
        await q.replaceIdentifiers(tx, id, actor.organisationId, identifierRows);
        await q.refreshSearchText(tx, { productId: id });
        return id;
      });
      changed();
      return written;
    } catch (error) {
      if (isUniqueViolation(error, 'products_org_reference_key'))
        throw new AppError('PRODUCT_REFERENCE_TAKEN', { reference: input.reference });
      if (isUniqueViolation(error, 'product_identifiers_gtin_key')) throw new AppError('IDENTIFIER_TAKEN');
      throw error;
    }
  }

  async function loadForWrite(actor: Actor, id: string) {
    const product = await q.findProductById(db, id);
    authorizeOn(actor, 'catalog.write', productAsOwned(product), 'PRODUCT_NOT_FOUND');
    return product!;
  }

  async function currentInput(id: string): Promise<ProductInput> {
    const product = (await q.findProductById(db, id))!;
    const identifiers = await q.listIdentifiersOfProduct(db, id);
    return {
      brandId: product.brandId,
      reference: product.reference,
      status: product.status,
      defaultLanguage: product.defaultLanguage,
      name: product.name,
      description: product.description,
      instructions: product.instructions,
      category: product.category,
      hsCode: product.hsCode,
      features: product.features,
      supplyChain: product.supplyChain,
      identifiers: identifiers.map((i): IdentifierInput => {
        if (i.kind === 'gtin') return { kind: 'gtin', value: i.value, packagingLevel: i.packagingLevel ?? 'each' };
        if (i.kind === 'proprietary') return { kind: 'proprietary', value: i.value, description: i.description };
        return { kind: 'imei_tac', value: i.value };
      }),
    };
  }

  async function createProduct(actor: Actor, input: ProductInput) {
    authorize(actor, 'catalog.write');
    const id = await writeProduct(actor, input);
    return readProductSheet(actor, id);
  }

  /** PATCH: fields given replace the current ones (arrays are replaced whole). */
  async function updateProduct(actor: Actor, id: string, patch: Partial<ProductInput>) {
    await loadForWrite(actor, id);
    const merged = { ...(await currentInput(id)), ...stripUndefined(patch) };
    await writeProduct(actor, merged, id);
    return readProductSheet(actor, id);
  }

  async function deleteProduct(actor: Actor, id: string) {
    await loadForWrite(actor, id);
    await q.deleteProduct(db, id);
    changed();
  }

  /** For imports: create, or replace the product with the same reference in the actor's organisation. */
  async function saveProductByReference(actor: Actor, input: ProductInput): Promise<'created' | 'updated'> {
    authorize(actor, 'catalog.write');
    const existing = input.reference
      ? await q.findProductByReference(db, actor.organisationId, input.reference)
      : undefined;
    await writeProduct(actor, input, existing?.id);
    return existing ? 'updated' : 'created';
  }

  async function readProductSheet(actor: Actor, id: string): Promise<ProductSheet> {
    const product = await q.findProductById(db, id);
    const owned = productAsOwned(product);
    authorizeOn(actor, 'catalog.read', owned, 'PRODUCT_NOT_FOUND');
    const p = product!;
    const [brand, organisationName, identifiers, images, contacts, applications] = await Promise.all([
      q.findBrandById(db, p.brandId),
      q.findOrganisationName(db, p.organisationId),
      q.listIdentifiersOfProduct(db, id),
      q.listImagesOfProduct(db, id),
      q.listContactsOfOrganisation(db, p.organisationId, p.brandId),
      q.listApplicationsOfOrganisation(db, p.organisationId, p.brandId),
    ]);
    const today = new Date().toISOString().slice(0, 10);
    const country = actor.country;
    const presentedApplications = applications.map((a) => ({
      id: a.id,
      organisationId: a.organisationId,
      brandId: a.brandId,
      country: a.country,
      reference: a.reference,
      validFrom: a.validFrom,
      validUntil: a.validUntil,
      inForce: a.validFrom <= today && today <= a.validUntil,
    }));
    // The caller's country first, then contacts for every country, then the rest.
    const rank = (c: string | null) => (c && c === country ? 0 : c === null ? 1 : 2);
    const sortedContacts = [...contacts].sort((a, b) => rank(a.country) - rank(b.country));
    return {
      id: p.id,
      organisation: { id: p.organisationId, name: organisationName ?? '' },
      brand: { id: p.brandId, name: brand?.brand.name ?? '', trademarks: brand?.brand.trademarks ?? [] },
      reference: p.reference,
      status: p.status,
      defaultLanguage: p.defaultLanguage,
      name: p.name,
      description: p.description,
      instructions: p.instructions,
      category: p.category,
      hsCode: p.hsCode,
      identifiers: identifiers.map((i) => ({
        kind: i.kind,
        value: i.value,
        packagingLevel: i.packagingLevel,
        description: i.description,
      })),
      features: p.features,
      supplyChain: p.supplyChain,
      images: images.map((i) => ({
        id: i.id,
        url: fileUrl(i.fileId),
        thumbnailUrl: fileUrl(i.thumbnailFileId),
        width: i.width,
        height: i.height,
        contentType: i.contentType,
      })),
      contacts: sortedContacts.map((c) => ({ ...c, createdAt: undefined })),
      applications: presentedApplications,
      applicationInForce: presentedApplications.some((a) => a.inForce && a.country === country),
      can: { update: can(actor, 'catalog.write', owned!), delete: can(actor, 'catalog.write', owned!) },
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    };
  }

  async function searchProducts(
    actor: Actor,
    query: {
      q?: string | undefined;
      brand?: string | undefined;
      category?: string | undefined;
      status?: 'draft' | 'published' | undefined;
      lang?: Language | undefined;
      cursor?: string | undefined;
      limit: number;
    },
  ): Promise<ProductSearchResult> {
    const scope = authorize(actor, 'catalog.read');
    const q = query.q?.trim() ?? '';
    const cursor = decodeCursor(query.cursor, searchCursor);
    const tsquery = toPrefixTsquery(q);
    const filtersFor = (match: search.MatchMode) => ({
      text: q ? { tsquery, raw: foldForSearch(q), match } : undefined,
      brandId: query.brand,
      category: query.category,
      status: query.status,
    });
    // Words first; when no product has them all, similar names (typos). A next page keeps
    // the way its first page matched and ordered, as its cursor says.
    return search.withIndexPlans(db, async (tx) => {
      let match: search.MatchMode = cursor?.[1] ?? (tsquery ? 'words' : 'similar');
      const cap = (m: search.MatchMode) => (m === 'similar' ? SIMILAR_AT_MOST : COUNT_AT_MOST);
      let facets = await search.countSearchFacets(tx, scope, filtersFor(match), cap(match));
      if (!cursor && q && match === 'words' && facets.total === 0) {
        match = 'similar';
        facets = await search.countSearchFacets(tx, scope, filtersFor(match), cap(match));
      }
      // Rank when every match can be ranked cheaply, and always for similar names (the
      // closest first); beyond that, a stable arbitrary order.
      const order: search.OrderMode =
        cursor?.[0] ?? (!q ? 'name' : match === 'similar' || facets.total < COUNT_AT_MOST ? 'rank' : 'id');
      const after = cursor && ([cursor[2], cursor[3]] as [string | number, string]);
      const rows = await search.searchProducts(tx, scope, actor.country, filtersFor(match), {
        order,
        candidates: facets.ids,
        after,
        limit: query.limit,
      });
      const items = rows.slice(0, query.limit);
      const last = items[items.length - 1];
      return {
        items: items.map((r) => presentSummary(r, query.lang ?? actor.locale ?? undefined)),
        nextCursor:
          rows.length > query.limit && last ? encodeCursor([order, match, last.sort_key ?? '', last.id]) : null,
        total: facets.total,
        totalIsExact: facets.total < cap(match),
        facets: { brand: facets.brands, category: facets.categories },
      };
    });
  }

  /** Identifier lookups through the cache, narrowed to what this actor may see. */
  async function byIdentifier(
    actor: Actor,
    scope: DataScope,
    kind: 'gtin' | 'imei_tac',
    value: string,
  ): Promise<search.SummaryRow[]> {
    const candidates = await identifiers.get(`${kind}:${value}`);
    const today = new Date().toISOString().slice(0, 10);
    return candidates
      .filter((c) => covers(scope, { organisationId: c.organisation_id, published: c.status === 'published' }))
      .map(({ applications, ...c }) => ({
        ...c,
        sort_key: null,
        // In force today, in the caller's country, for all the right holder's brands or this one.
        application_in_force: applications.some(
          (a) =>
            a.country === actor.country &&
            (a.brand_id === null || a.brand_id === c.brand_id) &&
            a.valid_from <= today &&
            today <= a.valid_until,
        ),
      }));
  }

  /** Identify's lookups: exact identifiers first, then proprietary patterns, then text. */
  function lookups(actor: Actor) {
    const scope: DataScope = authorize(actor, 'catalog.read');
    return {
      byGtin: (gtin14: string) => byIdentifier(actor, scope, 'gtin', gtin14),
      byTac: (tac: string) => byIdentifier(actor, scope, 'imei_tac', tac),
      byProprietaryCode: (code: string) => search.findProductsByProprietaryCode(db, scope, actor.country, code),
    };
  }

  return {
    createProduct,
    updateProduct,
    deleteProduct,
    saveProductByReference,
    readProductSheet,
    searchProducts,
    lookups,
  };
}
export type ProductsService = ReturnType<typeof createProductsService>;

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
