// Two test worlds with one resource of every kind a route's path can name, and an account per role scoped to
// the first: shared by the tests that walk every route (authorisation, hostile input).
import { makeEdition } from './jbl-kit.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROLE_NAMES, ROLES, type Role } from '../../src/platform/auth/roles.ts';
import { createSession } from '../../src/platform/auth/session.ts';
import type { Db } from '../../src/platform/db/types.ts';
import type { RouteInfo } from '../../src/platform/http/server.ts';
import { storePermitDocument } from '../../src/registry/permits/permits.ts';
import { makeAccount, makeWorld, scopeIn, type World } from './factories.ts';

/** What a world holds beyond `makeWorld`: a permit, a published product with a photo, a curation call with a submission and certificate, a notification of another account. */
interface Extras {
  permitId: number;
  productId: number;
  photoId: number;
  callId: number;
  submissionId: number;
  code: string;
  notificationId: number;
  /** e-Order: the world agency's unit, a package (RUP) with an order from the world's business, a payment, an exception. */
  unitId: number;
  packageId: number;
  rupCode: string;
  orderId: number;
  paymentId: number;
  exceptionId: number;
  bastNumber: string;
  /** A document of the package (procurement/place). */
  documentId: number;
  /** A Jumat Beli Lokal child order of the world's business, awaiting payment, and its parent's tracking token. */
  jblNumber: string;
  jblToken: string;
}
export type RouteWorld = World & Extras;

/** Values that point into a world, by path-parameter name. */
export const PATH_PARAMS: Record<string, (w: RouteWorld) => string> = {
  umkmId: (w) => String(w.umkmId),
  ownerId: (w) => String(w.ownerId),
  agencyId: (w) => String(w.agencyId),
  mallId: (w) => String(w.mallId),
  lenderId: (w) => String(w.lenderId),
  fosteringAgencyId: (w) => String(w.fosteringAgencyId),
  districtCode: (w) => w.district,
  requestId: (w) => String(w.dataRequestId),
  editionId: () => '999999999', // editions are province-wide (the Dinas only): any id will do
  jobId: () => '999999999', // import jobs are province-wide (platform_admin only): any id will do
  stage: () => '2',
  permitId: (w) => String(w.permitId),
  productId: (w) => String(w.productId),
  photoId: (w) => String(w.photoId),
  callId: (w) => String(w.callId), // calls are province-wide: any will do
  submissionId: (w) => String(w.submissionId),
  code: (w) => w.code,
  notificationId: (w) => String(w.notificationId),
  unitId: (w) => String(w.unitId),
  packageId: (w) => String(w.packageId),
  orderId: (w) => String(w.orderId),
  paymentId: (w) => String(w.paymentId),
  exceptionId: (w) => String(w.exceptionId),
  bastNumber: (w) => w.bastNumber,
  documentId: (w) => String(w.documentId),
  ocid: (w) => `ocds-pl31-rup-${w.rupCode}`,
  number: (w) => w.jblNumber,
  token: (w) => w.jblToken,
};

/** The route's path with every `:param` pointing into `w`; throws for a parameter this file does not know. */
export function urlFor(r: Pick<RouteInfo, 'method' | 'url'>, w: RouteWorld): string {
  return r.url.replace(/:(\w+)/g, (_m, name: string) => {
    const f = PATH_PARAMS[name];
    if (!f) throw new Error(`${r.method} ${r.url}: add a fixture for :${name} in test/support/route-worlds.ts`);
    return encodeURIComponent(f(w));
  });
}

