/**
 * @verity/codes: recognise and validate what a customs officer types or scans (GTIN, GS1
 * element strings, GS1 Digital Link URIs, IMEI). Pure functions, no I/O; parsers return
 * results, never throw on bad input.
 */
export { identify, type CodeKind, type Identification } from './identify';
export { gtinCheckDigit, gtinFormatOf, isValidGtin, parseGtin, type Gtin, type GtinFormat } from './gtin';
export {
  GS,
  isGs1SymbologyId,
  parseElementString,
  toElementString,
  type ElementString,
  type ParseElementStringOptions,
  type ToElementStringOptions,
} from './element-string';
export type { Gs1Element } from './element-validation';
export { parseDigitalLink, toDigitalLink, type DigitalLink } from './digital-link';
export { imeiCheckDigit, parseImei, type Imei } from './imei';
export {
  aiDefinitions,
  dictionaryRelease,
  getAiDefinition,
  type AiComponent,
  type AiDefinition,
  type AiPattern,
} from './ai-table';
export type { CharacterSet } from './ai-entry';
export type { LinterName } from './linters';
export { gs1CheckDigit } from './check-digits';
export { codeErrorCodes, codeErrorMessages, type CodeErrorCode } from './errors';
export { formatCodeErrorMessage, type CodeError, type CodeErrorParams, type Result } from './result';
