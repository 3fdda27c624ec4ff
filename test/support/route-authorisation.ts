// The route-authorisation tests' world: two worlds (`mine`, whose scope every role's account is given, and `theirs`)
// with a resource of every kind a route's path can name, a valid body for each operation that takes one, and a call
// of any route as any role. A route with a path parameter this file does not know fails until the parameter gets a
// foreign fixture below.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { ROLE_NAMES, ROLES, type Role } from '../../src/platform/auth/roles.ts';
import { createSession } from '../../src/platform/auth/session.ts';
import type { Db } from '../../src/platform/db/types.ts';
import type { App, RouteInfo } from '../../src/platform/http/server.ts';
import { storePermitDocument } from '../../src/registry/permits/permits.ts';
import { testApp, testDb } from './db.ts';
import { makeAccount, makeWorld, scopeIn, type World } from './factories.ts';

let app: App;
let db: Db;
let mine: World;
let theirs: World;
const accounts = new Map<Role, number>();

/** Values that point into the other world, by path-parameter name. */
const FOREIGN_PARAMS: Record<string, (w: World) => string> = {
  umkmId: (w) => String(w.umkmId),
  ownerId: (w) => String(w.ownerId),
  agencyId: (w) => String(w.agencyId),
  mallId: (w) => String(w.mallId),
  lenderId: (w) => String(w.lenderId),
  fosteringAgencyId: (w) => String(w.fosteringAgencyId),
  districtCode: (w) => w.district,
  requestId: (w) => String(w.dataRequestId),
  jobId: () => '999999999', // import jobs are province-wide (platform_admin only): any id will do
  stage: () => '2',
  permitId: (w) => String(permitOf.get(w.umkmId)),
  productId: (w) => String(productOf.get(w.umkmId)),
  photoId: (w) => String(photoOf.get(w.umkmId)),
  callId: (w) => String(curationOf.get(w.umkmId)!.callId), // calls are province-wide: any will do
  submissionId: (w) => String(curationOf.get(w.umkmId)!.submissionId),
  code: (w) => curationOf.get(w.umkmId)!.code,
  notificationId: (w) => String(curationOf.get(w.umkmId)!.notificationId),
};
/** A curation call, a submission of the world's product, its certificate, and a notification of another account. */
const curationOf = new Map<number, { callId: number; submissionId: number; code: string; notificationId: number }>();
/** A photo row (no file) of each world's product, for the photo routes. */
const photoOf = new Map<number, number>();
/** A curated, published product per world's business, for the public product page. */
const productOf = new Map<number, number>();
/** A halal certificate (with its document) per world's business, for the permit-document route. */
const permitOf = new Map<number, number>();