async function extras(db: Db, w: World): Promise<Extras> {
  const one = async (sql: string, params: unknown[]) => (await db.query<{ id: number }>(sql, params))[0]!.id;
  // A halal certificate with its document stored, so that the document route answers 200 wherever scope lets it.
  const doc = await storePermitDocument(w.umkmId, Buffer.from('%PDF-1.4\n%%EOF\n'), {
    mime: 'application/pdf',
    ext: 'pdf',
  });
  const permitId = await one(
    `insert into permit (umkm_id, kind, number, expires_on, document_path, document_mime, document_bytes) values ($1, 'halal', $2, current_date + 10, $3, 'application/pdf', 15) returning id`,
    [w.umkmId, `ID-HALAL ${w.umkmId}`, doc],
  );
  const productId = await one(
    `insert into product (umkm_id, name, category_code, price, unit, status, curation_status, curated_at) values ($1, 'Kue Uji', 'kue-roti', 1000, 'pcs', 'published', 'curated', now()) returning id`,
    [w.umkmId],
  );
  const photoId = await one(
    `insert into product_photo (product_id, umkm_id, position, display_path, thumb_path, width, height, bytes, thumb_bytes, uploaded_bytes) values ($1, $2, 0, 'products/none-display.webp', 'products/none-thumb.webp', 10, 10, 10, 10, 10) returning id`,
    [productId, w.umkmId],
  );
  const callId = await one(
    `insert into curation_call (title_id, title_en, description_id, description_en, criteria_id, criteria_en, quota, deadline, channel, rubric_code, status)
     values ('Kurasi uji', 'Test call', '', '', '', '', 5, now() + interval '10 days', 'jbl', 'food', 'open') returning id`,
    [],
  );
  const submissionId = await one(
    `insert into curation_submission (call_id, product_id, umkm_id, status, round_started_at, step_started_at, due_on) values ($1, $2, $3, 'submitted', now(), now(), current_date + 3) returning id`,
    [callId, productId, w.umkmId],
  );
  const code = `RA-${String(w.umkmId).padStart(8, '0')}`;
  await db.query(
    `insert into curation_certificate (code, submission_id, call_id, product_id, umkm_id, product_name, business_name, channel, percent, scores) values ($1, $2, $3, $4, $5, 'Kue Uji', 'Usaha', 'jbl', 90, '[]')`,
    [code, submissionId, callId, productId, w.umkmId],
  );
  const someoneElse = await makeAccount(db);
  const notificationId = await one(
    `insert into notification (account_id, umkm_id, kind, title_id, title_en, body_id, body_en) values ($1, $2, 'test', 't', 't', 'b', 'b') returning id`,
    [someoneElse.id, w.umkmId],
  );
  return {
    permitId,
    productId,
    photoId,
    callId,
    submissionId,
    code,
    notificationId,
    ...(await procurementExtras(db, w, productId, someoneElse.id)),
    ...(await jblExtras(db, w, productId)),
  };
}

/** A Jumat Beli Lokal edition selling now with the world's product, and a guest's order of it awaiting payment. */
async function jblExtras(db: Db, w: World, productId: number) {
  const editionId = await makeEdition(db, 'open', { host: w.district.slice(0, 4) });
  const [item] = await db.query<{ id: number }>(
    `insert into jbl_lineup_item (edition_id, product_id, umkm_id, kecamatan_code, category_code, price, stock_initial, stock, held, pick, rotation_round, reason_id, reason_en)
     values ($1, $2, $3, $4, 'kue-roti', 1000, 5, 4, 1, 'rotation', 1, 'Uji', 'Test') returning id`,
    [editionId, productId, w.umkmId, w.district],
  );
  const token = `tok${String(w.umkmId).padStart(19, '0')}`;
  const [o] = await db.query<{ id: number; number: string }>(
    `insert into jbl_order (number, edition_id, buyer_kind, buyer_name, tracking_token, session, total)
     values ('JBL-20900101-' || $1, $2, 'guest', 'Pembeli Uji', $3, 'preorder', 1000) returning id, number`,
    [w.umkmId, editionId, token],
  );
  const number = `${o!.number}-1`;
  const [c] = await db.query<{ id: number }>(
    `insert into jbl_child_order (order_id, edition_id, umkm_id, number, pickup, total, paid_to, qris_payload, hold_expires_at)
     values ($1, $2, $3, $4, 'seller', 1000, 'aggregator', 'x', now() + interval '1 day') returning id`,
    [o!.id, editionId, w.umkmId, number],
  );
  await db.query(
    `insert into jbl_order_line (child_order_id, umkm_id, lineup_item_id, product_id, quantity, price, amount) values ($1, $2, $3, $4, 1, 1000, 1000)`,
    [c!.id, w.umkmId, item!.id, productId],
  );
  return { jblNumber: number, jblToken: token };
}

