import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/platform/db/types.ts';
import type { App } from '../../src/platform/http/server.ts';
import { localDate } from '../../src/platform/time.ts';
import { loadDemo } from '../../src/seed/load-demo.ts';
import { testApp, testDb } from '../support/db.ts';
import { checkPage, expectClean, logInThroughForm, readmeDemoAccounts, readmeDemoSellers } from './accounts.ts';
import { browserForFile, openPhone, stopServing, type PageProblems } from './browser.ts';

/**
 * Issue 14's journey, tried as a new user would on the demo data: the demo Pejabat Pengadaan opens the ready
 * "Konsumsi rapat …" package and orders meeting snacks from the three demo cake sellers (three linked orders); each
 * seller logs in on a 360-px phone, accepts and delivers; the PPK signs the BAST of each; the Bendahara pays two on
 * the day and one 40 days after its BAST; the PA/KPA's UMK share page and the public payment performance page are
 * read before and after; the late seller reads its income statement on the phone. Everyone uses a 360-px phone,
 * logs in through the form (README accounts, TOTP where the README gives a secret), and every page gets the checks.
 *
 * The journey changes demo data, so it runs its own app over a database of its own, loaded by the same demo loader
 * as `npm start` (src/seed/load-demo.ts) — the shared demo server of the other journeys stays as it was.
 */
const browser = browserForFile();
let db: Db;
let app: App;
let base: string;

const LATE_DAYS = 40;
const WIB_TODAY = () => localDate(new Date());

beforeAll(async () => {
  // The unit tests' fixed key (test/support/setup.ts), never a key file written into the worktree.
  process.env.PL_DATA_KEY ??= 'dGVzdC1vbmx5LWtleS1wYXNhci1sb2thbC0zMmJ5dGU=';
  db = await testDb();
  await loadDemo(db, () => {});
  app = await testApp();
  base = await app.listen({ port: 0, host: '127.0.0.1' });
}, 600_000);
afterAll(async () => {
  await stopServing(app);
});

const account = (role: string) => readmeDemoAccounts().find((r) => r.role === role)!;
/** "Rp 1.250.000" (any of them in a text) → 1250000. */
const rupiahs = (text: string | null) =>
  [...(text ?? '').matchAll(/Rp\s?([\d.]+)/g)].map((m) => Number(m[1]!.replaceAll('.', '')));
const number = (text: string | null) => Number((text ?? '').replace(/[^\d,]/g, '').replace(',', '.'));
/** The TOTP accounts' first login step answers 401 (code required), as a person sees it. */
const TOTP_STEP = { status: 401, path: '/api/auth/login' };

interface Person {
  page: Page;
  problems: PageProblems;
  expected: { status: number; path: string }[];
  /** Resolves once no request has been in flight for half a second. */
  settle: () => Promise<void>;
}

/**
 * A phone of its own. Its requests in flight are counted: after an in-app navigation (a login, a form) the page's
 * load state does not reset, so "networkidle" says nothing, and opening the next address while a chunk or an API
 * call is still loading would abort it (a failed request the journey must not cause itself).
 */
