import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/platform/db/types.ts';
import type { App } from '../../src/platform/http/server.ts';
import { testApp, testDb } from '../support/db.ts';
import { hubOf, listProduct, makeEdition } from '../support/jbl-kit.ts';
import { type KitSeller, makeSeller } from '../support/procurement-kit.ts';
import { checkPage, expectClean } from './accounts.ts';
import { browserForFile, stopServing, watchProblems } from './browser.ts';

/**
 * Issue 15, item 8 in the browser: the seller's Friday on a 360-px phone. A guest's order is placed through the
 * real checkout; the seller finds Jumat Beli Lokal from their home, sees what to prepare, confirms the QRIS payment,
 * marks the order handed over at the hub, and reads the payment received — without sideways scrolling, with no
 * serious accessibility violation and no console error. The file serves the app itself over its own database.
 */
const browser = browserForFile();
let db: Db;
let app: App;
let base: string;
let seller: KitSeller;
let editionId: number;
let number: string;

beforeAll(async () => {
  process.env.PL_DATA_KEY ??= 'dGVzdC1vbmx5LWtleS1wYXNhci1sb2thbC0zMmJ5dGU=';
  db = await testDb();
  app = await testApp();
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  seller = await makeSeller(db);
  editionId = await makeEdition(db, 'open');
  const itemId = await listProduct(db, editionId, seller, { stock: 5, price: 625_000, name: 'Tumpeng Mini Kit' });
  const res = await app.inject({
    method: 'POST',
    url: `/api/jbl/editions/${editionId}/checkout`,
    payload: {
      lines: [{ itemId, quantity: 2 }],
      buyer: { name: 'Sari Wulandari', phone: '081234567890' },
      pickup: { kind: 'hub', hubCode: await hubOf(db) },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  number = res.json().children[0].number;
});
afterAll(async () => {
  await stopServing(app);
});

const card = (page: Page, section: string) =>
  page.locator(`section[aria-labelledby="${section}"] li.proc-card[data-order="${number}"]`);

describe('the seller’s Friday on a phone', () => {
  it('prepares, confirms the payment, hands the order over and sees the payment received', async () => {
    const context = await browser().newContext({ viewport: { width: 360, height: 740 } });
    const [name, value] = seller.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: base }]);
    const page = await context.newPage();
    const problems = watchProblems(page);

    // From the seller's home to their editions, then this edition.
    await page.goto(`${base}/beranda`);
    await page.getByRole('link', { name: 'Jumat Beli Lokal saya' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jumat Beli Lokal saya' }).waitFor();
    await page.getByText('Tumpeng Mini Kit').waitFor();
    await checkPage(page, '/jual/jbl');
    await page.locator(`a[href="/jual/jbl/${editionId}"]`).click();
    await page.getByRole('heading', { level: 2, name: 'Siapkan untuk Jumat' }).waitFor();

    // What to prepare: 2 awaiting payment, none paid yet; the order awaits its payment.
    const prep = page.locator('section[aria-labelledby="jbls-prepare"] li.proc-card');
    await expect.poll(() => prep.textContent()).toContain('Menunggu pembayaran2 pcs');
    expect(await prep.textContent()).toContain('Sudah dibayar0 pcs');
    const awaiting = card(page, 'jbls-awaiting');
    expect(await awaiting.textContent()).toContain('Sari');
    expect(await awaiting.textContent()).not.toContain('Wulandari');
    expect(await awaiting.textContent()).toContain('Rp 1.250.000');
    await checkPage(page, `/jual/jbl/${editionId}`);

    // Confirm the payment: the order moves to the hub's packing list, the units to paid.
    await awaiting.getByRole('button', { name: 'Konfirmasi pembayaran' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Pembayaran ${number} dikonfirmasi.` })
      .waitFor();
    await expect.poll(() => prep.textContent()).toContain('Sudah dibayar2 pcs');
    const packed = card(page, 'jbls-packing');
    await packed.waitFor();
    expect(await packed.textContent()).toContain('Sari');
    expect(await page.locator('section[aria-labelledby="jbls-packing"]').textContent()).toMatch(
      /Hub Kecamatan .+\(2 unit\)/,
    );

    // Hand it over at the hub.
    await packed.getByRole('button', { name: 'Tandai sudah diserahkan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Pesanan ${number} sudah diserahkan.` })
      .waitFor();
    await expect.poll(() => packed.getAttribute('data-status')).toBe('handed_over');
    expect(await packed.textContent()).toContain('Sudah diserahkan');

    // The payment received, with the totals (no QRIS of their own yet: via the aggregator).
    const payments = page.locator('section[aria-labelledby="jbls-payments"]');
    await expect.poll(() => payments.textContent()).toContain(number);
    const totals = await payments.locator('dl').textContent();
    expect(totals).toContain('Total diterimaRp 1.250.000');
    expect(totals).toContain('Lewat agregator (dibayarkan kemudian)Rp 1.250.000');
    expect(totals).toContain('Langsung ke QRIS AndaRp 0');
    await checkPage(page, `/jual/jbl/${editionId}`);
    expectClean(problems, 'jbl seller');
    await context.close();
  });
});
