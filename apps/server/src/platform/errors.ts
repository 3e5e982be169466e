import { errorCatalog, type ErrorCode } from '@verity/contract';

/**
 * The only error the server throws on purpose. Built from the catalog, so the status and
 * the default message always match the code. Services throw it; they never pick statuses.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, details?: unknown, message?: string) {
    const entry = errorCatalog[code];
    super(message ?? fillTemplate(entry.message, details));
    this.code = code;
    this.status = entry.status;
    this.details = details;
  }
}

/** `assert(product, 'PRODUCT_NOT_FOUND')`: throws the code when the condition is falsy. */
export function assert(condition: unknown, code: ErrorCode, details?: unknown): asserts condition {
  if (!condition) throw new AppError(code, details);
}

function fillTemplate(template: string, details: unknown): string {
  if (!details || typeof details !== 'object') return template;
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => {
    const value = (details as Record<string, unknown>)[key];
    return value === undefined ? whole : String(value);
  });
}
