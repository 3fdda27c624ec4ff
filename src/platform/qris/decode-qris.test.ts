// The decoder against real payloads of Indonesian wallets and banks (copied as test data only; every CRC below was
// recomputed here and matches), and against one broken payload per error class.
import { afterAll, describe, expect, it } from 'vitest';
import { crc16 } from './crc.ts';
import { decodeQris } from './decode-qris.ts';
import { QRIS_ERROR_CODES, type QrisErrorCode } from './errors.ts';
import { tlv } from './tlv.ts';

// Real payloads from public sources (see the commit message for where each was found).
const REAL = {
  // GoPay, one shop: its static sticker and two dynamic codes the GoPay app made (Rp 17.000 and Rp 20.000), with
  // GoPay's one-time token in 62/50.
  gopayStatic:
    '00020101021126610014COM.GO-JEK.WWW01189360091434648855360210G4648855360303UMI51440014ID.CO.QRIS.WWW0215ID10265722425390303UMI5204549953033605802ID5920Toko Berkah, BNY NYR6011PROBOLINGGO61056727562070703A0163043165',
  gopayDynamic17k:
    '00020101021226610014COM.GO-JEK.WWW01189360091434648855360210G4648855360303UMI51440014ID.CO.QRIS.WWW0215ID10265722425390303UMI5204549953033605405170005802ID5920Toko Berkah, BNY NYR6011PROBOLINGGO61056727562395028A120260818025055rNt8gS9Lx9ID0703A016304174B',
  gopayDynamic20k:
    '00020101021226610014COM.GO-JEK.WWW01189360091434648855360210G4648855360303UMI51440014ID.CO.QRIS.WWW0215ID10265722425390303UMI5204549953033605405200005802ID5920Toko Berkah, BNY NYR6011PROBOLINGGO61056727562395028A120260818025109DUwv5q4b8ZID0703A0163042969',
  // ShopeePay, a mall in Jakarta Selatan, merchant criteria UME (from a payment notification's qrContent).
  shopeePay:
    '00020101021126570016ID.CO.SHOPEE.WWW0118936009180000001402020413500303UME51440014ID.CO.QRIS.WWW0215ID10190045322970303UME5204581253033605802ID5925Gulu Gulu Mall Ambassador6015Jakarta Selatan61051294062070703A01630494FA',
  // Telkom (LinkAja's issuer), with tag 55 = 01 (the payer is prompted for a tip) and a reference label in 62/05.
  telkomTip:
    '00020101021126680016ID.CO.TELKOM.WWW011893600898026635207502150001952663520750303UMI51440014ID.CO.QRIS.WWW0215ID10211254059720303UMI5204549953033605502015802ID5906BIOLBE6011KAB. MALANG610565168622005091147938120703A03630404CB',
  // Bank Nobu, 25-character name limit reached.
  nobu: '00020101021126670016COM.NOBUBANK.WWW01189360050300000879140214703239147837910303UMI51440014ID.CO.QRIS.WWW0215ID20232709941630303UMI5204481253033605802ID5923GRANOOL STORE OK12295776006KEDIRI61056421262070703A0163047127',
  // GoPay, Jakarta Selatan, a 25-character name ending in a space.
  gopayJakarta:
    '00020101021126610014COM.GO-JEK.WWW01189360091434970566750210G4970566750303UMI51440014ID.CO.QRIS.WWW0215ID10254118460050303UMI5204899953033605802ID5925Scalify Panel, Digital & 6015JAKARTA SELATAN61051200062070703A016304CD45',
  // OttoCash development merchant: CRC right, but 51/02 is a 9-digit placeholder instead of an NMID.
  ottoCashDev:
    '00020101021126640015ID.OTTOCASH.WWW01189360081101000164420212OP1A015518050303UMI51380014ID.CO.QRIS.WWW02099999999990303UMI5204999953033605802ID5922Toko Testing Diana Dev6007Jakarta610512950623905121145001203199612OP1A015518050703A0163040A7C',
  // A parser's README sample with a CRC that is not hex ("M2B3").
  notHexCrc:
    '00020101021126610014COM.GO-JEK.WWW01189360091234285490450210G6285936550303UMI51440014ID.CO.QRIS.WWW0215ID10253801632580303UMI5204504553033605802ID5910Misterdevs6007JAKARTA61051234562070703A016304M2B3',
  // A generator library's own example: right CRC, but no tag 52 and a 2-digit "mPAN".
  libraryNoMcc:
    '00020101021226380016ID.CO.SHOPEE.WWW010201020815863724530336054061440005802ID5921PT. SHOPPEE INDONESIA6007JAKARTA62180814gen by go-qris63049635',
};

