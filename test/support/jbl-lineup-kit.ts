// Jumat Beli Lokal line-up fixtures: sellers with products curated for the channel, made in SQL (as the curation
// outcome columns would read after a pass), the Dinas acting, and the kecamatan of a kota to put sellers in.
import type { Acting } from '../../src/platform/auth/acting.ts';
import type { AccountActor } from '../../src/platform/auth/actor.ts';
import type { Db } from '../../src/platform/db/types.ts';
import { makeAccount, makeUmkm, unique } from './factories.ts';

export interface KitProduct {
  category: string;
  stock?: number;
  price?: number;
  /** Curated for Jumat Beli Lokal (default true); false: curated for e-Order only. */
  jbl?: boolean;
  status?: 'published' | 'draft';
}

export interface KitJblSeller {
  umkmId: number;
  kecamatan: string;
  products: number[];
}

/** The Dinas's account acting at a moment (the use cases' `acting`). */
export async function dinasActing(db: Db, now = new Date('2026-06-01T00:00:00Z')): Promise<Acting> {
  const admin = await makeAccount(db, [{ role: 'platform_admin' }], { totp: true });
  const actor = {
    kind: 'account',
    accountId: admin.id,
    displayName: 'Dinas Uji',
    grants: [],
  } as unknown as AccountActor;
  return {
    actor,
    role: 'platform_admin',
    who: { accountId: admin.id, role: 'platform_admin', label: 'Dinas Uji', requestId: null },
    now,
  };
}

/** The first `n` kecamatan of a kota, each with its first kelurahan. */
export const kecamatanOf = (db: Db, kota: string, n: number) =>
  db.query<{ code: string; village: string }>(
    `select d.code, min(v.code) as village from region d join region v on v.parent_code = d.code
      where d.parent_code = $1 and d.level = 'district' group by d.code order by d.code limit $2`,
    [kota, n],
  );

/** A seller in a kelurahan with its products (published and curated for JBL unless told otherwise). */
export async function makeJblSeller(
  db: Db,
  village: string,
  products: KitProduct[],
  opts: { active?: boolean } = {},
): Promise<KitJblSeller> {
  const u = await makeUmkm(db, village, `Toko JBL ${unique()}`);
  if (opts.active === false) await db.query(`update umkm set status = 'inactive' where id = $1`, [u.umkmId]);
  const ids: number[] = [];
  for (const p of products) {
    const [row] = await db.query<{ id: number }>(
      `insert into product (umkm_id, name, category_code, price, unit, stock, status, curation_status, curated_at, channel_jbl, channel_e_order)
       values ($1, $2, $3, $4, 'pcs', $5, $6, 'curated', '2026-01-05', $7, not $7) returning id`,
      [
        u.umkmId,
        `Produk ${p.category} ${unique()}`,
        p.category,
        p.price ?? 25000,
        p.stock ?? 20,
        p.status ?? 'published',
        p.jbl ?? true,
      ],
    );
    ids.push(row!.id);
  }
  const [k] = await db.query<{ parent_code: string }>('select parent_code from region where code = $1', [village]);
  return { umkmId: u.umkmId, kecamatan: k!.parent_code, products: ids };
}

/** Sets the kecamatan quota from a day on (an effective-dated setting, as the Dinas would change it). */
export const setQuota = (db: Db, from: string, quota: number) =>
  db.query(
    `insert into setting (key, effective_from, value, source) values ('jbl.kecamatan_quota', $1, $2, 'uji')
     on conflict (key, effective_from) do update set value = excluded.value`,
    [from, JSON.stringify(quota)],
  );
