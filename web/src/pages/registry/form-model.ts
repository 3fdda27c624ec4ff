/**
 * The registration form as data: the draft kept on the device, the request body sent to the register, the
 * checks made before sending, and the mapping of the server's field paths back to the form. No React here, so it
 * is unit-tested.
 */
import { formatNumber } from '../../../../src/platform/money.ts';
import { isNegative } from '../../ui/rupiah.ts';

export interface KbliChoice {
  code: string;
  title: string;
}

export type BusinessKind = 'jakpreneur' | 'non_jakpreneur' | 'cooperative';

/** Everything typed so far, as typed (strings), so a half-filled form survives a reload unchanged. */
export interface RegistrationDraft {
  owner: { fullName: string; nik: string; nikConfirmed: boolean; phone: string; email: string };
  business: {
    name: string;
    kind: BusinessKind;
    nib: string;
    npwp: string;
    kbli: KbliChoice[];
    city: string;
    district: string;
    villageCode: string;
    address: string;
    postalCode: string;
    startYear: string;
    workers: string;
    capital: string; // digits only
    annualSales: string; // digits only; empty = no full year of sales yet
    fosteringAgencyId: string;
  };
}

export function emptyDraft(prefill: { fullName?: string; phone?: string } = {}): RegistrationDraft {
  return {
    owner: { fullName: prefill.fullName ?? '', nik: '', nikConfirmed: false, phone: prefill.phone ?? '', email: '' },
    business: {
      name: '',
      kind: 'jakpreneur',
      nib: '',
      npwp: '',
      kbli: [],
      city: '',
      district: '',
      villageCode: '',
      address: '',
      postalCode: '',
      startYear: '',
      workers: '',
      capital: '',
      annualSales: '',
      fosteringAgencyId: '',
    },
  };
}

/** Fields the form checks itself before sending, by the form's field name, with the reason (an area text key). */
export type ClientProblem = 'required' | 'nikConfirm' | 'year' | 'number' | 'email' | 'kbliRequired' | 'negative';

export const digitsOnly = (s: string) => s.replace(/\D/g, '');

/** What the owner typed as rupiah (`1.250.000`, `Rp 1,250,000`) as a whole number, or null when empty. */
export function parseRupiah(s: string): number | null {
  const d = digitsOnly(s);
  // A minus stays a minus: the form refuses it, and should one slip through, so does the server.
  return d === '' ? null : isNegative(s) ? -Number(d) : Number(d);
}

/** Grouped for reading while typing: `1250000` → `1.250.000` (id) or `1,250,000` (en). */
export function groupDigits(digits: string, lang: 'id' | 'en'): string {
  const d = digitsOnly(digits).replace(/^0+(?=\d)/, '');
  return d === '' ? '' : formatNumber(BigInt(d), lang);
}

export function checkDraft(
  d: RegistrationDraft,
  opts: { nikDerived: boolean; currentYear: number },
): Record<string, ClientProblem> {
  const out: Record<string, ClientProblem> = {};
  const req = (field: string, v: string) => {
    if (!v.trim()) out[field] = 'required';
  };
  req('owner.fullName', d.owner.fullName);
  req('owner.nik', d.owner.nik);
  if (d.owner.nik.trim() && opts.nikDerived && !d.owner.nikConfirmed) out['owner.nikConfirmed'] = 'nikConfirm';
  req('owner.phone', d.owner.phone);
  if (d.owner.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(d.owner.email.trim())) out['owner.email'] = 'email';
  const b = d.business;
  req('business.name', b.name);
  if (b.kbli.length === 0) out['business.kbliCodes'] = 'kbliRequired';
  // The first empty step of kota → kecamatan → kelurahan carries the message (the later ones are still disabled).
  if (!b.city) out['business.city'] = 'required';
  else if (!b.district) out['business.district'] = 'required';
  else req('business.villageCode', b.villageCode);
  req('business.address', b.address);
  req('business.postalCode', b.postalCode);
  const year = Number(b.startYear);
  if (!b.startYear.trim()) out['business.startYear'] = 'required';
  else if (!/^\d{4}$/.test(b.startYear.trim()) || year < 1900 || year > opts.currentYear)
    out['business.startYear'] = 'year';
  if (!b.workers.trim()) out['business.workers'] = 'required';
  else if (!/^\d+$/.test(b.workers.trim())) out['business.workers'] = 'number';
  if (!b.capital.trim()) out['business.capital'] = 'required';
  else if (isNegative(b.capital)) out['business.capital'] = 'negative';
  if (isNegative(b.annualSales)) out['business.annualSales'] = 'negative';
  req('business.fosteringAgencyId', b.fosteringAgencyId);
  return out;
}

