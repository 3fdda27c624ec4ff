// The encoder: what it writes decodes without an error, whatever the names and amounts (a seeded property-style
// sweep), and what it cannot make valid it refuses instead of writing.
import { describe, expect, it } from 'vitest';
import { AppError } from '../http/problem.ts';
import { decodeQris } from './decode-qris.ts';
import { encodeQris, MAX_AMOUNT, type QrisCharge, type QrisMerchant, qrisText } from './encode-qris.ts';
import { qrisPng, qrisSvg } from './qris-image.ts';
import QRCode from 'qrcode';

const SITI: QrisMerchant = {
  name: 'Warung Bu Siti',
  city: 'Jakarta Timur',
  postalCode: '13220',
  mcc: '5499',
  nmid: 'ID1026572242539',
  criteria: 'UMI',
  acquirer: { guid: 'COM.GO-JEK.WWW', pan: '936009143464885536', merchantId: 'G464885536' },
};

/** A small deterministic generator (mulberry32), so a failure reproduces. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)]!;
  return { next, int, pick };
}

const WORDS = [
  'Warung',
  'Kedai',
  'Toko',
  'Bu',
  'Pak',
  'Siti',
  'Ñoño',
  'Café',
  'Kopi',
  'Sé',
  'Ümar',
  'Ḥasan',
  'Nasi',
  'Goréng',
  'Batik',
  'Betawi',
  '&',
  'Jaya',
  "D'Lisa",
  '“Maju”',
  'Sejahtera—Abadi',
  'Ａｙａｍ',
  'Bakso',
  '😀',
  '中文',
  'Ç',
  'ı',
  'Kerajinan',
  'Tangan',
  'Krúpuk',
  'Œuvre',
  'Ølé',
  '  ',
  '-',
  '#1',
  'No.',
  '12',
] as const;
const CITIES = [
  'Jakarta Timur',
  'JAKARTA SELATAN',
  'Kepulauan Seribu',
  'Kota Administrasi Jakarta Pusat',
  'Bogor',
  'Dépok',
];
const GUIDS = ['COM.GO-JEK.WWW', 'ID.DANA.WWW', 'ID.CO.SHOPEE.WWW', 'ID.CO.BANKBSI.WWW', 'COM.NOBUBANK.WWW'];

function charge(r: ReturnType<typeof random>, i: number): QrisCharge {
  const name = `${Array.from({ length: r.int(1, 12) }, () => r.pick(WORDS)).join(' ')} ${i}`;
  const magnitude = r.int(0, 12);
  const amount = Math.min(10 ** 12, Math.max(1, Math.floor(r.next() * 10 ** magnitude) + 1));
  const digits = (n: number) => Array.from({ length: n }, () => r.int(0, 9)).join('');
  return {
    merchant: {
      name,
      city: r.pick(CITIES),
      postalCode: r.next() < 0.2 ? null : digits(5),
      mcc: digits(4),
      nmid: `ID${digits(13)}`,
      criteria: r.pick(['UMI', 'UKE', 'UME', 'UBE', 'URE'] as const),
      acquirer:
        r.next() < 0.3
          ? null
          : {
              guid: r.pick(GUIDS),
              pan: `93600${digits(r.int(11, 14))}`,
              merchantId: r.next() < 0.5 ? null : `G${digits(9)}`,
            },
    },
    amount,
    reference: `JBL-${digits(r.int(1, 8))}-${r.int(1, 99)}`.slice(0, 25),
    terminal: r.next() < 0.5 ? null : `HUB ${r.int(1, 300)}`,
  };
}

describe('encodeQris', () => {
  it('writes a dynamic payload that decodes with a valid CRC, the same amount and the order number', () => {
    const p = encodeQris({ merchant: SITI, amount: 125_000, reference: 'JBL-2026-000123-1' });
    expect(p.startsWith('000201010212')).toBe(true);
    const d = decodeQris(p);
    expect(d).toMatchObject({ crcValid: true, errors: [], amount: 125_000 });
    expect(d.fields).toMatchObject({
      '26': { '00': 'COM.GO-JEK.WWW', '01': '936009143464885536', '02': 'G464885536', '03': 'UMI' },
      '51': { '00': 'ID.CO.QRIS.WWW', '02': 'ID1026572242539', '03': 'UMI' },
      '52': '5499',
      '53': '360',
      '54': '125000',
      '58': 'ID',
      '59': 'Warung Bu Siti',
      '60': 'Jakarta Timur',
      '61': '13220',
      '62': { '01': 'JBL-2026-000123-1', '05': 'JBL-2026-000123-1' },
    });
    expect(p).toMatch(/6304[0-9A-F]{4}$/);
  });

  it('normalises names as QRIS carries them: no diacritics, ASCII only, cut to 25 and 15 characters', () => {
    expect(qrisText('  Kedai Kopi Ñoño  Café “Sé” — Ḥasan ', 99)).toBe('Kedai Kopi Nono Cafe "Se" - Hasan');
    expect(qrisText('Warung Makan Sederhana Bu Siti Aminah', 25)).toBe('Warung Makan Sederhana Bu');
    expect(qrisText('Kota Administrasi Jakarta Pusat', 15)).toBe('Kota Administra');
    expect(qrisText('Toko 😀 Jaya', 25)).toBe('Toko Jaya');
    const d = decodeQris(
      encodeQris({
        merchant: { ...SITI, name: 'Kerajinan Tangan Bu Sé Ñoño Tenabang', city: 'Kepulauan Seribu' },
        amount: 1,
        reference: 'A',
      }),
    );
    expect(d.errors).toEqual([]);
    expect(d.fields['59']).toBe('Kerajinan Tangan Bu Se No');
    expect(d.fields['60']).toBe('Kepulauan Serib');
  });

  it('always produces a valid payload over 3,000 generated charges (names with diacritics, amounts 1 … 10^12)', () => {
    const r = random(20261206);
    for (let i = 0; i < 3000; i++) {
      const c = charge(r, i);
      const p = encodeQris(c);
      const d = decodeQris(p);
      expect(d.errors, `${i}: ${JSON.stringify(c)} → ${p}`).toEqual([]);
      expect(d.crcValid).toBe(true);
      expect(d.amount).toBe(c.amount);
      expect(d.fields['62']).toMatchObject({ '01': c.reference });
      expect(d.fields['59']).toBe(qrisText(c.merchant.name, 25));
      expect(p.length).toBeLessThanOrEqual(512);
    }
  });

  it('covers the amount edges and a changed character always breaks the CRC', () => {
    for (const amount of [1, 9, 10, 999_999, 10 ** 12, MAX_AMOUNT]) {
      const p = encodeQris({ merchant: SITI, amount, reference: 'JBL-1' });
      expect(decodeQris(p)).toMatchObject({ crcValid: true, errors: [], amount });
      const i = p.indexOf(`54${String(String(amount).length).padStart(2, '0')}`) + 4;
      const changed = p.slice(0, i) + (p[i] === '9' ? '8' : '9') + p.slice(i + 1);
      expect(decodeQris(changed).crcValid).toBe(false);
      expect(decodeQris(changed).errors.map((e) => e.code)).toContain('crc_mismatch');
    }
  });

  it('refuses what it cannot make valid, naming each field', () => {
    const refused = (c: Omit<Partial<QrisCharge>, 'merchant'> & { merchant?: Partial<QrisMerchant> }) => {
      try {
        encodeQris({ amount: 1000, reference: 'JBL-1', ...c, merchant: { ...SITI, ...c.merchant } } as QrisCharge);
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        expect((e as AppError).status).toBe(400);
        return (e as AppError).fields.map((f) => f.field);
      }
      throw new Error('not refused');
    };
    expect(refused({ merchant: { name: '😀 中文' } })).toEqual(['merchant.name']);
    expect(refused({ merchant: { city: '   ' } })).toEqual(['merchant.city']);
    expect(refused({ merchant: { nmid: 'ID123' } })).toEqual(['merchant.nmid']);
    expect(refused({ merchant: { mcc: '549' } })).toEqual(['merchant.mcc']);
    expect(refused({ merchant: { postalCode: '1322' } })).toEqual(['merchant.postalCode']);
    expect(refused({ merchant: { criteria: 'XXX' as 'UMI' } })).toEqual(['merchant.criteria']);
    expect(refused({ merchant: { acquirer: { guid: 'go jek', pan: '12' } } })).toEqual([
      'merchant.acquirer.guid',
      'merchant.acquirer.pan',
    ]);
    for (const amount of [0, -1, 1.5, MAX_AMOUNT + 1, Number.NaN]) expect(refused({ amount })).toEqual(['amount']);
    for (const reference of ['', 'JBL-é', 'X'.repeat(26), ' JBL-1'])
      expect(refused({ reference })).toEqual(['reference']);
    expect(refused({ terminal: 'T'.repeat(26) })).toEqual(['terminal']);
  });
});

describe('the QR image', () => {
  it('draws the payload as SVG and PNG with error correction M', async () => {
    const p = encodeQris({ merchant: SITI, amount: 50_000, reference: 'JBL-9' });
    const svg = await qrisSvg(p);
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
    expect(svg).toContain('<path');
    const png = await qrisPng(p, 320);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const qr = QRCode.create(p, { errorCorrectionLevel: 'M' });
    expect(qr.errorCorrectionLevel.bit).toBe(0); // M
    const text = (d: Uint8Array | string) => (typeof d === 'string' ? d : Buffer.from(d).toString('latin1'));
    expect(qr.segments.map((s) => text((s as unknown as { data: Uint8Array | string }).data)).join('')).toBe(p);
  });
});
