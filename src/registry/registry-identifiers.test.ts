// Identifier validation: public, instant feedback on a NIK or phone number as it is typed.
import { beforeAll, describe, expect, it } from 'vitest';
import { rk, setUpRegistry } from '../../test/support/registry.ts';
import type { App } from '../platform/http/server.ts';

let app: App;

beforeAll(async () => {
  await setUpRegistry();
  ({ app } = rk);
});

describe('identifier validation (public, instant feedback)', () => {
  it('names what is wrong in a mistyped NIK and derives gender and birth date once corrected', async () => {
    const typo = await app.inject({
      method: 'POST',
      url: '/api/identifiers/validate',
      payload: { kind: 'nik', value: '317404548850001' },
    });
    expect(typo.statusCode).toBe(200);
    expect(typo.json().valid).toBe(false);
    expect(typo.json().errors[0].message.id).toMatch(/16 angka/);
    const ok = await app.inject({
      method: 'POST',
      url: '/api/identifiers/validate',
      payload: { kind: 'nik', value: '3174045408850001' },
      headers: { origin: 'https://elsewhere.example' },
    });
    expect(ok.json()).toEqual({
      valid: true,
      errors: [],
      derived: { gender: 'female', birth_date: '1985-08-14', district_code: '317404', region_known: true },
    });
    const phone = await app.inject({
      method: 'POST',
      url: '/api/identifiers/validate',
      payload: { kind: 'phone', value: '0812 3456-7890' },
    });
    expect(phone.json().derived.e164).toBe('+6281234567890');
  });
});
