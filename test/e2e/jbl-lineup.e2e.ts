import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planEditionYear } from '../../src/jbl/plan-editions.ts';
import type { Db } from '../../src/platform/db/types.ts';
import type { App } from '../../src/platform/http/server.ts';
import { testApp, testDb } from '../support/db.ts';
import { sessionCookie } from '../support/http.ts';
import { dinasActing, kecamatanOf, makeJblSeller } from '../support/jbl-lineup-kit.ts';
import { checkPage, expectClean } from './accounts.ts';
import { browserForFile, openPhone, stopServing } from './browser.ts';

/**
 * Issue 15 item 2 in the browser: the Dinas, on a 360-px phone, builds an open edition's line-up by rotation, reads
 * why each product was chosen, adds a city pick and takes an item out, each with a reason. This file serves the app
 * itself over its own embedded database, with the edition and the sellers made by the test kit.
 */
const browser = browserForFile();
let db: Db;
let app: App;
let base: string;
let admin: string;
let host: string;

beforeAll(async () => {
  process.env.PL_DATA_KEY ??= 'dGVzdC1vbmx5LWtleS1wYXNhci1sb2thbC0zMmJ5dGU=';
  db = await testDb();
  app = await testApp();
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  const dinas = await dinasActing(db);
  await db.transaction((tx) => planEditionYear(tx, dinas, { year: 2031 }));
  const [e] = await db.query<{ id: number; host_region_code: string }>(
    `update jbl_edition set status = 'open' where id = (select min(id) from jbl_edition where friday >= '2031-01-01' and holiday_name is null)
     returning id, host_region_code`,
  );
  host = e!.host_region_code;
  for (const [i, k] of (await kecamatanOf(db, host, 2)).entries())
    await makeJblSeller(db, k.village, [{ category: i ? 'kerajinan' : 'kue-roti', price: 18000 }]);
  admin = await sessionCookie(db, [{ role: 'platform_admin' }], undefined, { totp: true });
});
afterAll(async () => {
  await stopServing(app);
});

describe('the Jumat Beli Lokal line-up page', () => {
  it('builds by rotation with reasons, adds a city pick and removes an item, on a phone', async () => {
    const { context, page, problems } = await openPhone(browser());
    const [name, value] = admin.split('=') as [string, string];
    await context.addCookies([{ name, value, url: base }]);
    await page.goto(`${base}/jbl/susunan`);
    await page.getByRole('heading', { level: 1, name: 'Susunan produk Jumat Beli Lokal' }).waitFor();
    await page.getByText('Susunan edisi ini masih kosong.').waitFor();

    await page.getByRole('button', { name: 'Susun dengan giliran' }).click();
    await page.getByRole('status').filter({ hasText: 'Susunan diperbarui.' }).waitFor();
    expect(await page.getByText('Alasan: Belum pernah tampil (giliran putaran 1)').count()).toBeGreaterThanOrEqual(2);
    await page.getByText('Rp 18.000').first().waitFor();
    await checkPage(page, '/jbl/susunan');

    const [k] = await kecamatanOf(db, host, 3);
    const pick = await makeJblSeller(db, k!.village, [{ category: 'busana' }]);
    await page.getByLabel('Nomor produk').fill(String(pick.products[0]));
    await page.getByLabel('Alasan (paling sedikit 5 huruf)').fill('Juara lomba busana kota');
    await page.getByRole('button', { name: 'Tambahkan' }).click();
    await page.getByRole('status').filter({ hasText: 'Produk ditambahkan.' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Pilihan kantor kota' }).waitFor();
    await page.getByText('Alasan: Pilihan kantor kota: Juara lomba busana kota').waitFor();

    await page.getByRole('button', { name: 'Keluarkan', exact: true }).first().click();
    await page.getByLabel(/^Alasan mengeluarkan /).fill('Penjual sakit');
    await page.getByRole('button', { name: 'Keluarkan dari susunan' }).click();
    await page.getByRole('status').filter({ hasText: 'Produk dikeluarkan' }).waitFor();
    await page.getByText('Dikeluarkan: Penjual sakit').waitFor();
    await checkPage(page, '/jbl/susunan after changes');
    expectClean(problems, 'the Dinas');
    await context.close();
  });
});
