// What the QRIS decoder finds wrong in a payload: a stable code, the tag it concerns ('62.05' inside a template,
// null for the payload as a whole) and the reason in Indonesian and English. These are findings inside a 200
// answer of the decoder, not problem codes of the API (those are platform/http/error-codes.ts).
import type { Bilingual } from '../http/problem.ts';

export const QRIS_ERROR_CODES = [
  'empty',
  'character_invalid',
  'tag_not_numeric',
  'length_not_numeric',
  'length_zero',
  'truncated',
  'duplicate_tag',
  'reserved_tag',
  'first_not_00',
  'crc_not_last',
  'missing_tag',
  'payload_format_invalid',
  'poi_invalid',
  'crc_malformed',
  'crc_mismatch',
  'amount_missing',
  'amount_malformed',
  'currency_malformed',
  'currency_unknown',
  'country_invalid',
  'mcc_invalid',
  'name_invalid',
  'city_invalid',
  'postal_code_invalid',
  'tip_indicator_invalid',
  'convenience_fee_missing',
  'convenience_fee_malformed',
  'template_malformed',
  'merchant_account_missing',
  'guid_missing',
  'qris_guid_invalid',
  'nmid_invalid',
  'merchant_criteria_invalid',
  'mpan_invalid',
  'value_too_long',
] as const;

export type QrisErrorCode = (typeof QRIS_ERROR_CODES)[number];

export interface QrisError {
  code: QrisErrorCode;
  /** The tag concerned: '54', or '51.02' inside a template; null for the payload as a whole. */
  tag: string | null;
  message: Bilingual;
}

type Detail = Record<string, string | number>;

