// POST /api/qris/decode through the HTTP API, on both engines: the decoder's answer for any text, a 400 problem
// for a request that is not one.
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/support/db.ts';
import type { App } from '../http/server.ts';
import { encodeQris } from './encode-qris.ts';

let app: App;
beforeAll(async () => {
  app = await testApp();
});

const decode = (payload: unknown, remoteAddress = '10.99.0.1') =>
  app.inject({ method: 'POST', url: '/api/qris/decode', payload: payload as object, remoteAddress });

const generated = encodeQris({
  merchant: {
    name: 'Kedai Kopi Sé',
    city: 'Jakarta Barat',
    postalCode: '11410',
    mcc: '5814',
    nmid: 'ID1025380163258',
    criteria: 'UMI',
  },
  amount: 87_500,
  reference: 'JBL-2026-000777-2',
});

describe('POST /api/qris/decode', () => {
  it('decodes a payload the platform generated: CRC valid, same amount and reference', async () => {
    const res = await decode({ payload: generated });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ crcValid: true, errors: [], amount: 87_500 });
    expect(body.fields['62']).toEqual({ '01': 'JBL-2026-000777-2', '05': 'JBL-2026-000777-2' });
    expect(body.fields['51']).toEqual({ '00': 'ID.CO.QRIS.WWW', '02': 'ID1025380163258', '03': 'UMI' });
    expect(body.fields['59']).toBe('Kedai Kopi Se');
  });

  it('answers crcValid false when one character changed, and lists the error', async () => {
    const i = generated.indexOf('JBL-2026');
    const res = await decode({ payload: `${generated.slice(0, i)}X${generated.slice(i + 1)}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().crcValid).toBe(false);
    expect(res.json().errors).toEqual([
      expect.objectContaining({
        code: 'crc_mismatch',
        tag: '63',
        message: { id: expect.any(String), en: expect.any(String) },
      }),
    ]);
  });

  it('answers a text that is no QRIS at all with its errors, not a refusal', async () => {
    const res = await decode({ payload: 'halo, ini bukan QRIS' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.crcValid).toBe(false);
    expect(body.amount).toBeNull();
    expect(body.errors.map((e: { code: string }) => e.code)).toContain('tag_not_numeric');
  });

  it('refuses a request without a payload string, or one over 512 characters, with a bilingual 400 naming the field', async () => {
    for (const [payload, code] of [
      [{}, 'invalid_type'],
      [{ payload: 12345 }, 'invalid_type'],
      [{ payload: 'x'.repeat(513) }, 'too_big'],
      [{ payload: generated, extra: 1 }, 'unknown_field'],
    ] as const) {
      const res = await decode(payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 40)).toBe(400);
      expect(String(res.headers['content-type'])).toContain('application/problem+json');
      const problem = res.json();
      expect(problem.code).toBe('validation_failed');
      const [e] = problem.errors;
      expect(e.field).toMatch(/^body\.(payload|extra)$/);
      expect(e.code).toBe(code);
      expect(e.message.id).toBeTruthy();
      expect(e.message.en).toBeTruthy();
    }
    expect((await decode({ payload: 'x'.repeat(512) })).statusCode).toBe(200);
  });

  it('limits the body size and the rate per address', async () => {
    const big = await app.inject({
      method: 'POST',
      url: '/api/qris/decode',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ payload: 'x'.repeat(20_000) }),
    });
    expect(big.statusCode).toBe(413);
    const codes: number[] = [];
    for (let i = 0; i < 80; i++) codes.push((await decode({ payload: generated }, '10.99.0.77')).statusCode);
    expect(codes).toContain(429);
    expect((await decode({ payload: generated }, '10.99.0.78')).statusCode).toBe(200);
  });

  it('is a public operation with an operationId in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/qris/decode'].post.operationId).toBe('decodeQris');
    expect(app.routeTable.find((r) => r.url === '/api/qris/decode')?.access).toBe('public');
  });
});
