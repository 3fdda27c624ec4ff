// Catalogue search tests' shared fixtures: made-up words, products in any curation state, the search API.
import crypto from 'node:crypto';
import { expect } from 'vitest';
import type { SearchResult } from '../../src/catalog/schema.ts';
import type { Db } from '../../src/platform/db/types.ts';
import type { App } from '../../src/platform/http/server.ts';
import { testApp, testDb } from './db.ts';

/** A made-up word of letters only, unique per call, so other tests' rows never match it. */
export const tag = () => `zq${Array.from(crypto.randomBytes(6), (b) => String.fromCharCode(97 + (b % 26))).join('')}`;

export interface P {
  name: string;
  category?: string;
  price?: number;
  halal?: boolean;
  status?: string;
  curation?: string;
  grade?: string | null;
  curatedAt?: string;
  description?: string;
}

/** The worker's database and app, and a village of Jakarta Barat to put sellers in; set by setUpCatalog. */
export const cat = {} as { db: Db; app: App; village: { code: string; district: string; city: string } };

export async function setUpCatalog(): Promise<void> {
  cat.db = await testDb();
  cat.app = await testApp();
  cat.village = await firstVillage(cat.db);
}

/** Products of one member, curated (grade B) and published unless said otherwise. */
export async function addProducts(umkmId: number, products: P[]): Promise<number[]> {
  const db = cat.db;
  const ids: number[] = [];
  for (const p of products) {
    const curated = (p.curation ?? 'curated') === 'curated';
    const [row] = await db.query<{ id: number }>(
      `insert into product (umkm_id, name, description, category_code, price, unit, halal, status, curation_status, curation_grade, curated_at, channel_e_order, channel_jbl)
       values ($1, $2, $3, $4, $5, 'pcs', $6, $7, $8, $9, $10, true, true) returning id`,
      [
        umkmId,
        p.name,
        p.description ?? `${p.name} buatan sendiri.`,
        p.category ?? 'kue-roti',
        p.price ?? 15_000,
        p.halal ?? true,
        p.status ?? 'published',
        p.curation ?? 'curated',
        curated ? (p.grade === undefined ? 'B' : p.grade) : null,
        curated ? (p.curatedAt ?? '2025-01-02T03:04:05Z') : null,
      ],
    );
    ids.push(row!.id);
  }
  return ids;
}

/** GET /api/catalog/search, expecting 200. */
export async function search(query: Record<string, string | number | boolean>): Promise<SearchResult> {
  const app = cat.app;
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  const res = await app.inject({ method: 'GET', url: `/api/catalog/search?${qs}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The first village of Jakarta Barat (3174) with its kecamatan and kota. */
async function firstVillage(db: Db): Promise<{ code: string; district: string; city: string }> {
  const [v] = await db.query<{ code: string; district: string; city: string }>(
    `select v.code, d.code as district, d.parent_code as city from region v join region d on d.code = v.parent_code
     where v.level = 'village' and v.code like '3174%' order by v.code limit 1`,
  );
  return v!;
}
