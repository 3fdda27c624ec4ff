// Reads any QRIS (EMVCo merchant-presented) payload, static or dynamic, from any wallet or bank, and says what is
// in it and everything wrong with it. It never throws: a broken payload is an answer with its errors.
// Facts: /work/shared/standards/qris.md (sections 1–5).
import { crc16 } from './crc.ts';
import { type QrisError, qrisError } from './errors.ts';
import { readTlv } from './tlv.ts';

export type QrisFields = Record<string, string | Record<string, string>>;

export interface QrisDecoded {
  /** The CRC in tag 63, at the end of the payload, matches the payload before it (up to and including `6304`). */
  crcValid: boolean;
  errors: QrisError[];
  /** Tag 54 as a number (rupiah), null when absent or malformed. */
  amount: number | null;
  /** Top-level tags; templates (26–51, 62, 64, 80–99) as objects keyed by sub-tag, values as strings. */
  fields: QrisFields;
}

export const MANDATORY: Record<string, string> = {
  '00': 'Payload Format Indicator',
  '01': 'Point of Initiation Method',
  '52': 'Merchant Category Code',
  '53': 'Transaction Currency',
  '58': 'Country Code',
  '59': 'Merchant Name',
  '60': 'Merchant City',
  '63': 'CRC',
};
export const MERCHANT_CRITERIA = ['UMI', 'UKE', 'UME', 'UBE', 'URE'] as const;
export const QRIS_GUID = 'ID.CO.QRIS.WWW';

const n = (tag: string) => Number(tag);
export const isMerchantAccountTemplate = (tag: string) => n(tag) >= 26 && n(tag) <= 51;
/** Tags whose value is itself a sequence of objects. */
export const isTemplate = (tag: string) =>
  isMerchantAccountTemplate(tag) || tag === '62' || tag === '64' || (n(tag) >= 80 && n(tag) <= 99);

// Digits with an optional decimal part of one or two digits (EMVCo "ans" amount, e.g. 17000 or 100000.00).
const AMOUNT = /^(?=.{1,13}$)\d+(\.\d{1,2})?$/;
const NOT_PRINTABLE = /[^\x20-\x7E]/;

export function decodeQris(payload: string): QrisDecoded {
  const errors: QrisError[] = [];
  const fields: QrisFields = {};
  if (payload.length === 0)
    return {
      crcValid: false,
      errors: [qrisError('empty', null), qrisError('missing_tag', '63', { name: 'CRC' })],
      amount: null,
      fields,
    };

  const bad = NOT_PRINTABLE.exec(payload);
  if (bad) errors.push(qrisError('character_invalid', null, { pos: bad.index }));

  const top = readTlv(payload);
  errors.push(...top.errors);
  const seen = new Map<string, string>();
  for (const { tag, value } of top.items) {
    if (seen.has(tag)) {
      errors.push(qrisError('duplicate_tag', tag));
      continue;
    }
    seen.set(tag, value);
    if (n(tag) >= 65 && n(tag) <= 79) errors.push(qrisError('reserved_tag', tag));
    fields[tag] = isTemplate(tag) ? readTemplate(tag, value, errors) : value;
  }

  // When the framing broke, what comes after the break is unread, not absent: no "missing" findings then.
  const framed = top.errors.length === 0;
  const first = top.items[0];
  if (first && first.tag !== '00') errors.push(qrisError('first_not_00', first.tag));
  const crcAt = top.items.findIndex((i) => i.tag === '63');
  if (crcAt >= 0 && (crcAt !== top.items.length - 1 || !framed)) errors.push(qrisError('crc_not_last', '63'));
  if (framed)
    for (const [tag, name] of Object.entries(MANDATORY))
      if (!seen.has(tag)) errors.push(qrisError('missing_tag', tag, { name }));

  const crcValid = checkCrc(payload, seen.get('63'), framed, errors);
  const amount = checkValues(seen, fields, framed, errors);
  return { crcValid, errors, amount, fields };
}

function readTemplate(tag: string, value: string, errors: QrisError[]): string | Record<string, string> {
  const inner = readTlv(value, tag);
  if (inner.errors.length > 0) {
    errors.push(qrisError('template_malformed', tag), ...inner.errors);
    return value; // unreadable as objects: kept whole, as it was
  }
  const out: Record<string, string> = {};
  for (const i of inner.items) {
    if (i.tag in out) errors.push(qrisError('duplicate_tag', `${tag}.${i.tag}`));
    else out[i.tag] = i.value;
  }
  return out;
}

/**
 * True when the payload ends in `6304` + the CRC of everything before those 4 digits. Where the framing broke
 * before tag 63 could be read, the end of the payload is still checked: a payload can be well summed and badly built.
 */
