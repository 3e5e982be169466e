import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BrandInputSchema,
  BrandListSchema,
  BrandPatchSchema,
  BrandSchema,
  DeletedSchema,
  IdParamsSchema,
  PageQuerySchema,
} from '@verity/contract';
import { actorOf } from '../platform/auth';
import { readErrors, writeErrors } from '../platform/http';
import type { BrandsService } from './brands.service';

export const brandsRoutes =
  (brands: BrandsService): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { access: 'signed-in' as const };
    const tags = ['brands'];
    app.get(
      '/api/v1/brands',
      {
        config,
        schema: {
          tags,
          summary: 'Brands you may read (right holders: their own)',
          querystring: PageQuerySchema,
          response: { 200: BrandListSchema, ...readErrors },
        },
      },
      async (request) => brands.listBrands(actorOf(request), request.query),
    );
    app.post(
      '/api/v1/brands',
      {
        config,
        schema: {
          tags,
          summary: 'Create a brand with its trademark registrations (right holder)',
          body: BrandInputSchema,
          response: { 201: BrandSchema, ...writeErrors },
        },
      },
      async (request, reply) => reply.status(201).send(await brands.createBrand(actorOf(request), request.body)),
    );
    app.get(
      '/api/v1/brands/:id',
      {
        config,
        schema: { tags, summary: 'One brand', params: IdParamsSchema, response: { 200: BrandSchema, ...readErrors } },
      },
      async (request) => brands.readBrand(actorOf(request), request.params.id),
    );
    app.patch(
      '/api/v1/brands/:id',
      {
        config,
        schema: {
          tags,
          summary: 'Update a brand (right holder, own brands)',
          params: IdParamsSchema,
          body: BrandPatchSchema,
          response: { 200: BrandSchema, ...writeErrors },
        },
      },
      async (request) => brands.updateBrand(actorOf(request), request.params.id, request.body),
    );
    app.delete(
      '/api/v1/brands/:id',
      {
        config,
        schema: {
          tags,
          summary: 'Delete a brand that has no products (right holder, own brands)',
          params: IdParamsSchema,
          response: { 200: DeletedSchema, ...writeErrors },
        },
      },
      async (request) => {
        await brands.deleteBrand(actorOf(request), request.params.id);
        return { deleted: true as const };
      },
    );
  };
