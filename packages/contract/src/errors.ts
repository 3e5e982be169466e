/**
 * The one error catalog of the HTTP API. A code is stable (clients switch on it), carries
 * its HTTP status, and is also the i18n key of its message (`errors.<CODE>` in the web app).
 * Messages here are the English defaults the server sends; `{{name}}` is filled from details.
 */
export const errorCatalog = {
  // Generic request problems
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid.' },
  MALFORMED_JSON: { status: 400, message: 'The request body is not valid JSON.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'This content type is not accepted here.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  ROUTE_NOT_FOUND: { status: 404, message: 'There is no such endpoint.' },
  URI_TOO_LONG: { status: 414, message: 'The address is too long.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'This method is not allowed here.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests; try again shortly.' },
  INTERNAL_ERROR: { status: 500, message: 'Something went wrong on our side.' },
  SERVICE_UNAVAILABLE: { status: 503, message: 'The service is shutting down or not ready.' },

  // Authentication and access
  AUTH_REQUIRED: { status: 401, message: 'Sign in first.' },
  AUTH_INVALID_CREDENTIALS: { status: 401, message: 'Wrong e-mail or password.' },
  AUTH_ACCOUNT_DISABLED: { status: 403, message: 'This account is disabled.' },
  AUTH_NO_MEMBERSHIP: { status: 403, message: 'This account belongs to no active organisation.' },
  AUTH_CSRF_REJECTED: { status: 403, message: 'This request came from another site and was refused.' },
  FORBIDDEN: { status: 403, message: 'You are not allowed to do this.' },

  // Organisations and users
  ORGANISATION_NOT_FOUND: { status: 404, message: 'Organisation not found.' },
  ORGANISATION_COUNTRY_REQUIRED: { status: 422, message: 'A customs administration or agency needs a country.' },
  USER_NOT_FOUND: { status: 404, message: 'User not found.' },
  USER_EMAIL_TAKEN: { status: 409, message: 'A user with this e-mail already exists.' },
  USER_ROLE_NOT_ALLOWED: { status: 422, message: 'This role does not exist for this kind of organisation.' },
  USER_SELF_CHANGE_REFUSED: {
    status: 409,
    message: 'You cannot deactivate yourself or change your own roles; ask another administrator.',
  },
  USER_LAST_MEMBERSHIP: { status: 409, message: 'An active user keeps at least one organisation.' },
  USER_DEACTIVATED: { status: 409, message: 'This user is deactivated; reactivate them first.' },
  MEMBERSHIP_NOT_FOUND: { status: 404, message: 'This user is not a member of this organisation.' },
  INVITATION_INVALID: {
    status: 404,
    message: 'This invitation link is not valid: it was used, replaced or has expired.',
  },

  // Catalog
  BRAND_NOT_FOUND: { status: 404, message: 'Brand not found.' },
  BRAND_NAME_TAKEN: { status: 409, message: 'Your organisation already has a brand with this name.' },
  BRAND_HAS_PRODUCTS: { status: 409, message: 'Delete or move the brand’s products first.' },
  PRODUCT_NOT_FOUND: { status: 404, message: 'Product not found.' },
  PRODUCT_REFERENCE_TAKEN: { status: 409, message: 'Your organisation already has a product with this reference.' },
  PRODUCT_DEFAULT_LANGUAGE_MISSING: { status: 422, message: 'The product needs a name in its default language.' },
  IDENTIFIER_INVALID: { status: 422, message: 'An identifier is not valid: {{reason}}' },
  IDENTIFIER_TAKEN: { status: 409, message: 'This identifier already belongs to another product.' },
  IDENTIFIER_PATTERN_INVALID: {
    status: 422,
    message: 'The proprietary code pattern is not a valid regular expression.',
  },
  CONTACT_NOT_FOUND: { status: 404, message: 'Contact not found.' },
  APPLICATION_NOT_FOUND: { status: 404, message: 'Application for action not found.' },
  APPLICATION_DATES_INVALID: { status: 422, message: 'An application for action must end after it starts.' },
  ALERT_NOT_FOUND: { status: 404, message: 'Risk alert not found.' },
  ALERT_DATES_INVALID: { status: 422, message: 'A risk alert must end after it starts.' },
  ALERT_TITLE_MISSING: { status: 422, message: 'The alert needs a title in its default language.' },
  ALERT_IMAGE_LIMIT: { status: 422, message: 'A risk alert has at most {{max}} pictures.' },
  IMAGE_NOT_FOUND: { status: 404, message: 'Image not found.' },
  IMAGE_TYPE_NOT_ALLOWED: { status: 415, message: 'Only JPEG, PNG, WebP and AVIF images are accepted.' },
  IMAGE_TOO_LARGE: { status: 413, message: 'The image is too large.' },
  IMAGE_UNREADABLE: { status: 422, message: 'The file could not be read as an image.' },
  IMAGE_FILE_REQUIRED: { status: 400, message: 'Send the image as a multipart file field.' },
  SEARCH_CURSOR_INVALID: { status: 400, message: 'The page cursor is not valid; start the search again.' },

  // Cases (interceptions)
  CASE_NOT_FOUND: { status: 404, message: 'Case not found.' },
  CASE_STATE_INVALID: { status: 409, message: 'The case cannot do this in its current state ({{status}}).' },
  CASE_HAS_NO_LINES: {
    status: 422,
    message: 'Add at least one line of goods with a brand or a product of the catalog before submitting.',
  },
  CASE_SHARE_INVALID: {
    status: 422,
    message: 'A case can be shared only with another customs administration or agency.',
  },
  DEADLINE_IN_PAST: { status: 422, message: 'The new answer deadline must be today or a later day.' },
  CASE_FILTER_DATES_INVALID: { status: 400, message: 'The filter’s last day (to) is before its first day (from).' },
  ORGANISATION_NOT_CUSTOMS: {
    status: 422,
    message: 'Only a customs administration or agency has case settings.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    message: 'This Idempotency-Key was already used for another request; use a new key.',
  },

  // Notifications
  NOTIFICATION_NOT_FOUND: { status: 404, message: 'Notification not found.' },
  WEBHOOK_NOT_FOUND: { status: 404, message: 'Webhook not found.' },
  WEBHOOK_URL_INVALID: {
    status: 422,
    message: 'A webhook needs an https:// address (http:// only for localhost outside production).',
  },
  WEBHOOK_LIMIT_REACHED: { status: 409, message: 'Your organisation has as many webhooks as allowed ({{limit}}).' },
  PUSH_SUBSCRIPTION_NOT_FOUND: { status: 404, message: 'This device is not subscribed to push notifications.' },

  // Case photos, uploads and conversations
  UPLOAD_NOT_FOUND: { status: 404, message: 'Upload not found.' },
  UPLOAD_TOO_LARGE: { status: 413, message: 'The file is too large ({{maxBytes}} bytes at most).' },
  UPLOAD_TYPE_NOT_ALLOWED: {
    status: 415,
    message: 'Only images (JPEG, PNG, WebP, AVIF), PDF and office documents are accepted.',
  },
  UPLOAD_OFFSET_MISMATCH: {
    status: 409,
    message: 'The server has {{offset}} bytes of this upload; send the rest from there.',
  },
  UPLOAD_CHUNK_INVALID: { status: 422, message: 'This chunk is empty or goes beyond the size of the upload.' },
  UPLOAD_INCOMPLETE: { status: 409, message: 'The upload is not complete ({{offset}} of {{size}} bytes).' },
  UPLOAD_LIMIT_REACHED: {
    status: 429,
    message: 'You have {{max}} files waiting to be completed; finish or send them first.',
  },
  UPLOAD_ALREADY_USED: { status: 409, message: 'This upload is already attached elsewhere; upload the file again.' },
  CASE_FILE_NOT_FOUND: { status: 404, message: 'File not found.' },
  CASE_LINE_NOT_FOUND: { status: 422, message: 'This line is not part of the case.' },
  CASE_CHANNEL_NOT_FOUND: { status: 404, message: 'This conversation does not exist in the case.' },
  CASE_MESSAGE_PARENT_INVALID: { status: 422, message: 'A reply must answer a message of the same conversation.' },

  // Import
  IMPORT_FORMAT_UNKNOWN: { status: 415, message: 'Send CSV (text/csv) or JSON lines (application/x-ndjson).' },
  IMPORT_HEADER_INVALID: { status: 422, message: 'The CSV header is not valid: {{reason}}' },
  IMPORT_EMPTY: { status: 422, message: 'The file has no rows.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalog;

export const errorCodes = Object.keys(errorCatalog) as ErrorCode[];

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(errorCatalog, code);
}