/** An e-Order package of the world's agency with one delivered order from the world's business and a payment. */
async function procurementExtras(db: Db, w: World, productId: number, by: number) {
  const one = async (sql: string, params: unknown[]) => (await db.query<{ id: number }>(sql, params))[0]!.id;
  const rupCode = String(90000000 + w.umkmId);
  const unitId = await one(
    `insert into agency_unit (agency_id, code, name) values ($1, $2, 'Bidang Uji') returning id`,
    [w.agencyId, `U${w.umkmId}`],
  );
  const packageId = await one(
    `insert into procurement_package (rup_code, agency_id, unit_id, year, name, pagu, kind, method, category_code, reserved_small, status, ppk_account_id, pp_account_id, delivery_address)
     values ($1, $2, $3, 2026, 'Konsumsi rapat uji', 50000000, 'barang', 'e_purchasing', 'kue-roti', true, 'ready', $4, $4, 'Jl. Uji 1') returning id`,
    [rupCode, w.agencyId, unitId, by],
  );
  const groupId = await one(
    'insert into order_group (package_id, agency_id, placed_by) values ($1, $2, $3) returning id',
    [packageId, w.agencyId, by],
  );
  const bastNumber = `BAST/${w.agencyId}/2026/00001`;
  const orderId = await one(
    `insert into eorder (group_id, package_id, agency_id, unit_id, umkm_id, seller_kind, seller_size, counts_umk, status, total, money, delivery_address,
                         accepted_at, delivered_at, received_at, bast_year, bast_seq, bast_number, bast_by, due_date)
     values ($1, $2, $3, $4, $5, 'jakpreneur', 'micro', true, 'received', 100000, '{}', 'Jl. Uji 1', now(), now(), now(), 2026, 1, $6, $7, current_date + 30) returning id`,
    [groupId, packageId, w.agencyId, unitId, w.umkmId, bastNumber, by],
  );
  await db.query(
    `insert into eorder_line (order_id, line_no, umkm_id, product_id, name, unit, quantity, unit_price, amount) values ($1, 1, $2, $3, 'Kue Uji', 'pcs', 100, 1000, 100000)`,
    [orderId, w.umkmId, productId],
  );
  const paymentId = await one(
    `insert into eorder_payment (order_id, umkm_id, kind, status, amount, requested_by) values ($1, $2, 'autodebit', 'requested', 50000, $3) returning id`,
    [orderId, w.umkmId, by],
  );
  const exceptionId = await one(
    `insert into mandate_exception (package_id, rule_code, rule_effective_from, justification, requested_by)
     values ($1, 'meeting_food_curated_jakpreneur', '2020-01-01', 'Penyedia terkurasi tidak tersedia di lokasi acara.', $2) returning id`,
    [packageId, by],
  );
  const documentId = await one(
    `insert into package_document (package_id, kind, file_name, path, mime, uploaded_by) values ($1, 'kak', 'kak.pdf', $2, 'application/pdf', $3) returning id`,
    [packageId, `packages/${packageId}/none.pdf`, by],
  );
  return { unitId, packageId, rupCode, orderId, paymentId, exceptionId, bastNumber, documentId };
}

export interface RouteWorlds {
  /** The world every role's account is scoped to; its owner is the `umkm_owner` account's person. */
  mine: RouteWorld;
  /** A world in another kota. */
  theirs: RouteWorld;
  accounts: Map<Role, number>;
}

/**
 * The two worlds and an account per role scoped to `mine` (the kurator assigned to `mine`'s call). Documents go to
 * a new PL_UPLOAD_DIR.
 */
export async function makeRouteWorlds(db: Db): Promise<RouteWorlds> {
  process.env.PL_UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-uploads-'));
  const worlds: RouteWorld[] = [];
  for (const prefix of ['3171', '3175']) {
    const w = await makeWorld(db, prefix);
    worlds.push({ ...w, ...(await extras(db, w)) });
  }
  const [mine, theirs] = worlds as [RouteWorld, RouteWorld];
  const accounts = new Map<Role, number>();
  for (const role of ROLE_NAMES)
    accounts.set(
      role,
      (await makeAccount(db, [{ role, scopeId: scopeIn(mine, role) }], { totp: ROLES[role].totp })).id,
    );
  await db.query('update account set owner_id = $2 where id = $1', [accounts.get('umkm_owner'), mine.ownerId]);
  // The kurator's scope: the call of `mine`'s submission.
  await db.query('insert into curation_call_kurator (call_id, account_id) values ($1, $2)', [
    mine.callId,
    accounts.get('kurator'),
  ]);
  return { mine, theirs, accounts };
}

/** A fresh session per request (so logging out in one request never affects the next); none for anonymous. */
export async function cookieFor(db: Db, worlds: RouteWorlds, role: Role | 'anonymous'): Promise<string | undefined> {
  if (role === 'anonymous') return undefined;
  const s = await db.transaction((tx) => createSession(tx, worlds.accounts.get(role)!));
  return `pl_session=${s.token}`;
}
