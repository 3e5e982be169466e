import { codeErrorMessages, type CodeErrorCode } from './errors';

/** Values that fill a message template's `{{name}}` placeholders (also handy for i18n). */
export type CodeErrorParams = Readonly<Record<string, string | number>>;

/**
 * Why an input is not a valid code. `code` is stable and is also the i18n key of the message;
 * `position` is the 0-based index of the offending character in the string that was parsed.
 */
export interface CodeError {
  code: CodeErrorCode;
  message: string;
  position?: number;
  params?: CodeErrorParams;
}

/** Every parser in this package returns a result: bad input is expected, not exceptional. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: CodeError };

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/**
 * Fills `{{name}}` placeholders of a message template; unknown names are left as they are.
 * @example
 * formatCodeErrorMessage('GTIN_LENGTH', { length: 11 }) // 'A GTIN has 8, 12, 13 or 14 digits, not 11.'
 */
export function formatCodeErrorMessage(code: CodeErrorCode, params?: CodeErrorParams): string {
  const template = codeErrorMessages[code];
  if (params === undefined) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function codeError(code: CodeErrorCode, position?: number, params?: CodeErrorParams): CodeError {
  const error: CodeError = { code, message: formatCodeErrorMessage(code, params) };
  if (position !== undefined) error.position = position;
  if (params !== undefined) error.params = params;
  return error;
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T>(code: CodeErrorCode, position?: number, params?: CodeErrorParams): Result<T> {
  return { ok: false, error: codeError(code, position, params) };
}

/** The same error, moved by `offset` characters (when a sub-string was parsed). */
export function shiftError(error: CodeError, offset: number): CodeError {
  if (error.position === undefined || offset === 0) return error;
  return { ...error, position: error.position + offset };
}
