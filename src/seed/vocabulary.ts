import fs from 'node:fs';
import type { Rng } from './prng.ts';

// The word lists the generator combines. They are data (JSON next to this file), not code: edit them freely.

const read = <T>(rel: string): T => JSON.parse(fs.readFileSync(new URL(rel, import.meta.url), 'utf8')) as T;

export interface ProductFamily {
  names: string[];
  variants: string[];
  packs: [label: string, min: number, max: number][];
  unit: string;
  round: number;
}

export interface BusinessLine {
  key: string;
  kbli: string;
  category: string;
  weight: number;
  halal: number; // share of food products with a halal certificate
  lead_days: [number, number];
  min_order: [number, number];
  stock: [number, number];
  items: string[];
  business: string[]; // templates: {hon} {nick} {word} {item} {village}
  products: ProductFamily[];
}

export interface People {
  female: [full: string, nick: string][];
  male: [full: string, nick: string][];
  family: string[];
  honorific: { female: string[]; male: string[] };
  streets: string[];
  business_words: string[];
}

export interface Profile {
  city_weights: Record<string, number>;
  fostering_agencies: { code: string; name: string; weight: number }[];
  opd: [code: string, name: string][];
  city_offices: string; // "Sekretariat {city}"
  suku_dinas: [code: string, name: string][]; // one office per kota: "Suku Dinas Kesehatan {city}"
  bumd: [code: string, name: string][];
  lenders: [code: string, name: string, kind: string][];
  malls: Record<string, [name: string, operator: string][]>;
}

export const people = read<People>('./vocabulary/people.json');
export const lines = read<{ lines: BusinessLine[] }>('./vocabulary/business-lines.json').lines;

export function loadProfile(name: string): Profile {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`bad profile name "${name}"`);
  return read<Profile>(`./profiles/${name}.json`);
}

/**
 * A business name from a line's patterns: `{hon}` honorific, `{nick}` the owner's nickname, `{word}` a business
 * word, `{item}` one of the line's items, `{village}` the kelurahan. The draws happen in a fixed order, so the same
 * seed gives the same name wherever this is called.
 */
export function businessName(rng: Rng, line: BusinessLine, hon: string, nick: string, village: string): string {
  return rng
    .pick(line.business)
    .replace('{hon}', hon)
    .replace('{nick}', nick)
    .replace('{word}', rng.pick(people.business_words))
    .replace('{item}', rng.pick(line.items))
    .replace('{village}', village)
    .slice(0, 200);
}
