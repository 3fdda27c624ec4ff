import crypto from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestSelfReset } from '../../src/access/credential-reset.ts';
import { parseLogin } from '../../src/access/login-id.ts';
import { createApp } from '../../src/app.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { openPglite } from '../../src/platform/db/pglite.ts';
import type { Db } from '../../src/platform/db/types.ts';
import type { App } from '../../src/platform/http/server.ts';
import { makeAccount, makeUmkm, type TestAccount } from '../support/factories.ts';
import { launch, stopServing, watchProblems } from './browser.ts';
import {
  expectNoSidewaysScroll,
  freshTotp,
  logInThroughForm,
  markTotpUsed,
  PHONE,
  seriousA11yViolations,
  unexpected,
} from './accounts.ts';

/**
 * The owner's way in, end to end. The demo server keeps owners' phone numbers encrypted and shows them to nobody,
 * so this file runs its own instance of the same app on a database it fills itself: it knows the owner's phone
 * because it registered the owner, as the owner knows their own number.
 */
process.env.PL_DATA_KEY ??= crypto.randomBytes(32).toString('base64');

let db: Db;
let app: App;
let base: string;
let browser: Browser;
let district: string;
let owner: { umkmId: number; phone: string; name: string };
let pendamping: TestAccount;

beforeAll(async () => {
  db = await openPglite();
  await migrate(db);
  const [v] = await db.query<{ code: string; parent_code: string }>(
    `select code, parent_code from region where level = 'village' order by code limit 1`,
  );
  district = v!.parent_code;
  const name = `Warung Bu Sri ${crypto.randomBytes(3).toString('hex')}`;
  const u = await makeUmkm(db, v!.code, name);
  owner = { umkmId: u.umkmId, phone: u.phone, name };
  pendamping = await makeAccount(db, [{ role: 'pendamping', scopeId: district }]);
  app = await createApp({ db, state: { ready: true } }, 'silent');
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launch();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stopServing(app);
  await db?.close();
});

const localPhone = (e164: string) => `0${e164.slice(3)}`; // +62812… as an owner writes it: 0812…

async function meOf(page: Page) {
  return (await (await page.request.get(`${base}/api/auth/me`)).json()) as {
    authenticated: boolean;
    mustEnrolTotp?: boolean;
    account?: { displayName: string };
  };
}

