/**
 * The contract's plain values — roles, languages, error codes, the catalog's vocabulary —
 * without its zod schemas: what the web app imports at run time (`@verity/contract/values`).
 * zod would add its weight to the page and probe for `eval`, which our CSP refuses.
 */
export * from './errors';
export * from './roles';
export * from './vocabulary';
export * from './notification-values';
export * from './case-conversation-values';
