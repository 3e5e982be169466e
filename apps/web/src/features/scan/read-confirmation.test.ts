import { describe, expect, it } from 'vitest';
import { createReadConfirmation } from './read-confirmation';

const ean = (text: string) => ({ format: 'EAN13' as const, text });

describe('when a code read from the camera is trusted', () => {
  it('trusts a DataMatrix or a QR code at the first read (they correct their own errors)', () => {
    const confirmed = createReadConfirmation();
    expect(confirmed({ format: 'DataMatrix', text: '0103790000000014', symbologyIdentifier: ']d2' })).toBe(true);
    expect(createReadConfirmation()({ format: 'QRCode', text: 'https://example.com' })).toBe(true);
  });

  it('trusts a linear code once two successive reads agree', () => {
    const confirmed = createReadConfirmation();
    expect(confirmed(ean('3790000000014'))).toBe(false);
    expect(confirmed(ean('3790000000014'))).toBe(true);
  });

  it('does not trust a misread that happens once between good reads', () => {
    const confirmed = createReadConfirmation();
    expect(confirmed(ean('3790000000014'))).toBe(false);
    expect(confirmed(ean('6720080000014'))).toBe(false);
    expect(confirmed(ean('3790000000014'))).toBe(false);
    expect(confirmed(ean('3790000000014'))).toBe(true);
  });

  it('takes the same digits in another format for another read', () => {
    const confirmed = createReadConfirmation();
    expect(confirmed({ format: 'UPCA', text: '0012345000065' })).toBe(false);
    expect(confirmed({ format: 'UPCE', text: '0012345000065' })).toBe(false);
  });
});
