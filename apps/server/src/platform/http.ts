import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { errorCatalog, ErrorResponseSchema, type ErrorCode } from '@verity/contract';
import { AppError } from './errors';

/** Who may call a route; every route must declare it (checked when routes register). */
export type Access = 'public' | 'signed-in';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

/** Response schemas for a route's error statuses, so each appears in the OpenAPI document. */
export function errorResponses<S extends number>(...statuses: S[]): Record<S, typeof ErrorResponseSchema> {
  return Object.fromEntries(statuses.map((status) => [status, ErrorResponseSchema])) as Record<
    S,
    typeof ErrorResponseSchema
  >;
}
/** What every signed-in route can answer besides success. */
export const readErrors = errorResponses(400, 401, 403, 404);
/** …and a write that can conflict or break a rule. */
export const writeErrors = errorResponses(400, 401, 403, 404, 409, 422);

/**
 * The multipart field `file` of an image upload, read only when called: services authorize
 * first, so a caller who may not write learns nothing from its body.
 */
export function imageUploadOf(request: FastifyRequest): () => Promise<Buffer> {
  return async () => {
    if (!request.isMultipart()) throw new AppError('IMAGE_FILE_REQUIRED');
    const file = await request.file();
    if (!file) throw new AppError('IMAGE_FILE_REQUIRED');
    return file.toBuffer();
  };
}

export function sendError(reply: FastifyReply, code: ErrorCode, details?: unknown, message?: string) {
  const error = new AppError(code, details, message);
  return reply.status(error.status).send({
    error: { code, message: error.message, details, requestId: String(reply.request.id) },
  });
}

/** Fastify's own client-side errors, mapped to catalog codes. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'IMAGE_FILE_REQUIRED',
  FST_REQ_FILE_TOO_LARGE: 'IMAGE_TOO_LARGE',
  FST_PARTS_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_FILES_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_FIELDS_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
  FST_ERR_BAD_URL: 'ROUTE_NOT_FOUND',
};

/**
 * The one error handler: every failure leaves as `{ error: { code, message, details?, requestId } }`.
 * Client mistakes get their 4xx code; anything unexpected is logged and answered 500 without detail.
 */
export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send({
        error: { code: error.code, message: error.message, details: error.details, requestId: String(request.id) },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({
        in: error.validationContext,
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: v.message,
      }));
      return sendError(reply, 'VALIDATION_FAILED', details);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response does not match its schema');
      return sendError(reply, 'INTERNAL_ERROR');
    }
    const mapped = error.code ? fastifyCodes[error.code] : undefined;
    if (mapped) return sendError(reply, mapped);
    if (error.statusCode === 429) return sendError(reply, 'RATE_LIMITED');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Any other client error Fastify or a plugin raises: keep its status, give a stable code.
      request.log.info({ err: error }, 'client error');
      const code: ErrorCode =
        error.statusCode === 413
          ? 'PAYLOAD_TOO_LARGE'
          : error.statusCode === 415
            ? 'UNSUPPORTED_MEDIA_TYPE'
            : 'VALIDATION_FAILED';
      return reply.status(error.statusCode).send({
        error: { code, message: errorCatalog[code].message, requestId: String(request.id) },
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, 'INTERNAL_ERROR');
  });

  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 'ROUTE_NOT_FOUND', { method: request.method, url: request.url.split('?')[0] }),
  );
}

/**
 * Errors the router raises before any route runs (bad URL encoding, an over-long path
 * parameter), in the same envelope as every other error.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const code: ErrorCode = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'URI_TOO_LONG' : 'ROUTE_NOT_FOUND';
  const entry = errorCatalog[code];
  return reply.status(entry.status).send({ error: { code, message: entry.message, requestId: String(request.id) } });
}

/** Refuses to start if a route does not say who may call it. */
export function requireAccessDeclarations(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    if (route.method === 'HEAD' || route.url === '*' || route.url.startsWith('/api/docs')) return;
    if (!route.config?.access) {
      throw new Error(`Route ${String(route.method)} ${route.url} does not declare config.access`);
    }
  });
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF: browsers say where a request comes from (Sec-Fetch-Site, Origin). An unsafe request
 * that a browser marks as coming from another site is refused; clients that send neither
 * header (curl, national systems) are not browsers and have no ambient cookies to abuse.
 */
export function installCsrfProtection(app: FastifyInstance, allowedOrigins: readonly string[]) {
  const allowed = new Set(allowedOrigins.map((o) => o.replace(/\/$/, '')));
  app.addHook('onRequest', async (request, reply) => {
    if (!unsafeMethods.has(request.method)) return;
    const site = request.headers['sec-fetch-site'];
    const origin = request.headers.origin;
    if (origin !== undefined) {
      const own = `${request.protocol}://${request.host}`;
      if (origin === own || allowed.has(origin)) return;
      return sendError(reply, 'AUTH_CSRF_REJECTED');
    }
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      return sendError(reply, 'AUTH_CSRF_REJECTED');
    }
  });
}
