import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DeletedSchema,
  IdParamsSchema,
  IdSchema,
  ImageSchema,
  ProductInputSchema,
  ProductPatchSchema,
  ProductSearchQuerySchema,
  ProductSearchResultSchema,
  ProductSheetSchema,
} from '@verity/contract';
import { actorOf } from '../platform/auth';
import { errorResponses, imageUploadOf, readErrors, writeErrors } from '../platform/http';
import type { ImagesService } from './images.service';
import type { ProductsService } from './products.service';

export const productsRoutes =
  (products: ProductsService, images: ImagesService): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { access: 'signed-in' as const };
    const tags = ['products'];

    app.get(
      '/api/v1/products',
      {
        config,
        schema: {
          tags,
          summary: 'Search products: full text, typo-tolerant, multilingual, with brand and category facets',
          querystring: ProductSearchQuerySchema,
          response: { 200: ProductSearchResultSchema, ...readErrors },
        },
      },
      async (request) => products.searchProducts(actorOf(request), request.query),
    );
    app.post(
      '/api/v1/products',
      {
        config,
        schema: {
          tags,
          summary: 'Create a product (right holder)',
          body: ProductInputSchema,
          response: { 201: ProductSheetSchema, ...writeErrors },
        },
      },
      async (request, reply) => reply.status(201).send(await products.createProduct(actorOf(request), request.body)),
    );
    app.get(
      '/api/v1/products/:id',
      {
        config,
        schema: {
          tags,
          summary: "The product sheet, with contacts for the caller's country first",
          params: IdParamsSchema,
          response: { 200: ProductSheetSchema, ...readErrors },
        },
      },
      async (request) => products.readProductSheet(actorOf(request), request.params.id),
    );
    app.patch(
      '/api/v1/products/:id',
      {
        config,
        schema: {
          tags,
          summary: 'Update a product: fields sent replace the current ones (right holder)',
          params: IdParamsSchema,
          body: ProductPatchSchema,
          response: { 200: ProductSheetSchema, ...writeErrors },
        },
      },
      async (request) => products.updateProduct(actorOf(request), request.params.id, request.body),
    );
    app.delete(
      '/api/v1/products/:id',
      {
        config,
        schema: {
          tags,
          summary: 'Delete a product (right holder)',
          params: IdParamsSchema,
          response: { 200: DeletedSchema, ...readErrors },
        },
      },
      async (request) => {
        await products.deleteProduct(actorOf(request), request.params.id);
        return { deleted: true as const };
      },
    );

    app.post(
      '/api/v1/products/:id/images',
      {
        config,
        schema: {
          tags,
          summary:
            'Upload a photo (multipart field `file`; JPEG, PNG, WebP, AVIF/HEIF). Metadata is stripped; a thumbnail is made.',
          consumes: ['multipart/form-data'],
          params: IdParamsSchema,
          response: {
            201: ImageSchema,
            ...readErrors,
            ...errorResponses(413, 415, 422),
          },
        },
      },
      async (request, reply) => {
        return reply
          .status(201)
          .send(await images.addImage(actorOf(request), request.params.id, imageUploadOf(request)));
      },
    );
    app.delete(
      '/api/v1/products/:id/images/:imageId',
      {
        config,
        schema: {
          tags,
          summary: 'Remove a photo (right holder)',
          params: z.strictObject({ id: IdSchema, imageId: IdSchema }),
          response: { 200: DeletedSchema, ...readErrors },
        },
      },
      async (request) => {
        await images.deleteImage(actorOf(request), request.params.id, request.params.imageId);
        return { deleted: true as const };
      },
    );
    app.get(
      '/api/v1/files/:id',
      { config, schema: { tags, summary: 'The bytes of a stored image or thumbnail', params: IdParamsSchema } },
      async (request, reply) => {
        const file = await images.readFile(actorOf(request), request.params.id);
        return reply
          .header('content-type', file.contentType)
          .header('cache-control', 'private, max-age=31536000, immutable')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('content-disposition', 'inline')
          .send(file.bytes);
      },
    );
  };
