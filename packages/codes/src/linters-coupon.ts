import type { LintFailure } from './linters';
import { yymmdd } from './linters-date';

/**
 * North American coupon linters: `couponcode` for AI (8110), per the "North American Coupon
 * Application Guideline Using GS1 DataBar Expanded Symbols", and `couponposoffer` for AI (8112),
 * per the "GS1 AI (8112) Coupon Data Specification". Both are sequences of digit fields, some
 * announced by a variable length indicator (VLI) digit.
 */

const bad = (field: string, offset: number): LintFailure => ({
  code: 'GS1_COUPON',
  offset,
  params: { field },
});

function firstNonDigit(s: string): LintFailure | undefined {
  for (let i = 0; i < s.length; i += 1) {
    const code = s.charCodeAt(i);
    if (code < 48 || code > 57) {
      return {
        code: 'GS1_AI_FORMAT',
        offset: i,
        params: { char: s.charAt(i), expected: 'a digit' },
      };
    }
  }
  return undefined;
}

type Allowed = (digit: number) => boolean;
const between =
  (min: number, max: number, ...extra: number[]): Allowed =>
  (d) =>
    (d >= min && d <= max) || extra.includes(d);
const anyDigit: Allowed = () => true;

/** Reads digit fields left to right; each step returns a failure or advances. */
class FieldReader {
  pos = 0;
  constructor(private readonly s: string) {}

  get atEnd(): boolean {
    return this.pos >= this.s.length;
  }

  /** True (and consumes it) when the next digit is `indicator`, which opens an optional field. */
  opens(indicator: number): boolean {
    if (this.atEnd || this.s.charCodeAt(this.pos) - 48 !== indicator) return false;
    this.pos += 1;
    return true;
  }

  digit(field: string, allowed: Allowed): number | LintFailure {
    if (this.atEnd) return bad(field, this.pos);
    const d = this.s.charCodeAt(this.pos) - 48;
    if (!allowed(d)) return bad(field, this.pos);
    this.pos += 1;
    return d;
  }

  skip(field: string, length: number): LintFailure | undefined {
    if (this.s.length - this.pos < length) return bad(field, this.pos);
    this.pos += length;
    return undefined;
  }

  /** A VLI digit then a field of `lengthOf(vli)` digits. */
  sized(field: string, allowed: Allowed, lengthOf: (vli: number) => number): LintFailure | undefined {
    const vli = this.digit(`${field} length indicator`, allowed);
    if (typeof vli !== 'number') return vli;
    return this.skip(field, lengthOf(vli));
  }

  date(field: string): LintFailure | undefined {
    const start = this.pos;
    const short = this.skip(field, 6);
    if (short) return short;
    return yymmdd(this.s.slice(start, start + 6)) ? bad(field, start) : undefined;
  }

  end(): LintFailure | undefined {
    return this.atEnd ? undefined : bad('end (unexpected extra data)', this.pos);
  }
}

const plusSix = (vli: number): number => vli + 6;
const identity = (vli: number): number => vli;
/** A GCP VLI of 9 means "no GCP" in the 2nd and 3rd purchase fields. */
const gcpOrNone = (vli: number): number => (vli === 9 ? 0 : vli + 6);

function digitStep(r: FieldReader, field: string, allowed: Allowed): LintFailure | undefined {
  const d = r.digit(field, allowed);
  return typeof d === 'number' ? undefined : d;
}

/** Purchase requirement (VLI 1-5), its code (0-4 or 9) and a 3-digit family code. */
function purchase(r: FieldReader, nth: string): LintFailure | undefined {
  return (
    r.sized(`${nth} purchase requirement`, between(1, 5), identity) ??
    digitStep(r, `${nth} purchase requirement code`, between(0, 4, 9)) ??
    r.skip(`${nth} purchase family code`, 3)
  );
}

export function couponcode(s: string): LintFailure | undefined {
  const nonDigit = firstNonDigit(s);
  if (nonDigit) return nonDigit;
  const r = new FieldReader(s);
  const mandatory =
    r.sized('GS1 Company Prefix', between(0, 6), plusSix) ??
    r.skip('offer code', 6) ??
    r.sized('save value', between(1, 5), identity) ??
    purchase(r, '1st');
  if (mandatory) return mandatory;

  if (r.opens(1)) {
    const failure =
      digitStep(r, 'additional purchase rules code', between(0, 3)) ??
      purchase(r, '2nd') ??
      r.sized('2nd purchase GS1 Company Prefix', between(0, 6, 9), gcpOrNone);
    if (failure) return failure;
  }
  if (r.opens(2)) {
    const failure = purchase(r, '3rd') ?? r.sized('3rd purchase GS1 Company Prefix', between(0, 6, 9), gcpOrNone);
    if (failure) return failure;
  }
  let expiry: string | undefined;
  if (r.opens(3)) {
    const failure = r.date('expiration date');
    if (failure) return failure;
    expiry = s.slice(r.pos - 6, r.pos);
  }
  if (r.opens(4)) {
    const failure = r.date('start date');
    if (failure) return failure;
    // Both are YYMMDD of the same era, so string order is date order.
    if (expiry !== undefined && s.slice(r.pos - 6, r.pos) > expiry) {
      return bad('start date (later than the expiration date)', r.pos - 6);
    }
  }
  if (r.opens(5)) {
    const failure = r.sized('serial number', anyDigit, plusSix);
    if (failure) return failure;
  }
  if (r.opens(6)) {
    const failure = r.sized('retailer GS1 Company Prefix or GLN', between(1, 7), plusSix);
    if (failure) return failure;
  }
  if (r.opens(9)) {
    const failure =
      digitStep(r, 'save value code', between(0, 2, 5, 6)) ??
      digitStep(r, 'save value applies to item', between(0, 2)) ??
      digitStep(r, 'store coupon flag', anyDigit) ??
      digitStep(r, "don't multiply flag", between(0, 1));
    if (failure) return failure;
  }
  return r.end();
}

export function couponposoffer(s: string): LintFailure | undefined {
  const nonDigit = firstNonDigit(s);
  if (nonDigit) return nonDigit;
  const r = new FieldReader(s);
  return (
    digitStep(r, 'format code', between(0, 1)) ??
    r.sized('funder ID', between(0, 6), plusSix) ??
    r.skip('offer code', 6) ??
    r.sized('serial number', anyDigit, plusSix) ??
    r.end()
  );
}
