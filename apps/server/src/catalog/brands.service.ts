import type { Brand } from '@verity/contract';
import type { Db } from '../platform/db';
import { AppError } from '../platform/errors';
import { decodeCursor, pageOf } from '../platform/pagination';
import { nameIdCursor } from '../platform/cursors';
import { isUniqueViolation, pgErrorOf } from '../platform/pg-errors';
import { authorize, authorizeOn, type Actor } from '../platform/policy';
import * as q from './catalog.queries';
import type { TrademarkData } from './catalog.tables';

interface BrandInput {
  name: string;
  description: string | null;
  trademarks: TrademarkData[];
}

type BrandRow = NonNullable<Awaited<ReturnType<typeof q.findBrandById>>>;

function present({ brand, productCount }: BrandRow): Brand {
  return {
    id: brand.id,
    organisationId: brand.organisationId,
    name: brand.name,
    description: brand.description,
    trademarks: brand.trademarks,
    productCount,
    createdAt: brand.createdAt.toISOString(),
    updatedAt: brand.updatedAt.toISOString(),
  };
}

// Brands carry no draft state: they are visible to every reader of the catalog.
const asOwned = (row: BrandRow | undefined) => row && { organisationId: row.brand.organisationId, published: true };

export function createBrandsService({ db, changed }: { db: Db; changed: () => void }) {
  async function listBrands(actor: Actor, page: { cursor?: string | undefined; limit: number }) {
    const scope = authorize(actor, 'catalog.read');
    const after = decodeCursor(page.cursor, nameIdCursor);
    const rows = await q.listBrands(db, scope, { after, limit: page.limit });
    const { items, nextCursor } = pageOf(rows, page.limit, (r) => [r.brand.name, r.brand.id]);
    return { items: items.map(present), nextCursor };
  }

  async function readBrand(actor: Actor, id: string) {
    const row = await q.findBrandById(db, id);
    authorizeOn(actor, 'catalog.read', asOwned(row), 'BRAND_NOT_FOUND');
    return present(row!);
  }

  async function createBrand(actor: Actor, input: BrandInput) {
    authorize(actor, 'catalog.write');
    try {
      const brand = await q.insertBrand(db, { ...input, organisationId: actor.organisationId });
      return readBrand(actor, brand.id);
    } catch (error) {
      if (isUniqueViolation(error, 'brands_org_name_key')) throw new AppError('BRAND_NAME_TAKEN', { name: input.name });
      throw error;
    }
  }

  /** For imports: the actor's brand of this name, created when missing. */
  async function ensureBrand(actor: Actor, name: string): Promise<string> {
    authorize(actor, 'catalog.write');
    const existing = await q.findBrandByName(db, actor.organisationId, name);
    if (existing) return existing.id;
    try {
      // Its own (sub)transaction: inside an import's batch, a failed insert must not abort the batch.
      return await db.transaction(
        async (tx) =>
          (await q.insertBrand(tx, { name, description: null, trademarks: [], organisationId: actor.organisationId }))
            .id,
      );
    } catch (error) {
      // Another import created it meanwhile.
      const raced = await q.findBrandByName(db, actor.organisationId, name);
      if (raced) return raced.id;
      throw error;
    }
  }

  async function updateBrand(actor: Actor, id: string, patch: Partial<BrandInput>) {
    const row = await q.findBrandById(db, id);
    authorizeOn(actor, 'catalog.write', asOwned(row), 'BRAND_NOT_FOUND');
    try {
      await db.transaction(async (tx) => {
        await q.updateBrand(tx, id, patch);
        if (patch.name !== undefined && patch.name !== row!.brand.name) await q.refreshSearchText(tx, { brandId: id });
      });
      changed();
    } catch (error) {
      if (isUniqueViolation(error, 'brands_org_name_key')) throw new AppError('BRAND_NAME_TAKEN', { name: patch.name });
      throw error;
    }
    return readBrand(actor, id);
  }

  async function deleteBrand(actor: Actor, id: string) {
    const row = await q.findBrandById(db, id);
    authorizeOn(actor, 'catalog.write', asOwned(row), 'BRAND_NOT_FOUND');
    if (row!.productCount > 0) throw new AppError('BRAND_HAS_PRODUCTS', { productCount: row!.productCount });
    try {
      await q.deleteBrand(db, id);
    } catch (error) {
      // A product was added meanwhile: the foreign key refuses, we explain.
      if (pgErrorOf(error)?.code === '23503') throw new AppError('BRAND_HAS_PRODUCTS');
      throw error;
    }
  }

  return { listBrands, readBrand, createBrand, ensureBrand, updateBrand, deleteBrand };
}
export type BrandsService = ReturnType<typeof createBrandsService>;
