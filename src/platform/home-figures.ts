// What a context offers the role homes (src/access/home.ts composes them): figures and short lists, read within
// a scope. Each context reads its own tables; province-wide figures over large tables come from rollups.
import type { Bilingual } from './http/problem.ts';

export interface Figure {
  label: Bilingual;
  value: number;
  unit: 'count' | 'rupiah' | 'm2' | 'percent';
}
export interface ListItem {
  primary: string;
  secondary: Bilingual; // formatted on the server for each language (money, WIB times, statuses)
  umkmId?: number; // the business the row is about, for pages that act on it (the kecamatan desk)
  href?: string; // the page where the row's work is done
}

export const fig = (id: string, en: string, value: number, unit: Figure['unit'] = 'count'): Figure => ({
  label: { id, en },
  value,
  unit,
});
export const same = (text: string): Bilingual => ({ id: text, en: text });
