import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/platform/db/types.ts';
import type { App } from '../../src/platform/http/server.ts';
import { testApp, testDb } from '../support/db.ts';
import { type KitAgency, type KitSeller, makeAgency, makeOrder, makeSeller } from '../support/procurement-kit.ts';
import { checkPage, expectClean } from './accounts.ts';
import { browserForFile, stopServing, watchProblems } from './browser.ts';

/**
 * Issue 14 after an order is placed, in the browser: the seller accepts and delivers on a 360-px phone, the PPK
 * signs the BAST, the Bendahara records the transfer, and the seller reads the income statement on the phone
 * without sideways scrolling. The demo data has no agencies yet, so this file serves the app itself over its own
 * embedded database, with the agency, its officials and the order made by the test kit.
 */
const browser = browserForFile();
let db: Db;
let app: App;
let base: string;
let agency: KitAgency;
let seller: KitSeller;

beforeAll(async () => {
  // The unit tests' fixed key (test/support/setup.ts), never a key file written into the worktree.
  process.env.PL_DATA_KEY ??= 'dGVzdC1vbmx5LWtleS1wYXNhci1sb2thbC0zMmJ5dGU=';
  db = await testDb();
  app = await testApp();
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  agency = await makeAgency(db);
  seller = await makeSeller(db);
});
afterAll(async () => {
  await stopServing(app);
});

/** A 360-px phone logged in with `cookie` (the kit's session). */
async function phone(b: Browser, cookie: string): Promise<{ page: Page; problems: ReturnType<typeof watchProblems> }> {
  const context = await b.newContext({ viewport: { width: 360, height: 740 } });
  const [name, value] = cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: base }]);
  const page = await context.newPage();
  return { page, problems: watchProblems(page) };
}

describe('an order from acceptance to the seller’s income statement', () => {
  it('is accepted, delivered, received with a BAST, paid, and shows in the statement', async () => {
    const id = await makeOrder(db, agency, seller, 'placed', { total: 1_250_000 });

    // The seller, on a phone: the inbox, the order, accept, then deliver with a note.
    const s = await phone(browser(), seller.cookie);
    await s.page.goto(`${base}/jual/pesanan`);
    await s.page.getByRole('heading', { level: 1, name: 'Pesanan pemerintah' }).waitFor();
    await checkPage(s.page, '/jual/pesanan');
    await s.page.getByRole('link', { name: new RegExp(`#${id} `) }).click();
    await s.page.getByRole('heading', { level: 1, name: `Pesanan #${id}` }).waitFor();
    await s.page.getByText('Ditetapkan saat instansi menandatangani BAST.').waitFor();
    await s.page.getByRole('button', { name: 'Terima pesanan' }).click();
    await s.page.getByRole('status').filter({ hasText: 'Tersimpan: Diterima.' }).waitFor();
    await s.page.getByLabel('Catatan pengiriman (opsional)').fill('Diterima Bu Sari di lobi');
    await s.page.getByRole('button', { name: 'Tandai sudah dikirim' }).click();
    await s.page.getByRole('status').filter({ hasText: 'Tersimpan: Dikirim.' }).waitFor();
    await checkPage(s.page, `/jual/pesanan/${id}`);

    // The PPK: the deliveries awaiting a BAST, the order, sign.
    const ppk = await phone(browser(), agency.officials.ppk.cookie);
    await ppk.page.goto(`${base}/pengadaan/bast`);
    await ppk.page.getByRole('link', { name: new RegExp(`#${id} `) }).click();
    await ppk.page.getByText('Diterima Bu Sari di lobi').waitFor();
    await ppk.page.getByRole('button', { name: 'Tanda tangani BAST (barang sudah diterima)' }).click();
    await ppk.page
      .getByRole('status')
      .filter({ hasText: `BAST BAST/${agency.code}/` })
      .waitFor();
    await checkPage(ppk.page, `/pengadaan/pesanan/${id}`);

    // The Bendahara: the bills to pay, the order, a transfer of the net amount (the rules withhold 1.5 %).
    const bendahara = await phone(browser(), agency.officials.bendahara.cookie);
    await bendahara.page.goto(`${base}/pengadaan/pembayaran`);
    await bendahara.page.getByRole('link', { name: new RegExp(`#${id} `) }).click();
    const amount = bendahara.page.getByLabel('Jumlah dibayar ke penyedia (Rp)');
    await amount.pressSequentially('1231250');
    expect(await amount.inputValue()).toBe('1.231.250');
    await bendahara.page.getByLabel('Nomor referensi bank').fill('TRF-0001');
    await bendahara.page.getByRole('button', { name: 'Simpan pembayaran' }).click();
    await bendahara.page.getByRole('status').filter({ hasText: 'Pembayaran dicatat.' }).waitFor();
    await bendahara.page.locator('[data-status="paid"]').waitFor();

    // The seller's statement on the phone: the payment with tax and net, no sideways scrolling.
    await s.page.goto(`${base}/jual/pendapatan`);
    await s.page.getByRole('heading', { level: 1, name: 'Pendapatan dari pemerintah' }).waitFor();
    const card = s.page.locator('.proc-card').filter({ hasText: `Pesanan #${id}` });
    await card.waitFor();
    expect(await card.textContent()).toContain('Rp 1.250.000');
    expect(await card.textContent()).toContain('Rp 18.750');
    expect(await card.textContent()).toContain('Rp 1.231.250');
    await checkPage(s.page, '/jual/pendapatan');
    for (const p of [s, ppk, bendahara]) expectClean(p.problems, 'fulfilment journey');
  });
});
