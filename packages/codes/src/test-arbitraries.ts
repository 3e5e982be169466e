import fc from 'fast-check';

import { gtinCheckDigit } from './gtin';

/** fast-check arbitraries shared by the property tests (test helper, not exported by the package). */

const cset82 = [...`!"%&'()*+,-./:;<=>?_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz`];
const base64url = [...'-_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'];
const digit = fc.constantFrom(...'0123456789');
const digits = (length: number) => fc.string({ unit: digit, minLength: length, maxLength: length });
// "<GS>" in data would read as a separator stand-in in raw form (documented ambiguity).
const xData = fc
  .string({ unit: fc.constantFrom(...cset82), minLength: 1, maxLength: 20 })
  .filter((s) => !s.includes('<GS>'));
const pad = (n: number) => String(n).padStart(2, '0');
const date = (dayZero: boolean) =>
  fc
    .tuple(
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: dayZero ? 0 : 1, max: 28 }),
    )
    .map(([y, m, d]) => `${pad(y)}${pad(m)}${pad(d)}`);

/** Valid element sets of common AIs: a GTIN, then any of lot, serial, dates, net weight, signature. */
export const commonElementSets = fc
  .record(
    {
      gtin: digits(13).map((body) => `${body}${gtinCheckDigit(body)}`),
      lot: xData,
      serial: xData,
      expiry: date(true),
      production: date(true),
      bestBefore: date(true),
      netWeight: digits(6),
      signature: fc.string({ unit: fc.constantFrom(...base64url), minLength: 1, maxLength: 90 }),
    },
    { requiredKeys: ['gtin'] },
  )
  .map((r) => {
    const elements = [{ ai: '01', value: r.gtin }];
    if (r.expiry !== undefined) elements.push({ ai: '17', value: r.expiry });
    if (r.lot !== undefined) elements.push({ ai: '10', value: r.lot });
    if (r.production !== undefined) elements.push({ ai: '11', value: r.production });
    if (r.netWeight !== undefined) elements.push({ ai: '3103', value: r.netWeight });
    if (r.serial !== undefined) elements.push({ ai: '21', value: r.serial });
    if (r.bestBefore !== undefined) elements.push({ ai: '15', value: r.bestBefore });
    if (r.serial !== undefined && r.signature !== undefined) elements.push({ ai: '8030', value: r.signature });
    return elements;
  });
