// The route-authorisation tests' world: two worlds (`mine`, whose scope every role's account is given, and `theirs`)
// with a resource of every kind a route's path can name (test/support/route-worlds.ts), a valid body for each
// operation that takes one, and a call of any route as any role.
import sharp from 'sharp';
import { ROLES, type Role } from '../../src/platform/auth/roles.ts';
import type { Db } from '../../src/platform/db/types.ts';
import type { App, RouteInfo } from '../../src/platform/http/server.ts';
import { testApp, testDb } from './db.ts';
import { cookieFor, makeRouteWorlds, type RouteWorld, type RouteWorlds, urlFor } from './route-worlds.ts';

let app: App;
let db: Db;
let worlds: RouteWorlds;
let mine: RouteWorld;
let theirs: RouteWorld;

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
export const FOREIGN_BODIES: Record<string, (w: RouteWorld) => unknown> = {
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
  'POST /api/curation/calls/:callId/submissions': (w) => ({ productId: w.productId }),
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
  'PUT /api/catalog/manage/products/:productId/photos/order': (w) => ({ photoIds: [w.photoId] }),
  // procurement/place: buying (valid bodies, so that only the scope can refuse them)
  'POST /api/procurement/buying/packages/:packageId/ppk': () => ({ ppkAccountId: 1 }),
  'POST /api/procurement/buying/packages/:packageId/pejabat-pengadaan': () => ({ ppAccountId: 1 }),
  'POST /api/procurement/buying/packages/:packageId/documents': () =>
    multipart(
      { kind: 'kak' },
      { field: 'document', name: 'kak.pdf', type: 'application/pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n') },
    ),
  'PUT /api/procurement/buying/packages/:packageId/delivery-address': () => ({ address: 'Jl. Uji 2, Jakarta' }),
  'PUT /api/procurement/buying/packages/:packageId/cart': (w) => ({ productId: w.productId, quantity: 1 }),
  'POST /api/procurement/buying/packages/:packageId/exceptions': () => ({
    ruleCode: 'meeting_food_curated_jakpreneur',
    justification: 'Penyedia terkurasi tidak tersedia di lokasi acara.',
  }),
  'POST /api/procurement/buying/exceptions/:exceptionId/decision': () => ({
    decision: 'reject',
    note: 'Alasan kurang.',
  }),
  // procurement/fulfil: valid bodies, so that only the scope (agency or seller) can refuse them.
  'POST /api/procurement/orders/:orderId/payments': () => ({ kind: 'transfer', amount: 1000, reference: 'TRF-UJI' }),
  'POST /api/procurement/orders/:orderId/payments/:paymentId/proof': () =>
    multipart(
      {},
      { field: 'proof', name: 'bukti.pdf', type: 'application/pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n') },
    ),
  'POST /api/procurement/orders/:orderId/payments/:paymentId/decision': () => ({ decision: 'approve' }),
  'POST /api/procurement/seller/orders/:orderId/decline': () => ({ reason: 'Stok habis hari ini' }),
  // procurement/plans: valid bodies naming the other world's agency, so only the scope can refuse them.
  'PUT /api/procurement/agencies/:agencyId/outside-spending': () => ({
    month: '2025-01',
    totalAmount: 1000,
    umkAmount: 0,
  }),
  'POST /api/procurement/rup': (w) => ({
    agencyId: w.agencyId,
    rupCode: String(80000000 + Math.floor(Math.random() * 9999999)),
    year: 2026,
    name: 'Paket Uji',
    pagu: 1000000,
    kind: 'barang',
    method: 'e_purchasing',
    reservedSmall: true,
  }),
  'POST /api/procurement/agencies/:agencyId/sirup/preview': () =>
    multipart(
      {},
      { field: 'file', name: 'rup.csv', type: 'text/csv', data: Buffer.from('Kode RUP,Nama Paket\n1,Paket\n') },
    ),
  'POST /api/procurement/agencies/:agencyId/sirup/import': () =>
    multipart(
      { mapping: '{"rupCode":"Kode RUP","name":"Nama Paket"}' },
      { field: 'file', name: 'rup.csv', type: 'text/csv', data: Buffer.from('Kode RUP,Nama Paket\n1,Paket\n') },
    ),
  // jbl: editions are province-wide (the Dinas only); valid bodies, so that only the access rule can refuse them.
  'POST /api/jbl/editions': () => ({ year: 2099 }),
  'PATCH /api/jbl/editions/:editionId/decision': () => ({ decision: 'skip', reason: 'Hari libur nasional.' }),
  'POST /api/jbl/child-orders/:number/confirm-payment': () => ({ reference: 'QRIS-UJI-1' }),
  'POST /api/jbl/editions/:editionId/lineup/items': (w) => ({
    productId: w.productId,
    reason: 'Produk unggulan kota.',
  }),
  'POST /api/jbl/editions/:editionId/lineup/remove': () => ({ itemId: 999999999, reason: 'Penjual berhalangan.' }),
};

/** The worker's database and app, the two worlds and their fixtures, an account per role scoped to `mine`. */
export async function setUpRouteWorlds(): Promise<void> {
  db = await testDb();
  app = await testApp();
  worlds = await makeRouteWorlds(db);
  ({ mine, theirs } = worlds);
  photo = await sharp({ create: { width: 400, height: 400, channels: 3, background: '#c0392b' } })
    .png()
    .toBuffer();
}

export async function call(r: RouteInfo, role: Role | 'anonymous', w: RouteWorld = theirs) {
  const cookie = await cookieFor(db, worlds, role);
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
export const seesNikOf = (role: Role, w: RouteWorld) =>
  ['platform_admin', 'pendamping', 'kasatpel'].includes(role) || (role === 'umkm_owner' && w === mine);

export const allowed = (r: RouteInfo, role: Role) =>
  r.access === 'public' || r.access === 'authenticated' || r.access.includes(role);
/** Roles whose scope is the whole province (or nothing to scope). A kurator's grant says province, but what it may
 * read is narrower: the submissions of the calls it is assigned to, and what scoring them needs. */
export const provinceWide = (role: Role) => role !== 'kurator' && ['province', 'none'].includes(ROLES[role].scope);

/** The worker's app and the two worlds, as setUpRouteWorlds left them (test files run one at a time per worker). */
export const routeWorlds = (): { app: App; mine: RouteWorld; theirs: RouteWorld } => ({ app, mine, theirs });
