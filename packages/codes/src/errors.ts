/**
 * Every reason this package gives for rejecting an input. The code is stable (clients switch on
 * it) and is also the i18n key of its message; messages are the English defaults, `{{name}}` is
 * filled from the error's `params` (same convention as the server's error catalog).
 */
export const codeErrorMessages = {
  INPUT_EMPTY: 'Nothing was entered.',

  // GTIN (GS1 General Specifications §3.3.2, check digit §7.9)
  GTIN_NOT_NUMERIC: 'A GTIN has digits only; "{{char}}" is not a digit.',
  GTIN_LENGTH: 'A GTIN has 8, 12, 13 or 14 digits, not {{length}}.',
  GTIN_CHECK_DIGIT: 'The GTIN check digit should be {{expected}}, not {{actual}}.',

  // GS1 element strings: structure (GenSpecs §3, §7.8)
  GS1_EMPTY: 'There is no GS1 element string data to read.',
  GS1_SYMBOLOGY_NOT_GS1: 'The symbology identifier {{symbologyId}} does not announce GS1 data.',
  GS1_BRACKETS: 'Expected "(", an Application Identifier of 2 to 4 digits and ")".',
  GS1_UNKNOWN_AI: 'No GS1 Application Identifier starts with "{{ai}}".',
  GS1_AI_FORMAT: 'AI ({{ai}}): "{{char}}" is not allowed here; expected {{expected}}.',
  GS1_AI_LENGTH: 'AI ({{ai}}): the data has {{length}} characters; expected {{expected}}.',

  // GS1 element strings: content checks, one per GS1 Barcode Syntax Dictionary linter
  GS1_CHECK_DIGIT: 'AI ({{ai}}): the check digit should be {{expected}}, not {{actual}}.',
  GS1_CHECK_CHARACTER_PAIR: 'AI ({{ai}}): the check character pair should be {{expected}}, not {{actual}}.',
  GS1_INVALID_DATE: 'AI ({{ai}}): "{{value}}" is not a valid date ({{format}}).',
  GS1_INVALID_TIME: 'AI ({{ai}}): "{{value}}" is not a valid time ({{format}}).',
  GS1_COUNTRY_CODE: 'AI ({{ai}}): "{{value}}" is not an ISO 3166 country code.',
  GS1_CURRENCY_CODE: 'AI ({{ai}}): "{{value}}" is not an ISO 4217 currency code.',
  GS1_COMPANY_PREFIX: 'AI ({{ai}}): the data must start with a GS1 Company Prefix (4+ digits).',
  GS1_PERCENT_ENCODING: 'AI ({{ai}}): "%" must be followed by two hexadecimal digits.',
  GS1_ZERO_VALUE: 'AI ({{ai}}): "{{value}}" must not be zero.',
  GS1_NOT_ZERO: 'AI ({{ai}}): "{{value}}" must be 0.',
  GS1_ZERO_PREFIX: 'AI ({{ai}}): "{{value}}" must not start with 0.',
  GS1_NO_NON_DIGIT: 'AI ({{ai}}): the data must contain at least one character that is not a digit.',
  GS1_WINDING_DIRECTION: 'AI ({{ai}}): the winding direction must be 0, 1 or 9, not "{{value}}".',
  GS1_YES_NO: 'AI ({{ai}}): the value must be 0 (no) or 1 (yes), not "{{value}}".',
  GS1_PIECE_OF_TOTAL: 'AI ({{ai}}): "{{value}}" must be a non-zero piece number and a total at least as large.',
  GS1_POSITION_IN_SEQUENCE:
    'AI ({{ai}}): "{{value}}" must read position/total, without leading zeros, position ≤ total.',
  GS1_HYPHEN: 'AI ({{ai}}): only "-" is allowed here, not "{{value}}".',
  GS1_IBAN: 'AI ({{ai}}): "{{value}}" is not a valid IBAN.',
  GS1_IMPORTER_INDEX: 'AI ({{ai}}): "{{value}}" is not an importer index (0-9, A-Z, a-z, - or _).',
  GS1_BIOLOGICAL_SEX: 'AI ({{ai}}): "{{value}}" is not an ISO/IEC 5218 code (0, 1, 2 or 9).',
  GS1_LATITUDE: 'AI ({{ai}}): the latitude "{{value}}" is above 1800000000.',
  GS1_LONGITUDE: 'AI ({{ai}}): the longitude "{{value}}" is above 3600000000.',
  GS1_MEDIA_TYPE: 'AI ({{ai}}): "{{value}}" is not an AIDC media type code.',
  GS1_PACKAGE_TYPE: 'AI ({{ai}}): "{{value}}" is not a package type code.',
  GS1_COUPON: 'AI ({{ai}}): the coupon data has a missing, short or invalid {{field}}.',

  // GS1 element strings: rules across AIs (GenSpecs §4.13 invalid pairs, mandatory associations)
  GS1_DUPLICATE_AI: 'AI ({{ai}}) appears more than once with different values.',
  GS1_EXCLUSIVE_AIS: 'AI ({{ai}}) must not appear together with AI ({{other}}).',
  GS1_REQUIRED_AI_MISSING: 'AI ({{ai}}) also needs {{required}}.',

  // GS1 Digital Link URI Syntax 1.4
  DIGITAL_LINK_INVALID_URI: 'This is not an http:// or https:// URI with a host name.',
  DIGITAL_LINK_NO_PRIMARY_KEY: 'The URI path holds no GS1 primary key (such as /01/ and a GTIN).',
  DIGITAL_LINK_MISSING_VALUE: 'AI ({{ai}}) in the URI path has no value after it.',
  DIGITAL_LINK_BAD_QUALIFIER: 'AI ({{ai}}) cannot follow here: after ({{primaryKey}}) the path allows {{allowed}}.',
  DIGITAL_LINK_PERCENT_ENCODING: 'The URI has an invalid percent-encoded sequence.',
  DIGITAL_LINK_NOT_DATA_ATTRIBUTE: 'AI ({{ai}}) is not allowed in the query string of a GS1 Digital Link URI.',
  DIGITAL_LINK_UNENCODABLE_AI: 'AI ({{ai}}) is neither a key qualifier nor a data attribute of this Digital Link URI.',

  // IMEI (3GPP TS 23.003 §6.2)
  IMEI_NOT_NUMERIC: 'An IMEI has digits only; "{{char}}" is not a digit.',
  IMEI_LENGTH: 'An IMEI has 15 digits (16 for an IMEISV), not {{length}}.',
  IMEI_CHECK_DIGIT: 'The IMEI check digit should be {{expected}}, not {{actual}}.',
} as const satisfies Record<string, string>;

/** Every error code this package can return. */
export type CodeErrorCode = keyof typeof codeErrorMessages;

/** All error codes, e.g. to check that the server's catalog and the i18n files cover them. */
export const codeErrorCodes = Object.keys(codeErrorMessages) as CodeErrorCode[];