/** The body of POST /api/registry/registrations (and desk-registrations); optional fields left out when empty. */
export function requestBody(d: RegistrationDraft, derived?: { gender: 'male' | 'female'; birth_date: string }) {
  const b = d.business;
  const opt = (v: string) => (v.trim() ? v.trim() : undefined);
  return {
    owner: {
      fullName: d.owner.fullName.trim(),
      nik: d.owner.nik.trim(),
      phone: d.owner.phone.trim(),
      email: opt(d.owner.email),
      // Sent only once the owner has confirmed what the NIK says: the server cross-checks them with the NIK.
      ...(derived && d.owner.nikConfirmed ? { gender: derived.gender, birthDate: derived.birth_date } : {}),
    },
    business: {
      name: b.name.trim(),
      kind: b.kind,
      nib: opt(b.nib),
      npwp: opt(b.npwp),
      kbliCodes: b.kbli.map((k) => k.code),
      villageCode: b.villageCode,
      address: b.address.trim(),
      postalCode: b.postalCode.trim(),
      startYear: Number(b.startYear.trim()),
      workers: Number(b.workers.trim()),
      capital: parseRupiah(b.capital) ?? 0,
      annualSales: parseRupiah(b.annualSales),
      fosteringAgencyId: Number(b.fosteringAgencyId),
    },
  };
}

/**
 * A server field path to the form's field name: `body.owner.nik` → `owner.nik`, `body.business.kbliCodes.0` →
 * `business.kbliCodes`. What the NIK implies (gender, birth date) is shown with the NIK, so it lands there.
 */
export function formFieldOf(serverField: string): string {
  const f = serverField.replace(/^body\./, '').replace(/(\.\d+)+$/, '');
  return f === 'owner.gender' || f === 'owner.birthDate' ? 'owner.nik' : f;
}

// ------------------------------------------------------------------------------------------------ draft storage

const VERSION = 1;

/** The draft of one form of one account on this device; absent, unreadable or of another version → undefined. */
export function loadDraft(storage: Storage | undefined, key: string): RegistrationDraft | undefined {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as { v?: number; draft?: RegistrationDraft };
    if (parsed.v !== VERSION || !parsed.draft?.owner || !parsed.draft.business) return undefined;
    const empty = emptyDraft();
    return {
      owner: { ...empty.owner, ...parsed.draft.owner },
      business: { ...empty.business, ...parsed.draft.business },
    };
  } catch {
    return undefined;
  }
}

export function saveDraft(storage: Storage | undefined, key: string, draft: RegistrationDraft): boolean {
  try {
    storage?.setItem(key, JSON.stringify({ v: VERSION, savedAt: new Date().toISOString(), draft }));
    return storage !== undefined;
  } catch {
    return false; // storage full or blocked: the form still works, it just is not kept
  }
}

export function clearDraft(storage: Storage | undefined, key: string) {
  try {
    storage?.removeItem(key);
  } catch {
    /* nothing kept anyway */
  }
}

/** A draft worth keeping: anything typed beyond what the form was opened with. */
export function isBlank(d: RegistrationDraft, prefill: { fullName?: string; phone?: string } = {}): boolean {
  return JSON.stringify(d) === JSON.stringify(emptyDraft(prefill));
}