const seen = new Set<QrisErrorCode>();
const codesOf = (payload: string) => {
  const d = decodeQris(payload);
  for (const e of d.errors) seen.add(e.code);
  return d.errors.map((e) => [e.code, e.tag]);
};

describe('CRC-16/CCITT-FALSE', () => {
  it('has the standard check value and zero-pads', () => {
    expect(crc16('123456789')).toBe('29B1');
    expect(crc16('')).toBe('FFFF');
    expect(crc16('A')).toMatch(/^[0-9A-F]{4}$/);
  });
});

describe('real payloads', () => {
  it('reads static and dynamic codes of GoPay, ShopeePay, Telkom and Nobu without an error', () => {
    for (const key of [
      'gopayStatic',
      'gopayDynamic17k',
      'gopayDynamic20k',
      'shopeePay',
      'telkomTip',
      'nobu',
      'gopayJakarta',
    ] as const) {
      const d = decodeQris(REAL[key]);
      expect(d.errors, key).toEqual([]);
      expect(d.crcValid, key).toBe(true);
    }
  });

  it('gives the fields, nested templates as objects keyed by sub-tag', () => {
    const d = decodeQris(REAL.gopayDynamic17k);
    expect(d.amount).toBe(17000);
    expect(d.fields).toEqual({
      '00': '01',
      '01': '12',
      '26': { '00': 'COM.GO-JEK.WWW', '01': '936009143464885536', '02': 'G464885536', '03': 'UMI' },
      '51': { '00': 'ID.CO.QRIS.WWW', '02': 'ID1026572242539', '03': 'UMI' },
      '52': '5499',
      '53': '360',
      '54': '17000',
      '58': 'ID',
      '59': 'Toko Berkah, BNY NYR',
      '60': 'PROBOLINGGO',
      '61': '67275',
      '62': { '50': 'A120260818025055rNt8gS9Lx9ID', '07': 'A01' },
      '63': '174B',
    });
    expect(decodeQris(REAL.gopayDynamic20k).amount).toBe(20000);
    expect(decodeQris(REAL.gopayStatic).amount).toBeNull();
    expect(decodeQris(REAL.telkomTip).fields['62']).toEqual({ '05': '114793812', '07': 'A03' });
    expect(decodeQris(REAL.telkomTip).fields['55']).toBe('01');
  });

  it('reports what is wrong in real but broken payloads', () => {
    expect(codesOf(REAL.ottoCashDev)).toEqual([['nmid_invalid', '51.02']]);
    expect(decodeQris(REAL.ottoCashDev).crcValid).toBe(true);
    expect(codesOf(REAL.notHexCrc)).toEqual([['crc_malformed', '63']]);
    expect(decodeQris(REAL.notHexCrc).crcValid).toBe(false);
    expect(codesOf(REAL.libraryNoMcc)).toEqual([
      ['missing_tag', '52'],
      ['mpan_invalid', '26.01'],
    ]);
    expect(decodeQris(REAL.libraryNoMcc).amount).toBe(144000);
  });

  it('says the CRC is wrong when any one character of a real payload changes', () => {
    const p = REAL.gopayDynamic17k;
    for (let i = 0; i < p.length; i++) {
      const c = p[i] === '7' ? '8' : '7';
      expect(decodeQris(p.slice(0, i) + c + p.slice(i + 1)).crcValid, `position ${i}`).toBe(false);
    }
  });
});

// A valid dynamic payload as [tag, value] pairs, to break one thing at a time.
const OBJECTS: [string, string][] = [
  ['00', '01'],
  ['01', '12'],
  ['26', tlv('00', 'COM.GO-JEK.WWW') + tlv('01', '936009143464885536') + tlv('03', 'UMI')],
  ['51', tlv('00', 'ID.CO.QRIS.WWW') + tlv('02', 'ID1026572242539') + tlv('03', 'UMI')],
  ['52', '5499'],
  ['53', '360'],
  ['54', '25000'],
  ['58', 'ID'],
  ['59', 'Warung Bu Siti'],
  ['60', 'JAKARTA TIMUR'],
  ['61', '13220'],
  ['62', tlv('01', 'JBL-000123-1')],
];
const withCrc = (body: string) => `${body}6304${crc16(`${body}6304`)}`;
const build = (objs: [string, string][]) => withCrc(objs.map(([t, v]) => tlv(t, v)).join(''));
const set = (tag: string, value: string) => build(OBJECTS.map(([t, v]) => [t, t === tag ? value : v]));
const without = (tag: string) => build(OBJECTS.filter(([t]) => t !== tag));
const body = (objs = OBJECTS) => objs.map(([t, v]) => tlv(t, v)).join('');