/** A multipart form (fields and at most one file), for the upload routes. */
function multipart(
  fields: Record<string, string>,
  file?: { field: string; name: string; type: string; data: Buffer },
): Form {
  const boundary = '----pasar-lokal-uji';
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="${file.field}"; filename="${file.name}"\r\ncontent-type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { form: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
interface Form {
  form: Buffer;
  contentType: string;
}
let photo: Buffer;

/**
 * Bodies for operations with a body: valid ones, pointing into the other world where the target is in the body,
 * so that only the scope can refuse them (an invalid body would be refused before the scope is checked).
 */
export const FOREIGN_BODIES: Record<string, (w: World) => unknown> = {
  'POST /api/access/assisted-resets': (w) => ({ umkmId: w.umkmId }),
  // The other kecamatan's member by its NIK, registered at this pendamping's own desk (kelurahan, pengampu).
  'POST /api/registry/desk-registrations': (w) => ({
    owner: { fullName: 'Pemilik Lain', nik: w.nik, phone: `0812${String(Math.floor(Math.random() * 9e7) + 1e7)}` },
    business: {
      name: 'Usaha Lain',
      kbliCodes: ['10710'],
      villageCode: mine.village,
      address: 'Jl. Uji 1',
      postalCode: '10110',
      startYear: 2020,
      workers: 1,
      capital: 1000000,
      annualSales: null,
      fosteringAgencyId: mine.fosteringAgencyId,
    },
  }),
  'PATCH /api/registry/members/:umkmId': () => ({ name: 'Nama Usaha Baru' }),
  'PUT /api/registry/members/:umkmId/journey/:stage': () => ({
    reachedOn: '2025-01-02',
    evidence: { trainings: [{ title: 'Pelatihan', organiser: 'Dinas', date: '2025-01-02' }] },
  }),
  'POST /api/registry/members/:umkmId/permits': () => multipart({ kind: 'nib', number: `NIB-${Date.now()}` }),
  'POST /api/catalog/manage/products/:productId/photos': () =>
    multipart({}, { field: 'photo', name: 'foto.png', type: 'image/png', data: photo }),
  'PATCH /api/catalog/manage/products/:productId': () => ({ name: 'Kue Uji Baru' }),
  'POST /api/curation/submissions/:submissionId/score': () => ({ scores: [{ criterion: 'taste', score: 4 }] }),
  'POST /api/notifications/:notificationId/read': () => ({}),
  'POST /api/curation/calls/:callId/submissions': (w) => ({ productId: productOf.get(w.umkmId) }),
  'POST /api/curation/submissions/:submissionId/verify': () => ({ decision: 'verify' }),
  'POST /api/curation/submissions/:submissionId/validate': () => ({ decision: 'validate' }),
  'POST /api/curation/submissions/:submissionId/resubmit': () => ({}),
  // Valid bodies, so that only the scope can refuse them.
  'POST /api/catalog/members/:umkmId/products': () => ({
    name: 'Tas Uji',
    categoryCode: 'tas-alas-kaki',
    price: 50000,
    unit: 'pcs',
  }),
  'POST /api/catalog/manage/products/:productId/status': () => ({ status: 'draft' }),
  'PUT /api/catalog/manage/products/:productId/photos/order': (w) => ({ photoIds: [photoOf.get(w.umkmId)] }),
};

async function curationFixture(umkmId: number, productId: number) {
  const one = async (sql: string, params: unknown[]) => (await db.query<{ id: number }>(sql, params))[0]!.id;
  const callId = await one(
    `insert into curation_call (title_id, title_en, description_id, description_en, criteria_id, criteria_en, quota, deadline, channel, rubric_code, status)
     values ('Kurasi uji', 'Test call', '', '', '', '', 5, now() + interval '10 days', 'jbl', 'food', 'open') returning id`,
    [],
  );
  const submissionId = await one(
    `insert into curation_submission (call_id, product_id, umkm_id, status, round_started_at, step_started_at, due_on) values ($1, $2, $3, 'submitted', now(), now(), current_date + 3) returning id`,
    [callId, productId, umkmId],
  );
  const code = `RA-${String(umkmId).padStart(8, '0')}`;
  await db.query(
    `insert into curation_certificate (code, submission_id, call_id, product_id, umkm_id, product_name, business_name, channel, percent, scores) values ($1, $2, $3, $4, $5, 'Kue Uji', 'Usaha', 'jbl', 90, '[]')`,
    [code, submissionId, callId, productId, umkmId],
  );
  const someoneElse = await makeAccount(db);
  const notificationId = await one(
    `insert into notification (account_id, umkm_id, kind, title_id, title_en, body_id, body_en) values ($1, $2, 'test', 't', 't', 'b', 'b') returning id`,
    [someoneElse.id, umkmId],
  );
  return { callId, submissionId, code, notificationId };
}

/** The worker's database and app, the two worlds and their fixtures, an account per role scoped to `mine`. */
export async function setUpRouteWorlds(): Promise<void> {
  db = await testDb();
  app = await testApp();
  mine = await makeWorld(db, '3171');
  theirs = await makeWorld(db, '3175');
  // A stored document, so that its route answers 200 wherever the scope lets it through.
  process.env.PL_UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-uploads-'));
  for (const w of [mine, theirs]) {
    const doc = await storePermitDocument(w.umkmId, Buffer.from('%PDF-1.4\n%%EOF\n'), {
      mime: 'application/pdf',
      ext: 'pdf',
    });
    const [p] = await db.query<{ id: number }>(
      `insert into permit (umkm_id, kind, number, expires_on, document_path, document_mime, document_bytes) values ($1, 'halal', $2, current_date + 10, $3, 'application/pdf', 15) returning id`,
      [w.umkmId, `ID-HALAL ${w.umkmId}`, doc],
    );
    permitOf.set(w.umkmId, p!.id);
    const [pr] = await db.query<{ id: number }>(
      `insert into product (umkm_id, name, category_code, price, unit, status, curation_status, curated_at) values ($1, 'Kue Uji', 'kue-roti', 1000, 'pcs', 'published', 'curated', now()) returning id`,
      [w.umkmId],
    );
    productOf.set(w.umkmId, pr!.id);
    const [ph] = await db.query<{ id: number }>(
      `insert into product_photo (product_id, umkm_id, position, display_path, thumb_path, width, height, bytes, thumb_bytes, uploaded_bytes) values ($1, $2, 0, 'products/none-display.webp', 'products/none-thumb.webp', 10, 10, 10, 10, 10) returning id`,
      [pr!.id, w.umkmId],
    );
    photoOf.set(w.umkmId, ph!.id);
    curationOf.set(w.umkmId, await curationFixture(w.umkmId, pr!.id));
  }
  for (const role of ROLE_NAMES)
    accounts.set(
      role,
      (await makeAccount(db, [{ role, scopeId: scopeIn(mine, role) }], { totp: ROLES[role].totp })).id,
    );
  // The kurator's scope: the call of `mine`'s submission.
  await db.query('insert into curation_call_kurator (call_id, account_id) values ($1, $2)', [
    curationOf.get(mine.umkmId)!.callId,
    accounts.get('kurator'),
  ]);
  photo = await sharp({ create: { width: 400, height: 400, channels: 3, background: '#c0392b' } })
    .png()
    .toBuffer();
  // The owner's account is the person behind `mine`'s business.
  await db.query('update account set owner_id = $2 where id = $1', [accounts.get('umkm_owner'), mine.ownerId]);
}

/** A fresh session per request (so logging out in one request never affects the next). */
async function cookieFor(role: Role | 'anonymous'): Promise<string | undefined> {
  if (role === 'anonymous') return undefined;
  const s = await db.transaction((tx) => createSession(tx, accounts.get(role)!));
  return `pl_session=${s.token}`;
}

function urlFor(r: RouteInfo, w: World): string {
  return r.url.replace(/:(\w+)/g, (_m, name: string) => {
    const f = FOREIGN_PARAMS[name];
    if (!f)
      throw new Error(
        `${r.method} ${r.url}: add a foreign fixture for :${name} in test/support/route-authorisation.ts`,
      );
    return encodeURIComponent(f(w));
  });
}

export async function call(r: RouteInfo, role: Role | 'anonymous', w: World = theirs) {
  const cookie = await cookieFor(role);
  const body =
    FOREIGN_BODIES[`${r.method} ${r.url}`]?.(w) ?? (r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
  const form = body instanceof Object && 'form' in body ? (body as Form) : undefined;
  const headers: Record<string, string> = {
    ...(cookie ? { cookie } : {}),
    ...(form ? { 'content-type': form.contentType } : {}),
  };
  try {
    return await app.inject({
      method: r.method as 'GET',
      url: urlFor(r, w),
      headers,
      ...(form ? { payload: form.form } : body === undefined ? {} : { payload: body as object }),
    });
  } catch (e) {
    // A response that breaks off is a server failure of that route: report it with the others.
    return { statusCode: 599, body: `${r.method} ${r.url}: ${String(e)}`, json: () => ({}) };
  }
}

/** Who may see a NIK in clear: the roles that check KTPs, and the owner themself. */
export const seesNikOf = (role: Role, w: World) =>
  ['platform_admin', 'pendamping', 'kasatpel'].includes(role) || (role === 'umkm_owner' && w === mine);

export const allowed = (r: RouteInfo, role: Role) =>
  r.access === 'public' || r.access === 'authenticated' || r.access.includes(role);
/** Roles whose scope is the whole province (or nothing to scope). A kurator's grant says province, but what it may
 * read is narrower: the submissions of the calls it is assigned to, and what scoring them needs. */
export const provinceWide = (role: Role) => role !== 'kurator' && ['province', 'none'].includes(ROLES[role].scope);

/** The worker's app and the two worlds, as setUpRouteWorlds left them (test files run one at a time per worker). */
export const routeWorlds = (): { app: App; mine: World; theirs: World } => ({ app, mine, theirs });
