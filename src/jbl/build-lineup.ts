// The Dinas fills an edition's line-up by the fair rotation (rotation.ts) from the products curated for Jumat Beli
// Lokal, published and in stock, of active sellers located in the host kota, with the kecamatan quota in force on the
// edition's Friday (jbl.kecamatan_quota). Only while the edition is planned or open.
//
// Building again replaces the rotation's picks and keeps the city office's picks (and their sellers keep their one
// place). It is refused once any rotation pick has stock held or sold, or an order line at all (replacing it would take
// goods from a buyer's order): from then on the admin adjusts by adding and removing. Edition row locked, written and audited together.
import type { Acting } from '../platform/auth/acting.ts';
import { audit } from '../platform/audit.ts';
import type { Tx } from '../platform/db/types.ts';
import { AppError, notFound } from '../platform/http/problem.ts';
import { settingOn } from '../platform/settings.ts';
import { formatDate } from '../platform/time.ts';
import { type Candidate, type Pick, rotate, type SellerHistory } from './rotation.ts';

export interface LockedEdition {
  id: number;
  friday: string;
  held_on: string;
  host_region_code: string;
  status: string;
}

/** The edition row locked for a line-up change; 404 when absent, 409 when its status is not one of `allowed`. */
export async function lockEditionFor(tx: Tx, editionId: number, allowed: string[]): Promise<LockedEdition> {
  const [e] = await tx.query<LockedEdition>(
    'select id, friday::text, held_on::text, host_region_code, status from jbl_edition where id = $1 for update',
    [editionId],
  );
  if (!e) throw notFound({ id: 'Edisi tidak ditemukan.', en: 'Edition not found.' });
  if (!allowed.includes(e.status))
    throw new AppError(409, 'lineup_closed', {
      id: `Edisi berstatus ${e.status}: susunan produknya hanya dapat diubah saat berstatus ${allowed.join('/')}.`,
      en: `The edition is ${e.status}: its line-up can only be changed while ${allowed.join('/')}.`,
    });
  return e;
}

/** The products that may be listed in an edition of a host kota: what the line-up's rules call eligible. */
export const ELIGIBLE_PRODUCTS = `
  select p.id as product_id, p.umkm_id, v.parent_code as kecamatan_code, p.category_code, p.price, p.stock
    from product p
    join umkm u on u.id = p.umkm_id and u.status = 'active'
    join region v on v.code = u.village_code
    join region d on d.code = v.parent_code
   where d.parent_code = $1 and p.status = 'published' and p.curation_status = 'curated' and p.channel_jbl`;

export const kecamatanQuota = async (tx: Tx, day: string): Promise<number> =>
  Number((await settingOn<number>(tx, 'jbl.kecamatan_quota', day))?.value ?? 30);

interface EligibleRow {
  product_id: number;
  umkm_id: number;
  kecamatan_code: string;
  category_code: string;
  price: number;
  stock: number;
}

/** Rotation picks are replaced; refused when one of them is already in an order. Returns how many were removed. */
async function clearRotation(tx: Tx, editionId: number): Promise<number> {
  const [ordered] = await tx.query<{ n: number }>(
    `select count(*)::int4 as n from jbl_lineup_item i
      where i.edition_id = $1 and i.pick = 'rotation'
        and (i.held > 0 or i.sold > 0 or exists (select 1 from jbl_order_line l where l.lineup_item_id = i.id))`,
    [editionId],
  );
  if (ordered!.n > 0)
    throw new AppError(409, 'lineup_has_orders', {
      id: `${ordered!.n} produk pilihan giliran sudah dipesan pembeli: susunan tidak dapat dibangun ulang, ubah dengan menambah atau mengeluarkan produk.`,
      en: `${ordered!.n} rotation picks already have orders: the line-up cannot be rebuilt; adjust it by adding or removing products.`,
    });
  const gone = await tx.query(`delete from jbl_lineup_item where edition_id = $1 and pick = 'rotation' returning id`, [
    editionId,
  ]);
  return gone.length;
}

/** Each seller's and product's place in the rotation, from the other editions' line-ups (removed items do not count). */
async function historyOf(tx: Tx, editionId: number, sellers: number[]) {
  const rows = await tx.query<{ umkm_id: number; product_id: number; round: number | null; last: string }>(
    `select i.umkm_id, i.product_id, max(i.rotation_round) as round, max(e.held_on)::text as last
       from jbl_lineup_item i join jbl_edition e on e.id = i.edition_id
      where i.umkm_id = any($2::int8[]) and i.edition_id <> $1 and i.removed_at is null and e.status <> 'skipped'
      group by i.umkm_id, i.product_id`,
    [editionId, sellers],
  );
  const history = new Map<number, SellerHistory>();
  const productLast = new Map<number, string>();
  for (const r of rows) {
    const h = history.get(r.umkm_id) ?? { round: 0, lastFeatured: null };
    h.round = Math.max(h.round, r.round ?? 0);
    if (h.lastFeatured === null || r.last > h.lastFeatured) h.lastFeatured = r.last;
    history.set(r.umkm_id, h);
    productLast.set(r.product_id, r.last);
  }
  return { history, productLast };
}