function checkCrc(payload: string, value: string | undefined, framed: boolean, errors: QrisError[]): boolean {
  if (value !== undefined && !/^[0-9A-F]{4}$/.test(value))
    errors.push(qrisError('crc_malformed', '63', { found: value }));
  const m = /6304([0-9A-Fa-f]{4})$/.exec(payload);
  if (!m || (value === undefined && framed)) return false;
  const expected = crc16(payload.slice(0, -4));
  const ok = m[1]!.toUpperCase() === expected;
  if (!ok && (value === undefined || value === m[1]))
    errors.push(qrisError('crc_mismatch', '63', { found: m[1]!, expected }));
  return ok;
}

function checkValues(
  seen: Map<string, string>,
  fields: QrisFields,
  framed: boolean,
  errors: QrisError[],
): number | null {
  const v = (tag: string) => seen.get(tag);
  const format = v('00');
  if (format !== undefined && format !== '01')
    errors.push(qrisError('payload_format_invalid', '00', { found: format }));
  const poi = v('01');
  if (poi !== undefined && poi !== '11' && poi !== '12') errors.push(qrisError('poi_invalid', '01', { found: poi }));

  const mcc = v('52');
  if (mcc !== undefined && !/^\d{4}$/.test(mcc)) errors.push(qrisError('mcc_invalid', '52', { found: mcc }));
  const currency = v('53');
  if (currency !== undefined) {
    if (!/^\d{3}$/.test(currency)) errors.push(qrisError('currency_malformed', '53', { found: currency }));
    else if (currency !== '360') errors.push(qrisError('currency_unknown', '53', { found: currency }));
  }
  const country = v('58');
  if (country !== undefined && country !== 'ID') errors.push(qrisError('country_invalid', '58', { found: country }));
  const name = v('59');
  if (name !== undefined && name.length > 25) errors.push(qrisError('name_invalid', '59', { length: name.length }));
  const city = v('60');
  if (city !== undefined && city.length > 15) errors.push(qrisError('city_invalid', '60', { length: city.length }));
  const postal = v('61');
  if (postal !== undefined && !/^\d{5}$/.test(postal))
    errors.push(qrisError('postal_code_invalid', '61', { found: postal }));

  let amount: number | null = null;
  const raw = v('54');
  if (raw !== undefined) {
    if (AMOUNT.test(raw) && Number(raw) > 0) amount = Number(raw);
    else errors.push(qrisError('amount_malformed', '54', { found: raw }));
  } else if (poi === '12' && framed) errors.push(qrisError('amount_missing', '54'));

  const tip = v('55');
  if (tip !== undefined) {
    if (!['01', '02', '03'].includes(tip)) errors.push(qrisError('tip_indicator_invalid', '55', { found: tip }));
    const feeTag = tip === '02' ? '56' : tip === '03' ? '57' : null;
    const fee = feeTag ? v(feeTag) : undefined;
    if (feeTag && fee === undefined) errors.push(qrisError('convenience_fee_missing', feeTag, { indicator: tip }));
    if (feeTag && fee !== undefined && !AMOUNT.test(fee))
      errors.push(qrisError('convenience_fee_malformed', feeTag, { found: fee }));
  }

  checkMerchantAccounts(fields, framed, errors);
  const extra = fields['62'];
  if (typeof extra === 'object')
    for (const [sub, value] of Object.entries(extra))
      if (Number(sub) <= 49 && value.length > 25)
        errors.push(qrisError('value_too_long', `62.${sub}`, { length: value.length, max: 25 }));
  return amount;
}

function checkMerchantAccounts(fields: QrisFields, framed: boolean, errors: QrisError[]): void {
  const accounts = Object.keys(fields).filter(isMerchantAccountTemplate);
  if (accounts.length === 0 && framed) errors.push(qrisError('merchant_account_missing', null));
  for (const tag of accounts) {
    const t = fields[tag];
    if (typeof t !== 'object') continue; // already reported as template_malformed
    if (t['00'] === undefined) errors.push(qrisError('guid_missing', tag));
    const criteria = t['03'];
    if (criteria !== undefined && !(MERCHANT_CRITERIA as readonly string[]).includes(criteria))
      errors.push(qrisError('merchant_criteria_invalid', `${tag}.03`, { found: criteria }));
    if (tag === '51') {
      if (t['00'] !== undefined && t['00'] !== QRIS_GUID)
        errors.push(qrisError('qris_guid_invalid', '51.00', { found: t['00'] }));
      if (t['02'] !== undefined && !/^ID\d{13}$/.test(t['02']))
        errors.push(qrisError('nmid_invalid', '51.02', { found: t['02'] }));
      continue;
    }
    const pan = t['01'];
    if (pan === undefined) continue;
    // No Luhn check: most real mPANs we hold (GoPay, ShopeePay, Nobu, Telkom) fail one, so it is not a rule.
    if (!/^\d{16,19}$/.test(pan)) errors.push(qrisError('mpan_invalid', `${tag}.01`, { found: pan }));
  }
}
