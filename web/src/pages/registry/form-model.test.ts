import { describe, expect, it } from 'vitest';
import {
  checkDraft,
  clearDraft,
  emptyDraft,
  formFieldOf,
  groupDigits,
  loadDraft,
  parseRupiah,
  type RegistrationDraft,
  requestBody,
  saveDraft,
} from './form-model.ts';
import { groupRupiah, typedRupiah } from '../../ui/rupiah.ts';

/** A Storage in memory, as the browser's localStorage behaves. */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

function filled(): RegistrationDraft {
  const d = emptyDraft({ fullName: 'Siti Aminah', phone: '0812 3456 7890' });
  d.owner.nik = '3174045408850001';
  d.owner.nikConfirmed = true;
  Object.assign(d.business, {
    name: 'Kue Basah Bu Siti',
    kbli: [{ code: '10710', title: 'Industri Produk Roti Dan Kue' }],
    city: '3174',
    district: '317404',
    villageCode: '3174041001',
    address: 'Jl. Melati 5',
    postalCode: '12110',
    startYear: '2019',
    workers: '3',
    capital: '25000000',
    annualSales: '',
    fosteringAgencyId: '1',
  });
  return d;
}

describe('registration form model', () => {
  it('reads rupiah however it was typed and groups it per language', () => {
    expect(parseRupiah('Rp 1.250.000')).toBe(1_250_000);
    expect(parseRupiah('1,250,000')).toBe(1_250_000);
    expect(parseRupiah('')).toBeNull();
    expect(groupDigits('001250000', 'id')).toBe('1.250.000');
    expect(groupDigits('1250000', 'en')).toBe('1,250,000');
    expect(groupDigits('', 'id')).toBe('');
  });

  it('keeps a minus typed before the digits, so "-5" is refused rather than read as Rp 5', () => {
    expect(typedRupiah('-5', 16)).toBe('-5');
    expect(typedRupiah('Rp −1.250.000', 16)).toBe('-1250000');
    expect(typedRupiah('1.250-', 16)).toBe('1250');
    expect(groupRupiah('-1250000', 'id')).toBe('-1.250.000');
    expect(groupRupiah('-', 'en')).toBe('-');
    expect(parseRupiah('-5')).toBe(-5);
    const d = filled();
    d.business.capital = '-5';
    d.business.annualSales = '-1000';
    expect(checkDraft(d, { nikDerived: true, currentYear: 2026 })).toEqual({
      'business.capital': 'negative',
      'business.annualSales': 'negative',
    });
  });

  it('maps the server’s field paths to the form’s fields', () => {
    expect(formFieldOf('body.owner.nik')).toBe('owner.nik');
    expect(formFieldOf('body.business.kbliCodes.0')).toBe('business.kbliCodes');
    expect(formFieldOf('body.owner.birthDate')).toBe('owner.nik');
    expect(formFieldOf('body.postalCode')).toBe('postalCode');
  });

  it('asks for what is missing, the first empty step of the place, and the NIK confirmation', () => {
    expect(checkDraft(filled(), { nikDerived: true, currentYear: 2026 })).toEqual({});
    const d = filled();
    d.owner.nikConfirmed = false;
    d.business.district = '';
    d.business.villageCode = '';
    d.business.startYear = '2099';
    d.business.kbli = [];
    expect(checkDraft(d, { nikDerived: true, currentYear: 2026 })).toEqual({
      'owner.nikConfirmed': 'nikConfirm',
      'business.district': 'required',
      'business.startYear': 'year',
      'business.kbliCodes': 'kbliRequired',
    });
    expect(checkDraft(d, { nikDerived: false, currentYear: 2026 })['owner.nikConfirmed']).toBeUndefined();
  });

  it('sends whole rupiah, null sales for a business without a full year, and leaves empty options out', () => {
    const body = requestBody(filled(), { gender: 'female', birth_date: '1985-08-14' });
    expect(body.owner).toEqual({
      fullName: 'Siti Aminah',
      nik: '3174045408850001',
      phone: '0812 3456 7890',
      email: undefined,
      gender: 'female',
      birthDate: '1985-08-14',
    });
    expect(body.business).toMatchObject({
      kbliCodes: ['10710'],
      villageCode: '3174041001',
      startYear: 2019,
      workers: 3,
      capital: 25_000_000,
      annualSales: null,
      fosteringAgencyId: 1,
      nib: undefined,
    });
    const unconfirmed = filled();
    unconfirmed.owner.nikConfirmed = false;
    expect(requestBody(unconfirmed, { gender: 'female', birth_date: '1985-08-14' }).owner).not.toHaveProperty('gender');
  });

  it('keeps the draft per key, survives a reload, and forgets an unreadable one', () => {
    const s = memoryStorage();
    expect(saveDraft(s, 'k', filled())).toBe(true);
    expect(loadDraft(s, 'k')).toEqual(filled());
    expect(loadDraft(s, 'other')).toBeUndefined();
    s.setItem('bad', '{not json');
    expect(loadDraft(s, 'bad')).toBeUndefined();
    s.setItem('old', JSON.stringify({ v: 0, draft: filled() }));
    expect(loadDraft(s, 'old')).toBeUndefined();
    clearDraft(s, 'k');
    expect(loadDraft(s, 'k')).toBeUndefined();
    expect(saveDraft(undefined, 'k', filled())).toBe(false);
  });
});