/** Why a pick was chosen, in Indonesian and English. */
export function rotationReason(p: Pick, quota: number, sellersInKecamatan: number): { id: string; en: string } {
  if (p.kind === 'extra')
    return {
      id: `Produk tambahan: kecamatan ini hanya punya ${sellersInKecamatan} penjual layak untuk kuota ${quota}`,
      en: `Extra product: this kecamatan has only ${sellersInKecamatan} eligible sellers for a quota of ${quota}`,
    };
  if (p.sellerLastFeatured === null)
    return {
      id: `Belum pernah tampil (giliran putaran ${p.round})`,
      en: `Never featured before (turn of round ${p.round})`,
    };
  return {
    id: `Terakhir tampil ${formatDate(p.sellerLastFeatured, 'id')} (giliran putaran ${p.round})`,
    en: `Last featured ${formatDate(p.sellerLastFeatured, 'en')} (turn of round ${p.round})`,
  };
}

export interface BuildResult {
  added: number;
  replaced: number;
  round: number;
  quota: number;
}

export async function buildLineup(tx: Tx, acting: Acting, editionId: number): Promise<BuildResult> {
  const e = await lockEditionFor(tx, editionId, ['planned', 'open']);
  const replaced = await clearRotation(tx, editionId);
  const quota = await kecamatanQuota(tx, e.friday);
  const rows = await tx.query<EligibleRow>(`${ELIGIBLE_PRODUCTS} and p.stock > 0`, [e.host_region_code]);
  // Sellers already in the edition (the city office's picks) keep their one place and sit this rotation out.
  const listed = await tx.query<{ umkm_id: number }>(
    'select distinct umkm_id from jbl_lineup_item where edition_id = $1',
    [editionId],
  );
  const inEdition = new Set(listed.map((r) => r.umkm_id));
  const sellersPerKecamatan = new Map<string, number>();
  for (const k of new Set(rows.map((r) => `${r.kecamatan_code}:${r.umkm_id}`)))
    sellersPerKecamatan.set(k.split(':')[0]!, (sellersPerKecamatan.get(k.split(':')[0]!) ?? 0) + 1);
  const open = rows.filter((r) => !inEdition.has(r.umkm_id));
  const { history, productLast } = await historyOf(tx, editionId, [...new Set(open.map((r) => r.umkm_id))]);
  const candidates: Candidate[] = open.map((r) => ({
    productId: r.product_id,
    umkmId: r.umkm_id,
    kecamatan: r.kecamatan_code,
    category: r.category_code,
    lastFeatured: productLast.get(r.product_id) ?? null,
  }));
  const { picks, round } = rotate({ seed: editionId, quota, candidates, history, sellersPerKecamatan });
  const byId = new Map(rows.map((r) => [r.product_id, r]));
  const reasons = picks.map((p) => rotationReason(p, quota, sellersPerKecamatan.get(p.kecamatan) ?? 0));
  await tx.query(
    `insert into jbl_lineup_item (edition_id, product_id, umkm_id, kecamatan_code, category_code, price, stock_initial, stock,
                                  pick, rotation_round, reason_id, reason_en, created_by)
     select $1, x.product_id, x.umkm_id, x.kecamatan_code, x.category_code, x.price, x.stock, x.stock, 'rotation', x.round,
            x.reason_id, x.reason_en, $2
       from unnest($3::int8[], $4::int8[], $5::text[], $6::text[], $7::int8[], $8::int4[], $9::int4[], $10::text[], $11::text[])
         as x(product_id, umkm_id, kecamatan_code, category_code, price, stock, round, reason_id, reason_en)`,
    [
      editionId,
      acting.who.accountId,
      picks.map((p) => p.productId),
      picks.map((p) => p.umkmId),
      picks.map((p) => p.kecamatan),
      picks.map((p) => p.category),
      picks.map((p) => byId.get(p.productId)!.price),
      picks.map((p) => byId.get(p.productId)!.stock),
      picks.map((p) => p.round),
      reasons.map((r) => r.id),
      reasons.map((r) => r.en),
    ],
  );
  await audit(tx, acting.who, {
    action: 'jbl.lineup_build',
    entityType: 'jbl_edition',
    entityId: editionId,
    after: { added: picks.length, replaced, round, quota, sellersKept: listed.length },
  });
  return { added: picks.length, replaced, round, quota };
}
