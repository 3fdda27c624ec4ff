import { describe, expect, it } from 'vitest';
import {
  apiQuery,
  choose,
  chosenFilters,
  correction,
  readState,
  type SearchState,
  searchHref,
  shortRegion,
  unknownWords,
  without,
  withoutFilters,
  writeState,
} from './search-state.ts';

const full: SearchState = {
  q: 'kue lapis',
  city: '3174',
  district: '317402',
  category: 'kue-roti',
  grade: 'A',
  halal: false,
  sizeClass: 'micro',
  priceMin: 25_000,
  priceMax: 49_999,
  channel: 'e_order',
  sort: 'price_asc',
};

describe('search page address', () => {
  it('round-trips every filter through an Indonesian query string', () => {
    const qs = writeState(full);
    expect(qs).toBe(
      '?q=kue+lapis&kota=3174&kecamatan=317402&kategori=kue-roti&grade=A&halal=tidak&kelas=mikro&harga=25000-49999&saluran=e-order&urut=termurah',
    );
    expect(readState(qs)).toEqual(full);
    expect(readState('?harga=1000000-')).toEqual({ q: '', priceMin: 1_000_000 });
    expect(writeState({ q: '', priceMin: 1_000_000 })).toBe('?harga=1000000-');
    expect(writeState({ q: '  ' })).toBe('');
    expect(searchHref({ q: 'kopi', halal: true })).toBe('/cari?q=kopi&halal=ya');
  });

  it('drops what a hand-edited address gets wrong instead of failing the page', () => {
    expect(
      readState(
        '?kota=jaksel&kecamatan=317402&kategori=Kue Roti&grade=z&halal=mungkin&kelas=raksasa&harga=50000-100&saluran=pos&urut=acak',
      ),
    ).toEqual({
      q: '',
      district: '317402',
    });
    // A kecamatan outside the chosen kota is dropped; the kota stays.
    expect(readState('?kota=3171&kecamatan=317402')).toEqual({ q: '', city: '3171' });
    expect(readState('?grade=b').grade).toBe('B');
    expect(readState(`?q=${'a'.repeat(300)}`).q).toHaveLength(200);
  });

  it('asks the API in its own words, and leaves "most relevant" out when there are no words', () => {
    expect(Object.fromEntries(new URLSearchParams(apiQuery(full, 'abc')))).toEqual({
      q: 'kue lapis',
      city: '3174',
      district: '317402',
      category: 'kue-roti',
      grade: 'A',
      halal: 'false',
      sizeClass: 'micro',
      priceMin: '25000',
      priceMax: '49999',
      channel: 'e_order',
      sort: 'price_asc',
      cursor: 'abc',
    });
    expect(apiQuery({ q: '', sort: 'relevance', halal: true })).toBe('halal=true');
    expect(apiQuery({ q: 'kopi', sort: 'relevance' })).toBe('q=kopi&sort=relevance');
  });
});

describe('choosing and removing filters', () => {
  it('a new kota keeps its own kecamatan and drops another one', () => {
    expect(choose({ q: '', district: '317402' }, { city: '3174' })).toEqual({
      q: '',
      city: '3174',
      district: '317402',
    });
    expect(choose({ q: '', city: '3174', district: '317402' }, { city: '3171' })).toEqual({ q: '', city: '3171' });
    expect(choose({ q: 'x' }, { priceMin: 0, priceMax: 9_999 })).toEqual({ q: 'x', priceMin: 0, priceMax: 9_999 });
  });

  it('lists chosen filters in chip order and removes one, or all but the words and sort', () => {
    expect(chosenFilters(full)).toEqual([
      'city',
      'district',
      'category',
      'grade',
      'halal',
      'sizeClass',
      'price',
      'channel',
    ]);
    expect(chosenFilters({ q: 'kue', halal: false, priceMin: 0 })).toEqual(['halal', 'price']);
    const noPrice = without(full, 'price');
    expect(noPrice.priceMin).toBeUndefined();
    expect(noPrice.priceMax).toBeUndefined();
    expect(without(full, 'halal').halal).toBeUndefined();
    expect(withoutFilters(full)).toEqual({ q: 'kue lapis', sort: 'price_asc' });
  });
});

describe('what was searched', () => {
  it('shows the corrected words in the order typed, and nothing when all were known', () => {
    expect(correction([{ word: 'kuee', status: 'corrected', searchedAs: ['kue'] }])).toEqual({
      typed: 'kuee',
      searched: 'kue',
    });
    expect(
      correction([
        { word: 'kripik', status: 'corrected', searchedAs: ['keripik', 'kerupuk'] },
        { word: 'yang', status: 'ignored', searchedAs: [] },
        { word: 'pedas', status: 'known', searchedAs: ['pedas'] },
      ]),
    ).toEqual({ typed: 'kripik pedas', searched: 'keripik/kerupuk pedas' });
    expect(
      correction([
        { word: 'kue', status: 'known', searchedAs: ['kue'] },
        { word: 'zzq', status: 'unknown', searchedAs: ['zzq'] },
      ]),
    ).toBeNull();
    expect(
      unknownWords([
        { word: 'kue', status: 'rare', searchedAs: ['kue'] },
        { word: 'zzq', status: 'unknown', searchedAs: ['zzq'] },
      ]),
    ).toEqual(['zzq']);
  });

  it('shortens official region names', () => {
    expect(shortRegion('Kota Administrasi Jakarta Selatan')).toBe('Jakarta Selatan');
    expect(shortRegion('Kabupaten Administrasi Kepulauan Seribu')).toBe('Kepulauan Seribu');
    expect(shortRegion('Setiabudi')).toBe('Setiabudi');
  });
});
