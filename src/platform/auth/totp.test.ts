import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, stepAt, totpCode, verifyTotp } from './totp.ts';

// RFC 6238, Appendix B: the SHA-1 test vectors (secret "12345678901234567890", 30-second steps, 8 digits).
const SECRET = base32Encode(Buffer.from('12345678901234567890', 'ascii'));
const VECTORS: [seconds: number, code: string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
];

describe('TOTP against RFC 6238', () => {
  it('encodes the RFC secret in base32 as authenticator apps read it, and back', () => {
    expect(SECRET).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode(SECRET).toString('ascii')).toBe('12345678901234567890');
  });

  it.each(VECTORS)('at %i s the 8-digit code is %s', (seconds, code) => {
    expect(totpCode(SECRET, stepAt(seconds * 1000), 8)).toBe(code);
  });

  it.each(VECTORS)('at %i s the 6-digit code is the last six digits of %s, accepted once', (seconds, code) => {
    const six = code.slice(-6);
    expect(totpCode(SECRET, stepAt(seconds * 1000))).toBe(six);
    const step = verifyTotp(SECRET, six, seconds * 1000);
    expect(step).toBe(stepAt(seconds * 1000));
    expect(verifyTotp(SECRET, six, seconds * 1000, step)).toBeUndefined();
  });
});