async function phone(): Promise<Person> {
  const { page, problems } = await openPhone(browser());
  const inflight = new Set<unknown>();
  page.on('request', (r) => inflight.add(r));
  page.on('requestfinished', (r) => inflight.delete(r));
  page.on('requestfailed', (r) => inflight.delete(r));
  const settle = async () => {
    let quietSince = Date.now();
    for (;;) {
      if (inflight.size > 0) quietSince = Date.now();
      else if (Date.now() - quietSince >= 500) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { page, problems, expected: [], settle };
}

/** Opens `path` once the page has settled, and waits for the new page's network to go quiet. */
async function go(p: Person, path: string): Promise<void> {
  await p.settle();
  await p.page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
}

/** A phone that opens `path`, is sent to the login form, logs in with `who` and lands back on `path`, settled. */
async function logIn(path: string, who: { login: string; password: string; totpSecret?: string }): Promise<Person> {
  const p = await phone();
  await go(p, path);
  await p.page.waitForURL((u) => u.pathname === '/masuk');
  await logInThroughForm(p.page, who);
  await p.page.waitForURL((u) => u.pathname === path);
  await p.page.locator('.account-bar').waitFor();
  await p.settle();
  return { ...p, expected: who.totpSecret ? [TOTP_STEP] : [] };
}

interface Basis {
  share: number;
  grade: string;
  platformUmk: number;
  platformTotal: number;
}

/** The share page's two bases as the reader sees them: share, grade, and the platform part of both sides. */
async function readShare(p: Person): Promise<{ committed: Basis; realised: Basis }> {
  const { page } = p;
  await go(p, '/pengadaan/porsi-umk');
  const basis = async (b: 'committed' | 'realised'): Promise<Basis> => {
    const box = page.getByTestId(`basis-${b}`);
    await box.waitFor();
    const [numerator, denominator] = await box.locator('dl.sh-calc dd').allTextContents();
    return {
      share: number(await box.getByTestId(`share-${b}`).textContent()),
      grade: ((await box.locator('.sh-grade').textContent()) ?? '').trim(),
      platformUmk: rupiahs(numerator ?? '')[0]!,
      platformTotal: rupiahs(denominator ?? '')[0]!,
    };
  };
  const out = { committed: await basis('committed'), realised: await basis('realised') };
  await checkPage(page, '/pengadaan/porsi-umk');
  return out;
}

/** The agency's row of the public payment performance (zeros when it has paid nothing yet this year). */
async function readPerformance(p: Person, agency: string) {
  const { page } = p;
  await go(p, '/kinerja-pembayaran');
  await page.getByRole('heading', { level: 1, name: 'Kinerja pembayaran pemerintah' }).waitFor();
  await checkPage(page, '/kinerja-pembayaran');
  const row = page
    .getByTestId('perf-table')
    .locator('tbody tr')
    .filter({ has: page.getByRole('rowheader', { name: agency, exact: true }) });
  if ((await row.count()) === 0) return { paid: 0, within: 0 };
  const cells = await row.locator('td').allTextContents();
  return { paid: number(cells[0]!), within: number(cells[1]!) };
}

const GRADES = ['F', 'D', 'C', 'B', 'A', 'A+'];
const gradeRank = (g: string) => GRADES.indexOf(g.replace(/^.*?([A-F]\+?)$/, '$1'));

describe('the e-Order journey on the demo data', () => {
  it('orders meeting snacks from three sellers, through delivery, BAST and payment (one late), to the share, the payment performance and the seller’s statement', async () => {
    const sellers = readmeDemoSellers();
    expect(sellers.map((s) => s.seller)).toEqual([1, 2, 3]);
    // Which businesses the README's seller logins own (what the Pejabat Pengadaan will look for by name).
    const owned = await db.query<{ login: string; umkm: number; name: string }>(
      `select a.email as login, u.id as umkm, u.name from account a join umkm u on u.owner_id = a.owner_id
        where a.email = any($1::text[]) and exists (
          select 1 from product p where p.umkm_id = u.id and p.channel_e_order and p.curation_status = 'curated'
             and p.status = 'published' and p.name ilike 'kue%')
          and exists (select 1 from eorder o where o.umkm_id = u.id)`,
      [sellers.map((s) => s.login)],
    );
    const business = sellers.map((s) => owned.find((o) => o.login === s.login)!);
    expect(business.every(Boolean)).toBe(true);
    const [agency] = await db.query<{ name: string }>(
      `select g.name from account a join role_grant r on r.account_id = a.id and r.role = 'pa_kpa'
         join agency g on g.id::text = r.scope_id where a.email = $1`,
      [account('pa_kpa').login],
    );

    // Before: the PA/KPA's share page and the public payment performance.
    const pa = await logIn('/pengadaan/porsi-umk', account('pa_kpa'));
    const shareBefore = await readShare(pa);
    const public_ = await phone();
    const perfBefore = await readPerformance(public_, agency!.name);

    // The Pejabat Pengadaan: the packages, the ready meeting-snacks package, three sellers' cakes, place.
    const pp = await logIn('/pengadaan/paket', account('pejabat_pengadaan'));
    await checkPage(pp.page, '/pengadaan/paket');
    await pp.page
      .getByRole('link', { name: /^Konsumsi rapat/ })
      .first()
      .click();
    await pp.page.getByRole('heading', { level: 1, name: /^Paket Konsumsi rapat/ }).waitFor();
    await checkPage(pp.page, 'the package');
    for (const b of business) {
      await pp.page.getByLabel('Kata kunci').fill(`kue ${b.name}`);
      await pp.page.getByRole('button', { name: 'Cari', exact: true }).click();
      const item = pp.page
        .locator('li[data-product]')
        .filter({ hasText: `Penjual: ${b.name},` })
        .filter({ hasText: /^Kue/i })
        .first();
      await item.waitFor();
      const [price] = rupiahs(await item.locator('.primary').textContent());
      // About Rp 1,5 juta a seller: a box of snacks for each of the meeting's guests, within the package's pagu.
      const quantity = Math.max(5, Math.min(60, Math.floor(1_500_000 / price!)));
      await item.getByLabel('Jumlah').fill(String(quantity));
      await item.getByRole('button', { name: 'Tambah ke keranjang' }).click();
      await pp.page.getByRole('status').filter({ hasText: 'ditambahkan.' }).waitFor();
      await pp.page.locator(`.pb-seller[data-seller="${b.umkm}"]`).waitFor();
    }
    expect(await pp.page.locator('.pb-seller').count()).toBe(3);
    expect(await pp.page.locator('.pb-seller .notice.error').count()).toBe(0);
    await checkPage(pp.page, 'the package with its cart');
    await pp.page.getByRole('button', { name: 'Pesan sekarang' }).click();
    await pp.page.getByRole('status').filter({ hasText: '3 pesanan dibuat.' }).waitFor();
    const orderItems = pp.page.locator('li[data-order][data-status="placed"]');
    await expect.poll(() => orderItems.count()).toBe(3);
    const orders: { id: number; total: number; seller: (typeof business)[number]; login: (typeof sellers)[number] }[] =
      [];
    for (const [k, b] of business.entries()) {
      const li = orderItems.filter({ hasText: b.name });
      orders.push({
        id: Number(await li.getAttribute('data-order')),
        total: rupiahs(await li.locator('span.secondary').textContent())[0]!,
        seller: b,
        login: sellers[k]!,
      });
    }
    await checkPage(pp.page, 'the package with its orders');
    // Linked: one order group, one order per seller.
    const groups = await db.query<{ group_id: number }>(
      'select distinct group_id from eorder where id = any($1::int8[])',
      [orders.map((o) => o.id)],
    );
    expect(groups).toHaveLength(1);

    // Each seller, on a phone: the inbox, the order, accept, deliver with a note.
    const sellerPhones: Person[] = [];
    for (const o of orders) {
      const s = await logIn('/jual/pesanan', o.login);
      sellerPhones.push(s);
      await s.page.getByRole('heading', { level: 1, name: 'Pesanan pemerintah' }).waitFor();
      await checkPage(s.page, '/jual/pesanan');
      await s.page.getByRole('link', { name: new RegExp(`#${o.id} `) }).click();
      await s.page.getByRole('heading', { level: 1, name: `Pesanan #${o.id}` }).waitFor();
      await checkPage(s.page, `/jual/pesanan/${o.id}`);
      await s.page.getByRole('button', { name: 'Terima pesanan' }).click();
      await s.page.getByRole('status').filter({ hasText: 'Tersimpan: Diterima.' }).waitFor();
      await s.page
        .getByLabel('Catatan pengiriman (opsional)')
        .fill('Diantar ke Bagian Rumah Tangga, diterima Pak Budi');
      await s.page.getByRole('button', { name: 'Tandai sudah dikirim' }).click();
      await s.page.getByRole('status').filter({ hasText: 'Tersimpan: Dikirim.' }).waitFor();
      await checkPage(s.page, `/jual/pesanan/${o.id} delivered`);
    }

    // The PPK: the deliveries awaiting a BAST, each order, sign.
    const ppk = await logIn('/pengadaan/bast', account('ppk'));
    for (const o of orders) {
      await go(ppk, '/pengadaan/bast');
      await ppk.page.getByRole('heading', { level: 1, name: 'Pengiriman menunggu BAST' }).waitFor();
      await checkPage(ppk.page, '/pengadaan/bast');
      await ppk.page.getByRole('link', { name: new RegExp(`#${o.id} `) }).click();
      await ppk.page.getByText('diterima Pak Budi').waitFor();
      await ppk.page.getByRole('button', { name: 'Tanda tangani BAST (barang sudah diterima)' }).click();
      await ppk.page.getByRole('status').filter({ hasText: 'BAST BAST/' }).waitFor();
      await checkPage(ppk.page, `/pengadaan/pesanan/${o.id}`);
    }

    // 40 days pass for the third order between its BAST and its payment. A browser cannot wait that long, so its
    // history up to the BAST moves 40 days back in SQL — placed, accepted, delivered, BAST signed, and the due day
    // the BAST set (BAST day + the 30-day SLA: calendar days for this agency) — and its commitment moves from the
    // month it was accepted in to the month it now was, through the same function the triggers post with. The
    // audit log keeps the real times. Its BAST number keeps the year it was given in.
    const late = orders[2]!;
    await db.transaction(async (tx) => {
      const shift = `interval '${LATE_DAYS} days'`;
      await tx.query(
        `update eorder set placed_at = placed_at - ${shift}, accepted_at = accepted_at - ${shift},
           delivered_at = delivered_at - ${shift}, received_at = received_at - ${shift}, due_date = due_date - ${LATE_DAYS}
          where id = $1`,
        [late.id],
      );
      await tx.query(
        `select procurement_share_add(o, -o.total, 0, o.accepted_at + ${shift}, -1),
                procurement_share_add(o, o.total, 0, o.accepted_at, 1)
           from eorder o where o.id = $1`,
        [late.id],
      );
    });

    // The late seller sees it on the phone: awaiting payment, 10 days late.
    const lateSeller = sellerPhones[2]!;
    await go(lateSeller, '/jual/pendapatan');
    await lateSeller.page.getByRole('heading', { level: 1, name: 'Pendapatan dari pemerintah' }).waitFor();
    const owedCard = lateSeller.page.locator('.proc-card.is-overdue').filter({ hasText: `Pesanan #${late.id}` });
    await owedCard.getByText(`terlambat ${LATE_DAYS - 30} hari`).waitFor();
    await checkPage(lateSeller.page, '/jual/pendapatan before the payment');

    // The Bendahara: the bills (the overdue one first), each order, a transfer of the net amount.
    const bendahara = await logIn('/pengadaan/pembayaran', account('bendahara'));
    await bendahara.page.getByRole('heading', { level: 1, name: 'Tagihan untuk dibayar' }).waitFor();
    await checkPage(bendahara.page, '/pengadaan/pembayaran');
    // Overdue bills first: the late order above the two that are due in 30 days.
    const bills = (await bendahara.page.getByRole('link', { name: /^#\d+ / }).allTextContents()).map((t) =>
      Number(/^#(\d+)/.exec(t)![1]),
    );
    expect(bills.indexOf(late.id)).toBeGreaterThanOrEqual(0);
    expect(bills.indexOf(late.id)).toBeLessThan(Math.min(bills.indexOf(orders[0]!.id), bills.indexOf(orders[1]!.id)));
    let perfOnTime = perfBefore;
    for (const [k, o] of orders.entries()) {
      // Between the two payments on the day and the late one, the public page as it then stood.
      if (o === late) perfOnTime = await readPerformance(public_, agency!.name);
      await go(bendahara, '/pengadaan/pembayaran');
      await bendahara.page.getByRole('link', { name: new RegExp(`#${o.id} `) }).click();
      await bendahara.page.getByRole('heading', { level: 1, name: `Pesanan #${o.id}` }).waitFor();
      if (o === late) await bendahara.page.getByText(`Terlambat ${LATE_DAYS - 30} hari`).waitFor();
      const amount = bendahara.page.getByLabel('Jumlah dibayar ke penyedia (Rp)');
      const hint = (l: Locator) => l.evaluate((el) => el.getAttribute('aria-describedby'));
      const hintText = async (l: Locator) =>
        (
          await Promise.all(
            ((await hint(l)) ?? '').split(' ').map((id) => bendahara.page.locator(`[id="${id}"]`).textContent()),
          )
        ).join(' ');
      const [left] = rupiahs(await hintText(amount));
      const [tax] = rupiahs(await hintText(bendahara.page.getByLabel('Pajak dipotong (Rp)')));
      expect(left).toBe(o.total);
      await checkPage(bendahara.page, `/pengadaan/pesanan/${o.id} to pay`);
      await amount.pressSequentially(String(left! - tax!));
      await bendahara.page.getByLabel('Nomor referensi bank').fill(`TRF-RAPAT-${k + 1}`);
      await bendahara.page.getByRole('button', { name: 'Simpan pembayaran' }).click();
      await bendahara.page.getByRole('status').filter({ hasText: 'Pembayaran dicatat.' }).waitFor();
      await bendahara.page.locator('[data-status="paid"]').waitFor();
      await bendahara.page.getByText(`Dibayar ${o === late ? LATE_DAYS : 0} hari setelah BAST`).waitFor();
      await checkPage(bendahara.page, `/pengadaan/pesanan/${o.id} paid`);
    }

    // After: commitment and realisation grew by the three orders on both sides of the share (UMK sellers all);
    // the share rose and the grade did not fall. The late order's commitment counts in this year unless the
    // 40 days took it into last year.
    const paidTotal = orders.reduce((a, o) => a + o.total, 0);
    const committedThisYear = orders
      .filter(
        (o) =>
          o !== late ||
          localDate(new Date(Date.now() - LATE_DAYS * 86_400_000)).slice(0, 4) === WIB_TODAY().slice(0, 4),
      )
      .reduce((a, o) => a + o.total, 0);
    const shareAfter = await readShare(pa);
    expect(shareAfter.committed.platformUmk - shareBefore.committed.platformUmk).toBe(committedThisYear);
    expect(shareAfter.committed.platformTotal - shareBefore.committed.platformTotal).toBe(committedThisYear);
    expect(shareAfter.realised.platformUmk - shareBefore.realised.platformUmk).toBe(paidTotal);
    expect(shareAfter.realised.platformTotal - shareBefore.realised.platformTotal).toBe(paidTotal);
    for (const b of ['committed', 'realised'] as const) {
      expect(shareAfter[b].share, b).toBeGreaterThan(shareBefore[b].share);
      expect(gradeRank(shareAfter[b].grade), b).toBeGreaterThanOrEqual(gradeRank(shareBefore[b].grade));
    }

    // The public payment performance: two more orders paid on time, then the late one — paid, not on time, so the
    // share paid within the SLA drops.
    const perfAfter = await readPerformance(public_, agency!.name);
    expect(perfOnTime.paid - perfBefore.paid).toBe(2);
    expect(perfOnTime.within - perfBefore.within).toBe(2);
    expect(perfAfter.paid - perfOnTime.paid).toBe(1);
    expect(perfAfter.within).toBe(perfOnTime.within);
    expect(perfAfter.within / perfAfter.paid).toBeLessThan(perfOnTime.within / perfOnTime.paid);
    // Exactly as if the 40 days had passed: the rollups equal their set-based rebuild.
    const rollups = () =>
      db.query(
        `select 'share' as t, agency_id, unit_id, month::text, umk, committed, realised, orders from share_month
          where committed <> 0 or realised <> 0 or orders <> 0
         union all select 'days', agency_id, year, days::text, within_sla, n, 0, 0 from payment_days_count where n <> 0
         order by 1, 2, 3, 4, 5`,
      );
    const kept = await rollups();
    await db.query('select procurement_rollups_rebuild()');
    expect(await rollups()).toEqual(kept);

    // The late seller's income statement on the phone: the payment, gross, tax and net.
    await go(lateSeller, '/jual/pendapatan');
    const card = lateSeller.page
      .locator('.proc-card')
      .filter({ hasText: `Pesanan #${late.id}` })
      .filter({ hasText: 'Dibayar' });
    await card.waitFor();
    const amounts = rupiahs(await card.textContent());
    expect(amounts).toContain(late.total);
    expect(
      await lateSeller.page
        .locator('.proc-card.is-overdue')
        .filter({ hasText: `Pesanan #${late.id}` })
        .count(),
    ).toBe(0);
    await checkPage(lateSeller.page, '/jual/pendapatan after the payment');

    for (const [who, p] of [
      ['PA/KPA', pa],
      ['public', public_],
      ['Pejabat Pengadaan', pp],
      ['PPK', ppk],
      ['Bendahara', bendahara],
      ...sellerPhones.map((s, k) => [`seller ${k + 1}`, s] as const),
    ] as const)
      expectClean(p.problems, who, p.expected);
  }, 600_000);
});