describe('structural errors, one class at a time', () => {
  it('accepts the unbroken payload', () => {
    expect(codesOf(build(OBJECTS))).toEqual([]);
  });

  it('reads the frame: ID, length, value, up to the end exactly', () => {
    expect(codesOf('')).toEqual([
      ['empty', null],
      ['missing_tag', '63'],
    ]);
    expect(codesOf(withCrc(`${body()}5A02ID`))).toContainEqual(['tag_not_numeric', null]);
    expect(codesOf(withCrc(body()).replace('5204', '52A4'))).toContainEqual(['length_not_numeric', '52']);
    expect(codesOf(withCrc(`${body()}6400`))).toContainEqual(['length_zero', '64']);
    const whole = build(OBJECTS);
    // What follows a break is unread, not missing: the break is the one finding.
    expect(codesOf(whole.slice(0, 60))).toEqual([['truncated', '26']]);
    expect(codesOf(whole.slice(0, -1))).toContainEqual(['truncated', '63']);
    expect(codesOf(`${whole}5`)).toContainEqual(['tag_not_numeric', null]);
    expect(codesOf(`${whole}58`)).toContainEqual(['truncated', '58']);
  });

  it('still checks the sum of a payload whose framing broke before tag 63', () => {
    const broken = withCrc(`${body()}5A02ID`);
    expect(decodeQris(broken).crcValid).toBe(true);
    expect(codesOf(broken)).toEqual([['tag_not_numeric', null]]);
    const tampered = `${broken.slice(0, 10)}9${broken.slice(11)}`;
    expect(decodeQris(tampered).crcValid).toBe(false);
    expect(codesOf(tampered)).toContainEqual(['crc_mismatch', '63']);
  });

  it('requires 00 first, 63 last, each mandatory tag once and no reserved tag', () => {
    for (const tag of ['00', '01', '52', '53', '58', '59', '60'])
      expect(codesOf(without(tag)), tag).toContainEqual(['missing_tag', tag]);
    expect(codesOf(body())).toContainEqual(['missing_tag', '63']);
    expect(decodeQris(body()).crcValid).toBe(false);
    const [first, second, ...rest] = OBJECTS;
    expect(codesOf(build([second!, first!, ...rest]))).toContainEqual(['first_not_00', '01']);
    expect(codesOf(`${build(OBJECTS)}5802ID`)).toContainEqual(['crc_not_last', '63']);
    expect(codesOf(build([...OBJECTS, ['58', 'ID']]))).toContainEqual(['duplicate_tag', '58']);
    expect(codesOf(build([...OBJECTS, ['70', 'X']]))).toContainEqual(['reserved_tag', '70']);
    expect(codesOf(set('62', tlv('01', 'A') + tlv('01', 'B')))).toContainEqual(['duplicate_tag', '62.01']);
  });

  it('checks the CRC and its form', () => {
    const good = build(OBJECTS);
    const wrong = `${good.slice(0, -4)}${good.endsWith('0000') ? '0001' : '0000'}`;
    const d = decodeQris(wrong);
    expect(d.crcValid).toBe(false);
    expect(codesOf(wrong)).toEqual([['crc_mismatch', '63']]);
    expect(d.errors[0]!.message.en).toContain(good.slice(-4));
    expect(codesOf(`${good.slice(0, -4)}ZZZZ`)).toEqual([['crc_malformed', '63']]);
    const lower = `${good.slice(0, -4)}${good.slice(-4).toLowerCase()}`;
    if (lower !== good) expect(decodeQris(lower).crcValid).toBe(true); // right sum, wrong form: reported apart
  });

  it('checks values: format, initiation, amount, currency, country, MCC, name, city, postal code', () => {
    expect(codesOf(set('00', '02'))).toEqual([['payload_format_invalid', '00']]);
    expect(codesOf(set('01', '13'))).toEqual([['poi_invalid', '01']]);
    for (const bad of ['12,000', '-5', '0', '0.00', '1.234', '12345678901234', '1e5', ' 100'])
      expect(codesOf(set('54', bad)), bad).toEqual([['amount_malformed', '54']]);
    expect(decodeQris(set('54', '100000.00')).amount).toBe(100000);
    expect(decodeQris(set('54', '9999999999999')).amount).toBe(9_999_999_999_999);
    expect(codesOf(without('54'))).toEqual([['amount_missing', '54']]);
    expect(codesOf(build(OBJECTS.filter(([t]) => t !== '54').map(([t, v]) => [t, t === '01' ? '11' : v])))).toEqual([]);
    expect(codesOf(set('53', '840'))).toEqual([['currency_unknown', '53']]);
    expect(codesOf(set('53', 'IDR'))).toEqual([['currency_malformed', '53']]);
    expect(codesOf(set('58', 'SG'))).toEqual([['country_invalid', '58']]);
    expect(codesOf(set('52', '54A9'))).toEqual([['mcc_invalid', '52']]);
    expect(codesOf(set('59', 'W'.repeat(26)))).toEqual([['name_invalid', '59']]);
    expect(codesOf(set('60', 'KOTA ADM JAKARTA TIMUR'))).toEqual([['city_invalid', '60']]);
    expect(codesOf(set('61', '1322'))).toEqual([['postal_code_invalid', '61']]);
    expect(codesOf(set('62', tlv('01', 'X'.repeat(26))))).toEqual([['value_too_long', '62.01']]);
    expect(codesOf(set('59', 'Warung Bu Sití'))).toContainEqual(['character_invalid', null]);
  });

  it('checks the tip and convenience fee tags', () => {
    const tip = (objs: [string, string][]) => build([...OBJECTS.slice(0, 7), ...objs, ...OBJECTS.slice(7)]);
    expect(codesOf(tip([['55', '01']]))).toEqual([]);
    expect(codesOf(tip([['55', '04']]))).toEqual([['tip_indicator_invalid', '55']]);
    expect(codesOf(tip([['55', '02']]))).toEqual([['convenience_fee_missing', '56']]);
    expect(codesOf(tip([['55', '03']]))).toEqual([['convenience_fee_missing', '57']]);
    expect(
      codesOf(
        tip([
          ['55', '02'],
          ['56', '1.000'],
        ]),
      ),
    ).toEqual([['convenience_fee_malformed', '56']]);
    expect(
      codesOf(
        tip([
          ['55', '03'],
          ['57', '5.00'],
        ]),
      ),
    ).toEqual([]);
  });

  it('checks the merchant account templates', () => {
    expect(codesOf(build(OBJECTS.filter(([t]) => t !== '26' && t !== '51')))).toEqual([
      ['merchant_account_missing', null],
    ]);
    expect(codesOf(set('26', 'not a template'))).toEqual([
      ['template_malformed', '26'],
      ['tag_not_numeric', '26'],
    ]);
    expect(decodeQris(set('26', 'not a template')).fields['26']).toBe('not a template');
    expect(codesOf(set('26', tlv('01', '936009143464885536')))).toEqual([['guid_missing', '26']]);
    expect(codesOf(set('26', tlv('00', 'COM.GO-JEK.WWW') + tlv('01', '9360')))).toEqual([['mpan_invalid', '26.01']]);
    expect(codesOf(set('51', tlv('00', 'ID.CO.QRIS') + tlv('02', 'ID1026572242539')))).toEqual([
      ['qris_guid_invalid', '51.00'],
    ]);
    expect(codesOf(set('51', tlv('00', 'ID.CO.QRIS.WWW') + tlv('02', 'ID102657224')))).toEqual([
      ['nmid_invalid', '51.02'],
    ]);
    expect(codesOf(set('51', tlv('00', 'ID.CO.QRIS.WWW') + tlv('03', 'UMK')))).toEqual([
      ['merchant_criteria_invalid', '51.03'],
    ]);
  });

  it('reads the language template (64) and unreserved templates (80–99) as nested objects', () => {
    const d = decodeQris(
      build([...OBJECTS, ['64', tlv('00', 'ID') + tlv('01', 'WARUNG SITI')], ['80', tlv('00', 'X.Y')]]),
    );
    expect(d.errors).toEqual([]);
    expect(d.fields['64']).toEqual({ '00': 'ID', '01': 'WARUNG SITI' });
    expect(d.fields['80']).toEqual({ '00': 'X.Y' });
  });
});

afterAll(() => {
  // Every error class the decoder knows was produced by a test above.
  expect(QRIS_ERROR_CODES.filter((c) => !seen.has(c))).toEqual([]);
});