async function logOut(page: Page) {
  // Let the page's own refreshes (the desk reloads its queue after issuing a code) finish first: a request still
  // in flight when the session ends is answered 401, which is right, but is not what this test looks at.
  await page.waitForLoadState('networkidle');
  await page.getByRole('banner').getByRole('button', { name: 'Keluar', exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/masuk');
}

/** Reads the secret off the enrolment page, proves it with a code, and keeps the recovery codes. */
async function enrolTotp(page: Page): Promise<{ secret: string; recovery: string[] }> {
  const secretEl = page.locator('[data-secret]');
  await secretEl.waitFor();
  const secret = (await secretEl.getAttribute('data-secret'))!;
  expect((await secretEl.locator('code').textContent())!.split(' ').every((g) => g.length <= 4)).toBe(true);
  expect(
    await page.getByRole('link', { name: 'Atau buka langsung di aplikasi autentikator' }).getAttribute('href'),
  ).toMatch(/^otpauth:\/\/totp\/.*secret=/);
  await expectNoSidewaysScroll(page);
  await page.getByLabel('Kode verifikasi (6 angka)').fill(await freshTotp(secret));
  await page.getByRole('button', { name: 'Aktifkan', exact: true }).click();
  await page.getByRole('heading', { name: 'Simpan kode pemulihan Anda' }).waitFor();
  const recovery = await page.locator('.recovery-codes code').allTextContents();
  expect(recovery).toHaveLength(10);
  const go = page.getByRole('button', { name: 'Lanjut ke beranda saya' });
  expect(await go.isDisabled()).toBe(true); // not before "saya sudah menyimpan"
  await page.getByLabel('Saya sudah menyimpan kode pemulihan').check();
  await go.click();
  await page.waitForURL((u) => u.pathname === '/beranda');
  return { secret, recovery };
}

describe('owner claims an account at the kecamatan desk', () => {
  it('pendamping issues a code from the queue; the owner activates with phone and code, turns on TOTP, and logs in with it', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const problems = watchProblems(page);

    // 1. The pendamping sees the owner in the home queue and opens the desk from its shortcut.
    await page.goto(`${base}/masuk`, { waitUntil: 'networkidle' });
    await logInThroughForm(page, { login: pendamping.email, password: pendamping.password });
    const card = page.locator('section[data-role="pendamping"]');
    await card.locator('.items li').first().waitFor();
    expect(await card.locator('.items li').allTextContents()).toContain(
      `${owner.name}UMKM #${owner.umkmId} · ${await villageName()}`,
    );
    await card.getByRole('link', { name: 'Meja layanan kecamatan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Meja kecamatan' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    // 2. A code for this owner, with a WhatsApp message to hand it over.
    const row = page.locator(`.queue-item[data-umkm="${owner.umkmId}"]`);
    await row.getByRole('button', { name: `Buat kode untuk ${owner.name}` }).click();
    const issued = page.locator(`.issued[data-umkm="${owner.umkmId}"]`);
    await issued.waitFor();
    const code = (await issued.locator('[data-code]').getAttribute('data-code'))!;
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect(await issued.textContent()).toMatch(/Berlaku sampai \d+ \w+ \d{4} \d\d\.\d\d WIB/);
    const wa = new URL((await issued.getByRole('link', { name: 'Kirim lewat WhatsApp' }).getAttribute('href'))!);
    expect(wa.origin + wa.pathname).toBe('https://wa.me/');
    expect(wa.searchParams.get('text')).toContain(code);
    expect(wa.searchParams.get('text')).toContain(`${base}/aktifkan`);
    await expectNoSidewaysScroll(page);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await logOut(page);

    // 3. The owner opens "Aktifkan akun" from the login page. A wrong code is refused next to the field.
    await page.getByRole('link', { name: 'Aktifkan akun dengan kode dari kecamatan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aktifkan akun' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Nomor HP').fill(localPhone(owner.phone));
    await page.getByLabel('Kode aktivasi').fill('AAAAA-BBBBB');
    await page.getByLabel('Kata sandi baru').fill('Warung-Bu-Sri-2026');
    await page.getByRole('button', { name: 'Aktifkan dan masuk' }).click();
    await page.getByRole('alert').filter({ hasText: 'Kode atau tautan atur ulang tidak berlaku' }).waitFor();
    expect(await page.getByLabel('Kode aktivasi').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Kode aktivasi').fill(code.toLowerCase()); // read off a slip: case does not matter
    await page.getByRole('button', { name: 'Aktifkan dan masuk' }).click();
    await page.waitForURL((u) => u.pathname === '/beranda');
    const ownerCard = page.locator('section[data-role="umkm_owner"]');
    await ownerCard.locator('.tile').first().waitFor();
    expect(await ownerCard.locator('.tile').first().textContent()).toBe('Usaha saya1');
    await expectNoSidewaysScroll(page);

    // 4. The owner turns on two-step verification from the home page.
    await page.getByRole('link', { name: 'Verifikasi dua langkah' }).click();
    const { secret, recovery } = await enrolTotp(page);
    markTotpUsed(secret);
    await logOut(page);

    // 5. Phone and password now ask for the app's code; a recovery code works once instead.
    await logInThroughForm(page, {
      login: localPhone(owner.phone),
      password: 'Warung-Bu-Sri-2026',
      totpSecret: secret,
    });
    await page.waitForURL((u) => u.pathname === '/beranda');
    await logOut(page);
    await logInThroughForm(page, { login: localPhone(owner.phone), password: 'Warung-Bu-Sri-2026' });
    await page.getByRole('button', { name: 'Pakai kode pemulihan' }).click();
    await page.getByLabel('Kode pemulihan').fill(recovery[0]!);
    await page.getByRole('button', { name: 'Verifikasi', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/beranda');
    expect((await meOf(page)).authenticated).toBe(true);

    expect(
      unexpected(problems, [
        { status: 400, path: '/api/auth/claim' },
        { status: 401, path: '/api/auth/login' },
        { status: 401, path: '/api/auth/login' },
      ]),
    ).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });
});

describe('two-step verification required by the role', () => {
  it('takes a treasurer without TOTP to enrolment first, and opens the home afterwards', async () => {
    const [agency] = await db.query<{ id: number }>(
      `insert into agency (code, name, kind) values ($1, 'Dinas Uji Bendahara', 'opd') returning id`,
      [`AG-${crypto.randomBytes(3).toString('hex')}`],
    );
    const treasurer = await makeAccount(db, [{ role: 'bendahara', scopeId: String(agency!.id) }]);
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${base}/masuk`, { waitUntil: 'networkidle' });
    await logInThroughForm(page, { login: treasurer.email, password: treasurer.password });
    await page.waitForURL((u) => u.pathname === '/keamanan/totp');
    expect((await meOf(page)).mustEnrolTotp).toBe(true);
    await page.locator('[data-secret]').waitFor();
    expect(await page.locator('main').textContent()).toContain('wajib memakai verifikasi dua langkah');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The home is closed until enrolment is done: the menu link comes straight back here.
    await page.getByRole('navigation').getByRole('link', { name: 'Beranda saya' }).click();
    await page.waitForURL((u) => u.pathname === '/keamanan/totp');
    await enrolTotp(page);
    expect((await meOf(page)).mustEnrolTotp).toBe(false);
    await page
      .locator('section[data-role="bendahara"] .scope strong')
      .filter({ hasText: 'Dinas Uji Bendahara' })
      .waitFor();
    expect(unexpected(problems)).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });
});

describe('forgotten password', () => {
  it('asks for a link without saying whether the account exists, and the link sets a new password', async () => {
    const buyer = await makeAccount(db, [{ role: 'public_buyer' }]);
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${base}/masuk`, { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: 'Lupa kata sandi?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lupa kata sandi' }).waitFor();
    await page.getByLabel('Email atau nomor HP').fill(buyer.email);
    await page.getByRole('button', { name: 'Kirim tautan' }).click();
    await page.getByRole('status').filter({ hasText: 'Jika akun ada, tautan atur ulang telah dikirim.' }).waitFor();
    await expectNoSidewaysScroll(page);

    // The link the message would carry (there is no mail server in a test): made by the same use case.
    const issued = await db.transaction((tx) => requestSelfReset(tx, parseLogin(buyer.email)!));
    await page.goto(`${base}/atur-ulang?token=${issued!.token}`, { waitUntil: 'networkidle' });
    await page.getByLabel('Kata sandi baru').fill('pendek');
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    expect(await page.getByLabel('Kata sandi baru').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Kata sandi baru').fill('Sandi-Baru-2026');
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await page.getByRole('status').filter({ hasText: 'Kata sandi diganti. Silakan masuk.' }).waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Masuk' }).click();
    await logInThroughForm(page, { login: buyer.email, password: 'Sandi-Baru-2026' });
    await page.waitForURL((u) => u.pathname === '/beranda');
    expect(unexpected(problems)).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });
});

async function villageName(): Promise<string> {
  const [r] = await db.query<{ name: string }>(
    'select v.name from umkm u join region v on v.code = u.village_code where u.id = $1',
    [owner.umkmId],
  );
  return r!.name;
}
