// The whole agency-side flow of a package: the PA/KPA assigns it to a PPK, the PPK names the Pejabat Pengadaan and
// attaches a document, the PP sets the address, fills the cart from e-Order products, asks for and gets an
// exception, and places; each step only by the right official of the right agency (another agency's: 404).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { as, type BuyingWorld, makeBuyingWorld, makePackage } from '../../../test/support/buying-kit.ts';
import { testApp, testDb } from '../../../test/support/db.ts';
import { multipartBody } from '../../../test/support/http.ts';
import type { Db } from '../../platform/db/types.ts';
import type { App } from '../../platform/http/server.ts';

let db: Db;
let app: App;
let w: BuyingWorld;

beforeAll(async () => {
  process.env.PL_UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-buying-'));
  db = await testDb();
  app = await testApp();
  w = await makeBuyingWorld(db);
});

const base = (id: number) => `/api/procurement/buying/packages/${id}`;

describe('a package from plan to orders', () => {
  it('goes through every step by the right official only', async () => {
    const pkg = await makePackage(db, w);

    // PA/KPA → PPK. Another agency's PA does not find the package; a PPK of another agency is refused.
    expect((await as(app, w.foreign.pa, 'POST', `${base(pkg)}/ppk`, { ppkAccountId: w.ppk.id })).statusCode).toBe(404);
    const wrongPpk = await as(app, w.pa, 'POST', `${base(pkg)}/ppk`, { ppkAccountId: w.foreign.ppk.id });
    expect(wrongPpk.statusCode).toBe(422);
    expect(wrongPpk.json().code).toBe('official_not_in_agency');
    expect(wrongPpk.json().errors[0].field).toBe('body.ppkAccountId');
    const assigned = await as(app, w.pa, 'POST', `${base(pkg)}/ppk`, { ppkAccountId: w.ppk.id });
    expect(assigned.json(), assigned.body).toEqual({ id: pkg, status: 'assigned' });
    expect((await as(app, w.pa, 'POST', `${base(pkg)}/ppk`, { ppkAccountId: w.ppk.id })).json().code).toBe(
      'package_state',
    );

    // PPK → Pejabat Pengadaan, document. Another agency's PPK does not find it.
    expect(
      (await as(app, w.foreign.ppk, 'POST', `${base(pkg)}/pejabat-pengadaan`, { ppAccountId: w.pp.id })).statusCode,
    ).toBe(404);
    const ready = await as(app, w.ppk, 'POST', `${base(pkg)}/pejabat-pengadaan`, { ppAccountId: w.pp.id });
    expect(ready.json(), ready.body).toEqual({ id: pkg, status: 'ready' });
    const form = multipartBody(
      { kind: 'kak' },
      { document: { name: 'kak.pdf', type: 'application/pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n') } },
    );
    const upload = (who: typeof w.ppk) =>
      app.inject({
        method: 'POST',
        url: `${base(pkg)}/documents`,
        headers: { cookie: who.cookie, ...form.headers },
        payload: form.payload,
      });
    expect((await upload(w.foreign.ppk)).statusCode).toBe(404);
    const doc = await upload(w.ppk);
    expect(doc.statusCode, doc.body).toBe(201);
    const download = await as(app, w.pa, 'GET', doc.json().url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('application/pdf');
    expect((await as(app, w.foreign.pa, 'GET', doc.json().url)).statusCode).toBe(404);

    // The unassigned Pejabat Pengadaan of the same agency, and another agency's, do not find the package for buying.
    for (const who of [w.otherPp, w.foreign.pp]) {
      expect((await as(app, who, 'PUT', `${base(pkg)}/delivery-address`, { address: 'Jl. Lain 1' })).statusCode).toBe(
        404,
      );
      expect(
        (await as(app, who, 'PUT', `${base(pkg)}/cart`, { productId: w.sellers.jak.productId, quantity: 1 }))
          .statusCode,
      ).toBe(404);
      expect((await as(app, who, 'POST', `${base(pkg)}/orders`, {})).statusCode).toBe(404);
    }
    expect((await as(app, w.otherPp, 'GET', base(pkg))).json().can.buy).toBe(false);

    // The assigned PP: address, cart across two sellers, the view grouped by seller with the money.
    expect((await as(app, w.pp, 'POST', `${base(pkg)}/orders`, {})).statusCode).toBe(422); // no address yet
    const addr = await as(app, w.pp, 'PUT', `${base(pkg)}/delivery-address`, {
      address: 'Jl. Kebon Sirih 22, Jakarta',
    });
    expect(addr.statusCode, addr.body).toBe(200);
    await as(app, w.pp, 'PUT', `${base(pkg)}/cart`, { productId: w.sellers.jak.productId, quantity: 20 });
    await as(app, w.pp, 'PUT', `${base(pkg)}/cart`, { productId: w.sellers.big.productId, quantity: 10 });
    const view = await as(app, w.pp, 'GET', base(pkg));
    expect(view.statusCode, view.body).toBe(200);
    const v = view.json();
    expect(v.can).toMatchObject({ buy: true, assignPpk: false });
    expect(v.documents).toHaveLength(1);
    expect(v.cart.total).toBe(20 * 35_000 + 10 * 20_000);
    expect(v.cart.groups.map((g: { subtotal: number }) => g.subtotal).sort()).toEqual([200_000, 700_000]);
    const big = v.cart.groups.find((g: { umkmId: number }) => g.umkmId === w.sellers.big.umkmId);
    expect(big.brokenRules.map((r: { code: string }) => r.code)).toEqual(['meeting_food_curated_jakpreneur']);
    expect(big.money.ppn).toBe(Math.floor((200_000 * 11) / 111));

    // Refused for the rule; the exception asked by the PP, a too-short reason refused; another agency's PA cannot decide.
    expect((await as(app, w.pp, 'POST', `${base(pkg)}/orders`, {})).json().code).toBe('mandate_rule');
    const short = await as(app, w.pp, 'POST', `${base(pkg)}/exceptions`, {
      ruleCode: 'meeting_food_curated_jakpreneur',
      justification: 'terlalu pendek',
    });
    expect(short.statusCode).toBe(400);
    expect(
      (
        await as(app, w.otherPp, 'POST', `${base(pkg)}/exceptions`, {
          ruleCode: 'meeting_food_curated_jakpreneur',
          justification: 'Bukan pejabat pengadaan paket ini sama sekali.',
        })
      ).statusCode,
    ).toBe(404);
    const asked = await as(app, w.pp, 'POST', `${base(pkg)}/exceptions`, {
      ruleCode: 'meeting_food_curated_jakpreneur',
      justification: 'Roti khusus diet untuk peserta rapat hanya ada di penjual ini.',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const decision = `/api/procurement/buying/exceptions/${asked.json().id}/decision`;
    expect((await as(app, w.foreign.pa, 'POST', decision, { decision: 'approve', note: 'Setuju.' })).statusCode).toBe(
      404,
    );

    // The exceptions report: the agency's PA/KPA sees it and may decide, the bureau sees all, another agency not.
    const report = await as(app, w.pa, 'GET', '/api/procurement/buying/exceptions?status=requested');
    expect(report.json().items.find((e: { id: number }) => e.id === asked.json().id)).toMatchObject({
      canDecide: true,
    });
    const bureau = await as(app, w.analyst, 'GET', `/api/procurement/buying/exceptions?agencyId=${w.agencyId}`);
    expect(bureau.json().items.map((e: { id: number }) => e.id)).toContain(asked.json().id);
    const other = await as(app, w.foreign.pa, 'GET', '/api/procurement/buying/exceptions');
    expect(other.json().items.map((e: { id: number }) => e.id)).not.toContain(asked.json().id);

    expect(
      (await as(app, w.pa, 'POST', decision, { decision: 'approve', note: 'Setuju untuk rapat ini.' })).json(),
    ).toEqual({
      id: asked.json().id,
      status: 'approved',
    });
    expect((await as(app, w.pa, 'POST', decision, { decision: 'reject', note: 'Berubah pikiran.' })).json().code).toBe(
      'exception_state',
    );

    const placed = await as(app, w.pp, 'POST', `${base(pkg)}/orders`, {}, { 'idempotency-key': `flow-${pkg}` });
    expect(placed.statusCode, placed.body).toBe(201);
    expect(placed.json().orders).toHaveLength(2);
    const after = (await as(app, w.ppk, 'GET', base(pkg))).json();
    expect(after.orders).toHaveLength(2);
    expect(after.orders.every((o: { status: string }) => o.status === 'placed')).toBe(true);
    expect(after.cart).toBeNull(); // only the PP sees the cart
    const audits = await db.query<{ action: string }>(
      `select action from audit_log where (entity_type = 'procurement_package' and entity_id = $1) order by id`,
      [String(pkg)],
    );
    expect(audits.map((a) => a.action)).toEqual([
      'procurement.package_assign_ppk',
      'procurement.package_assign_pp',
      'procurement.package_document_add',
      'procurement.package_delivery_address',
    ]);

    // The packages list of each official.
    const mine = await as(app, w.pp, 'GET', '/api/procurement/buying/packages?status=ready');
    expect(mine.json().items.map((p: { id: number }) => p.id)).toContain(pkg);
    const theirs = await as(app, w.foreign.pp, 'GET', '/api/procurement/buying/packages');
    expect(theirs.json().items.map((p: { id: number }) => p.id)).not.toContain(pkg);
  });
});
