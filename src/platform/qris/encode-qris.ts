// Writes a dynamic QRIS payload (EMVCo merchant-presented mode, tag 01 = "12") for one payment: the merchant's
// account templates, the amount in whole rupiah and the reference (an order number) in tag 62, with its CRC.
// Free text (name, city) is normalised to what QRIS carries; anything that cannot be made valid is refused, so
// the result always decodes without errors (decode-qris.ts; the round trip is tested over many inputs).
import { type FieldError, fieldError, validationFailed } from '../http/problem.ts';
import { crc16 } from './crc.ts';
import { MERCHANT_CRITERIA, QRIS_GUID } from './decode-qris.ts';
import { tlv } from './tlv.ts';

export type MerchantCriteria = (typeof MERCHANT_CRITERIA)[number];

/** A merchant as QRIS knows it: the national template (tag 51) and, where it has one, its PJSP's (tag 26). */
export interface QrisMerchant {
  name: string;
  city: string;
  postalCode?: string | null;
  /** ISO 18245 merchant category code, 4 digits (e.g. 5499 misc. food stores). */
  mcc: string;
  /** National Merchant ID: "ID" + 13 digits (tag 51 sub-tag 02). */
  nmid: string;
  criteria: MerchantCriteria;
  /** The PJSP's own template as printed on the merchant's sticker (GUID such as COM.GO-JEK.WWW, mPAN, id). */
  acquirer?: { guid: string; pan: string; merchantId?: string | null } | null;
}

export interface QrisCharge {
  merchant: QrisMerchant;
  /** Whole rupiah, 1 … 9,999,999,999,999 (tag 54 holds 13 characters). */
  amount: number;
  /** The order number: tag 62 bill number (01) and reference label (05). Printable ASCII, 1–25 characters. */
  reference: string;
  /** Tag 62 terminal label (07), e.g. a hub or a booth; optional. */
  terminal?: string | null;
}

export const MAX_AMOUNT = 9_999_999_999_999;
const PRINTABLE = /^[\x20-\x7E]+$/;

/** Text as QRIS carries it: diacritics dropped (é → e), other non-ASCII removed, spaces collapsed, cut to `max`. */
export function qrisText(text: string, max: number): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u201A\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[^\x20-\x7E]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
    .trimEnd();
}

export function encodeQris(charge: QrisCharge): string {
  const { merchant: m } = charge;
  const problems: FieldError[] = [];
  const refuse = (field: string, id: string, en: string) => problems.push(fieldError(field, 'qris_invalid', id, en));

  const name = qrisText(m.name, 25);
  const city = qrisText(m.city, 15);
  if (!name)
    refuse('merchant.name', 'Nama merchant kosong setelah dinormalkan.', 'The merchant name is empty once normalised.');
  if (!city)
    refuse('merchant.city', 'Kota merchant kosong setelah dinormalkan.', 'The merchant city is empty once normalised.');
  if (!/^\d{4}$/.test(m.mcc)) refuse('merchant.mcc', 'MCC harus 4 angka.', 'The MCC must be 4 digits.');
  if (!/^ID\d{13}$/.test(m.nmid))
    refuse('merchant.nmid', 'NMID harus "ID" diikuti 13 angka.', 'The NMID must be "ID" followed by 13 digits.');
  if (!(MERCHANT_CRITERIA as readonly string[]).includes(m.criteria))
    refuse('merchant.criteria', 'Kriteria merchant tidak dikenal.', 'Unknown merchant criteria.');
  if (m.postalCode != null && !/^\d{5}$/.test(m.postalCode))
    refuse('merchant.postalCode', 'Kode pos harus 5 angka.', 'The postal code must be 5 digits.');
  const a = m.acquirer;
  if (a && !/^[A-Z0-9.-]{1,32}$/.test(a.guid))
    refuse('merchant.acquirer.guid', 'GUID PJSP tidak sah.', 'The PJSP GUID is not valid.');
  if (a && !/^\d{16,19}$/.test(a.pan))
    refuse('merchant.acquirer.pan', 'mPAN harus 16–19 angka.', 'The mPAN must be 16–19 digits.');
  if (a?.merchantId != null && !/^[\x21-\x7E]{1,15}$/.test(a.merchantId))
    refuse('merchant.acquirer.merchantId', 'ID merchant PJSP tidak sah.', 'The PJSP merchant id is not valid.');
  if (!Number.isSafeInteger(charge.amount) || charge.amount < 1 || charge.amount > MAX_AMOUNT)
    refuse(
      'amount',
      'Nominal harus rupiah bulat 1 sampai 13 digit.',
      'The amount must be whole rupiah, 1 to 13 digits.',
    );
  if (!PRINTABLE.test(charge.reference) || charge.reference.length > 25 || charge.reference.trim() !== charge.reference)
    refuse('reference', 'Nomor referensi harus 1–25 karakter ASCII.', 'The reference must be 1–25 ASCII characters.');
  if (charge.terminal != null && (!PRINTABLE.test(charge.terminal) || charge.terminal.length > 25))
    refuse(
      'terminal',
      'Label terminal harus 1–25 karakter ASCII.',
      'The terminal label must be 1–25 ASCII characters.',
    );
  if (problems.length > 0) throw validationFailed(problems);

  const body = [
    tlv('00', '01'),
    tlv('01', '12'),
    a
      ? tlv(
          '26',
          tlv('00', a.guid) + tlv('01', a.pan) + (a.merchantId ? tlv('02', a.merchantId) : '') + tlv('03', m.criteria),
        )
      : '',
    tlv('51', tlv('00', QRIS_GUID) + tlv('02', m.nmid) + tlv('03', m.criteria)),
    tlv('52', m.mcc),
    tlv('53', '360'),
    tlv('54', String(charge.amount)),
    tlv('58', 'ID'),
    tlv('59', name),
    tlv('60', city),
    m.postalCode ? tlv('61', m.postalCode) : '',
    tlv(
      '62',
      tlv('01', charge.reference) + tlv('05', charge.reference) + (charge.terminal ? tlv('07', charge.terminal) : ''),
    ),
    '6304',
  ].join('');
  return body + crc16(body);
}