const MESSAGES: Record<QrisErrorCode, (t: string, d: Detail) => Bilingual> = {
  empty: () => ({ id: 'Payload kosong.', en: 'The payload is empty.' }),
  character_invalid: (_, d) => ({
    id: `Karakter di posisi ${d.pos} bukan ASCII yang dapat dicetak; QRIS hanya memakai karakter ASCII.`,
    en: `The character at position ${d.pos} is not printable ASCII; QRIS uses ASCII characters only.`,
  }),
  tag_not_numeric: (_, d) => ({
    id: `ID di posisi ${d.pos} ("${d.found}") bukan dua angka; sisa payload tidak dapat dibaca.`,
    en: `The ID at position ${d.pos} ("${d.found}") is not two digits; the rest cannot be read.`,
  }),
  length_not_numeric: (t, d) => ({
    id: `Panjang tag ${t} di posisi ${d.pos} ("${d.found}") bukan dua angka.`,
    en: `The length of tag ${t} at position ${d.pos} ("${d.found}") is not two digits.`,
  }),
  length_zero: (t) => ({
    id: `Tag ${t} berpanjang 00; panjang harus 01–99.`,
    en: `Tag ${t} has length 00; it must be 01–99.`,
  }),
  truncated: (t, d) => ({
    id: `Tag ${t} terpotong: perlu ${d.need} karakter, tersisa ${d.have}.`,
    en: `Tag ${t} is truncated: it needs ${d.need} characters, ${d.have} remain.`,
  }),
  duplicate_tag: (t) => ({ id: `Tag ${t} muncul lebih dari sekali.`, en: `Tag ${t} appears more than once.` }),
  reserved_tag: (t) => ({
    id: `Tag ${t} dicadangkan EMVCo (65–79) dan tidak boleh dipakai.`,
    en: `Tag ${t} is reserved by EMVCo (65–79) and must not be used.`,
  }),
  first_not_00: (t) => ({
    id: `Objek pertama harus tag 00, bukan ${t}.`,
    en: `The first object must be tag 00, not ${t}.`,
  }),
  crc_not_last: () => ({
    id: 'Tag 63 (CRC) harus menjadi objek terakhir.',
    en: 'Tag 63 (CRC) must be the last object.',
  }),
  missing_tag: (t, d) => ({
    id: `Tag wajib ${t} (${d.name}) tidak ada.`,
    en: `Mandatory tag ${t} (${d.name}) is missing.`,
  }),
  payload_format_invalid: (_, d) => ({
    id: `Tag 00 harus "01", bukan "${d.found}".`,
    en: `Tag 00 must be "01", not "${d.found}".`,
  }),
  poi_invalid: (_, d) => ({
    id: `Tag 01 harus "11" (statis) atau "12" (dinamis), bukan "${d.found}".`,
    en: `Tag 01 must be "11" (static) or "12" (dynamic), not "${d.found}".`,
  }),
  crc_malformed: (_, d) => ({
    id: `CRC "${d.found}" bukan 4 digit heksadesimal huruf besar.`,
    en: `CRC "${d.found}" is not 4 upper-case hex digits.`,
  }),
  crc_mismatch: (_, d) => ({
    id: `CRC salah: tertulis ${d.found}, seharusnya ${d.expected}.`,
    en: `Wrong CRC: it says ${d.found}, it should be ${d.expected}.`,
  }),
  amount_missing: () => ({
    id: 'QRIS dinamis (tag 01 = "12") wajib memuat nominal di tag 54.',
    en: 'A dynamic QRIS (tag 01 = "12") must carry the amount in tag 54.',
  }),
  amount_malformed: (t, d) => ({
    id: `Nominal di tag ${t} ("${d.found}") harus angka positif, paling banyak 2 desimal dan 13 karakter.`,
    en: `The amount in tag ${t} ("${d.found}") must be a positive number, at most 2 decimals and 13 characters.`,
  }),
  currency_malformed: (_, d) => ({
    id: `Mata uang "${d.found}" bukan kode numerik ISO 4217 tiga angka.`,
    en: `Currency "${d.found}" is not a three-digit ISO 4217 numeric code.`,
  }),
  currency_unknown: (_, d) => ({
    id: `Mata uang ${d.found} tidak dikenal QRIS; QRIS memakai 360 (rupiah).`,
    en: `Currency ${d.found} is unknown to QRIS; QRIS uses 360 (rupiah).`,
  }),
  country_invalid: (_, d) => ({
    id: `Kode negara harus "ID", bukan "${d.found}".`,
    en: `The country code must be "ID", not "${d.found}".`,
  }),
  mcc_invalid: (_, d) => ({
    id: `Kode kategori merchant "${d.found}" harus 4 angka.`,
    en: `Merchant category code "${d.found}" must be 4 digits.`,
  }),
  name_invalid: (_, d) => ({
    id: `Nama merchant berisi ${d.length} karakter; batasnya 1–25.`,
    en: `The merchant name has ${d.length} characters; the limit is 1–25.`,
  }),
  city_invalid: (_, d) => ({
    id: `Kota merchant berisi ${d.length} karakter; batasnya 1–15.`,
    en: `The merchant city has ${d.length} characters; the limit is 1–15.`,
  }),
  postal_code_invalid: (_, d) => ({
    id: `Kode pos "${d.found}" bukan 5 angka.`,
    en: `Postal code "${d.found}" is not 5 digits.`,
  }),
  tip_indicator_invalid: (_, d) => ({
    id: `Tag 55 harus "01", "02" atau "03", bukan "${d.found}".`,
    en: `Tag 55 must be "01", "02" or "03", not "${d.found}".`,
  }),
  convenience_fee_missing: (t, d) => ({
    id: `Tag 55 = "${d.indicator}" mewajibkan tag ${t}.`,
    en: `Tag 55 = "${d.indicator}" requires tag ${t}.`,
  }),
  convenience_fee_malformed: (t, d) => ({
    id: `Biaya di tag ${t} ("${d.found}") bukan angka yang sah.`,
    en: `The fee in tag ${t} ("${d.found}") is not a valid number.`,
  }),
  template_malformed: (t) => ({
    id: `Isi template ${t} bukan rangkaian objek ID-panjang-nilai yang utuh.`,
    en: `The content of template ${t} is not a complete sequence of ID-length-value objects.`,
  }),
  merchant_account_missing: () => ({
    id: 'Tidak ada informasi akun merchant (template 26–51).',
    en: 'No merchant account information (templates 26–51).',
  }),
  guid_missing: (t) => ({
    id: `Template ${t} tidak memuat sub-tag 00 (pengenal unik global).`,
    en: `Template ${t} lacks sub-tag 00 (globally unique identifier).`,
  }),
  qris_guid_invalid: (_, d) => ({
    id: `Template 51 harus berpengenal "ID.CO.QRIS.WWW", bukan "${d.found}".`,
    en: `Template 51 must have the identifier "ID.CO.QRIS.WWW", not "${d.found}".`,
  }),
  nmid_invalid: (t, d) => ({
    id: `NMID di ${t} ("${d.found}") harus "ID" diikuti 13 angka.`,
    en: `The NMID in ${t} ("${d.found}") must be "ID" followed by 13 digits.`,
  }),
  merchant_criteria_invalid: (t, d) => ({
    id: `Kriteria merchant di ${t} ("${d.found}") harus UMI, UKE, UME, UBE atau URE.`,
    en: `The merchant criteria in ${t} ("${d.found}") must be UMI, UKE, UME, UBE or URE.`,
  }),
  mpan_invalid: (t, d) => ({
    id: `mPAN di ${t} ("${d.found}") harus 16–19 angka.`,
    en: `The mPAN in ${t} ("${d.found}") must be 16–19 digits.`,
  }),
  value_too_long: (t, d) => ({
    id: `Nilai tag ${t} berisi ${d.length} karakter; batasnya ${d.max}.`,
    en: `The value of tag ${t} has ${d.length} characters; the limit is ${d.max}.`,
  }),
};

export function qrisError(code: QrisErrorCode, tag: string | null, detail: Detail = {}): QrisError {
  return { code, tag, message: MESSAGES[code](tag ?? '', detail) };
}
