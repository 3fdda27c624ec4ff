import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, browserForFile, openPhone } from './browser.ts';
import {
  expectNoSidewaysScroll,
  fieldMessage,
  logInThroughForm,
  readmeDemoAccounts,
  seriousA11yViolations,
  switchLang,
  unexpected,
} from './accounts.ts';

/**
 * The register's journeys of issue 4 on the demo server, on a 360 px phone: an owner registers (fixing a NIK typo
 * after the instant feedback), a draft survives a reload, a pendamping registers an owner at the kecamatan desk
 * and the owner claims the account with the code; the same NIK again from another pengampu is a link.
 * Every owner here is new: the test knows their phone because it typed it, as the owner knows their own number.
 */
const POSTAL: Record<string, string[]> = JSON.parse(
  fs.readFileSync(new URL('../../db/reference/postal-prefixes.json', import.meta.url), 'utf8'),
);
const pendamping = readmeDemoAccounts().find((r) => r.role === 'pendamping')!;

const browser = browserForFile();

interface Region {
  code: string;
  name: string;
  parent_code: string;
}
const get = async <T>(path: string): Promise<T> => (await (await fetch(`${baseUrl()}${path}`)).json()) as T;
const regions = async (query: string) => (await get<{ items: Region[] }>(`/api/regions?${query}`)).items;
const agencies = async () =>
  (await get<{ items: { id: number; name: string }[] }>('/api/registry/fostering-agencies')).items;

/** A valid NIK of a woman (day + 40), unique for this run: region prefix, birth date, serial. */
function newNik(district: string): { nik: string; birthShown: string } {
  const day = crypto.randomInt(1, 29);
  const month = crypto.randomInt(1, 13);
  const year = crypto.randomInt(1970, 2000);
  const serial = String(crypto.randomInt(1, 10_000)).padStart(4, '0');
  const nik = `${district}${day + 40}${String(month).padStart(2, '0')}${String(year % 100).padStart(2, '0')}${serial}`;
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
  return { nik, birthShown: `${day} ${MONTHS[month - 1]} ${year}` };
}
const newPhone = () => `0813${String(crypto.randomInt(0, 100_000_000)).padStart(8, '0')}`;
const tag = () => crypto.randomBytes(2).toString('hex');

interface Business {
  name: string;
  kbliQuery: string;
  kbliCode: string;
  city?: string; // self-service only: the desk's kota and kecamatan are the pendamping's
  district?: string;
  village: string;
  postalCode: string;
  agencyId: number;
}

/** The business part of the long form, as a person fills it: search-and-pick KBLI, pickers, typed rupiah. */
async function fillBusiness(page: Page, b: Business) {
  await page.getByLabel('Nama usaha', { exact: true }).fill(b.name);
  await page.getByLabel('Bidang usaha (KBLI)').fill(b.kbliQuery);
  await page.getByRole('button', { name: new RegExp(`^${b.kbliCode} `) }).click();
  await page.locator(`.chosen li[data-kbli="${b.kbliCode}"]`).waitFor();
  if (b.city) {
    await selectWhenLoaded(page, 'Kota/kabupaten', b.city);
    await selectWhenLoaded(page, 'Kecamatan', b.district!);
  }
  await selectWhenLoaded(page, 'Kelurahan', b.village);
  await page.getByLabel('Alamat usaha').fill('Jl. Melati No. 5 RT 03/RW 02');
  await page.getByLabel('Kode pos').fill(b.postalCode);
  await page.getByLabel('Tahun mulai usaha').fill('2019');
  await page.getByLabel('Jumlah pekerja').fill('2');
  const capital = page.getByLabel('Modal usaha (Rp)');
  await capital.pressSequentially('15000000');
  expect(await capital.inputValue()).toBe('15.000.000'); // grouped as typed, the Indonesian way
  await page.getByLabel('Hasil penjualan setahun (Rp)').fill('120000000');
  await selectWhenLoaded(page, 'Pengampu (pembina)', String(b.agencyId));
}

async function selectWhenLoaded(page: Page, label: string, value: string) {
  const select = page.getByLabel(label, { exact: true });
  await select.locator(`option[value="${value}"]`).waitFor({ state: 'attached' });
  await select.selectOption(value);
}

/** The NIK field's message, found as a screen reader finds it: through aria-describedby. */
async function nikMessage(page: Page): Promise<string> {
  const nik = page.getByLabel('NIK', { exact: true });
  expect(await nik.getAttribute('aria-invalid')).toBe('true');
  const ids = (await nik.getAttribute('aria-describedby'))!.split(' ');
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

describe('an owner registers on a phone', () => {
  it('creates the account, corrects a NIK typo after the instant feedback, survives going offline, and sees the business with the NIK masked', async () => {
    const [city] = await regions('level=city');
    const [district] = await regions(`parent=${city!.code}&level=district`);
    const [village] = await regions(`parent=${district!.code}&level=village`);
    const [agency] = await agencies();
    const { nik, birthShown } = newNik(district!.code);
    const phone = newPhone();
    const name = `Katering Bu Ani ${tag()}`;

    const { context, page, problems } = await openPhone(browser());
    await page.goto(`${baseUrl()}/daftar`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: 'Daftar UMKM' }).waitFor();
    await expectNoSidewaysScroll(page);

    // Step 1: the account, with name, HP and password.
    await page.getByLabel('Nama lengkap').fill('Ani Suryani');
    await page.getByLabel('Nomor HP').fill(phone);
    await page.getByLabel('Kata sandi', { exact: true }).fill('Katering-Ani-2026');
    await page.getByRole('button', { name: 'Buat akun dan lanjutkan' }).click();
    await page.getByRole('heading', { level: 2, name: 'Langkah 2 dari 2: data pemilik dan usaha' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    expect(await page.getByLabel('Nama pemilik').inputValue()).toBe('Ani Suryani');
    expect(await page.getByLabel('Nomor HP pemilik').inputValue()).toBe(phone);

    // One digit short: leaving the field says what is wrong, next to it, in the reader's language.
    const nikField = page.getByLabel('NIK', { exact: true });
    await nikField.fill(nik.slice(0, 15));
    await nikField.press('Tab');
    await page.locator('[data-nik-error]').filter({ hasText: 'NIK harus terdiri dari 16 angka.' }).waitFor();
    expect(await nikMessage(page)).toContain('NIK harus terdiri dari 16 angka.');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await expectNoSidewaysScroll(page);
    await switchLang(page, 'en');
    await page.locator('[data-nik-error]').filter({ hasText: 'A NIK must be exactly 16 digits.' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await expectNoSidewaysScroll(page);
    await switchLang(page, 'id');

    // Corrected: the NIK's gender and birth date appear for the owner to confirm.
    await nikField.fill(nik);
    const facts = page.locator('[data-nik-facts]');
    await facts.waitFor();
    expect(await facts.textContent()).toContain('Perempuan');
    expect(await facts.locator('[data-birth-date]').textContent()).toBe(birthShown);
    expect(await nikField.getAttribute('aria-invalid')).toBeNull();
    expect((await nikField.getAttribute('aria-describedby'))!.split(' ')).toContain(await facts.getAttribute('id'));
    await page.getByLabel('Benar, ini sesuai KTP saya').check();

    await fillBusiness(page, {
      name,
      kbliQuery: 'roti',
      kbliCode: '10710',
      city: city!.code,
      district: district!.code,
      village: village!.code,
      postalCode: `${POSTAL[city!.code]![0]}10`,
      agencyId: agency!.id,
    });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await expectNoSidewaysScroll(page);

    // The connection drops as the owner presses send: a clear message, and nothing typed is lost.
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Kirim pendaftaran' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Tidak tersambung ke internet' });
    await alert.waitFor();
    expect(await page.getByLabel('Nama usaha', { exact: true }).inputValue()).toBe(name);
    expect(await nikField.inputValue()).toBe(nik);
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Kirim pendaftaran' }).click();

    // Registered: what happens next, and the way to the business.
    const done = page.getByRole('heading', { level: 2, name: `${name} sudah terdaftar` });
    await done.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('pasar-lokal.draft'))),
    ).toEqual([]);
    await expectNoSidewaysScroll(page);
    await page.getByRole('link', { name: 'Lihat usaha saya' }).click();
    await page.getByRole('heading', { level: 1, name: 'Usaha saya' }).waitFor();
    const record = page.locator('.facts.member');
    await record.waitFor();
    expect(await record.locator('[data-field="name"]').textContent()).toBe(name);
    expect(await record.locator('[data-nik]').textContent()).toBe(`${nik.slice(0, 4)}********${nik.slice(12)}`);
    expect(await page.locator('main').textContent()).not.toContain(nik);
    expect(await record.textContent()).toContain('Rp 15.000.000');
    expect(await record.textContent()).toContain('Usaha mikro');
    // The owner may see their own NIK (the view is audited).
    await page.getByRole('button', { name: 'Tampilkan NIK' }).click();
    await record.locator('[data-nik="clear"]').filter({ hasText: nik }).waitFor();
    await expectNoSidewaysScroll(page);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The only failures: the request sent while offline (the browser logs it too).
    const left = unexpected(problems);
    expect(
      left.failedRequests.filter((f) => !/\/api\/registry\/registrations net::ERR_INTERNET_DISCONNECTED/.test(f)),
    ).toEqual([]);
    expect(left.consoleErrors.filter((c) => !/ERR_INTERNET_DISCONNECTED/.test(c))).toEqual([]);
    await context.close();
  });

  it('keeps the half-filled form over a reload, and "Hapus draf" forgets it', async () => {
    const [city] = await regions('level=city');
    const [district] = await regions(`parent=${city!.code}&level=district`);
    const { context, page, problems } = await openPhone(browser());
    const signup = await page.request.post(`${baseUrl()}/api/auth/signup`, {
      data: { displayName: 'Budi Santoso', login: newPhone(), password: 'Warung-Budi-2026' },
    });
    expect(signup.status()).toBe(201);
    await page.goto(`${baseUrl()}/daftar`, { waitUntil: 'networkidle' });
    const { nik, birthShown } = newNik(district!.code);
    await page.getByLabel('Nama pemilik').fill('Budi Santoso');
    await page.getByLabel('NIK', { exact: true }).fill(nik);
    await page.locator('[data-nik-facts]').waitFor();
    await page.getByLabel('Nama usaha', { exact: true }).fill('Warung Budi');
    await page.getByLabel('Bidang usaha (KBLI)').fill('10710');
    await page.getByRole('button', { name: /^10710 / }).click();
    await selectWhenLoaded(page, 'Kota/kabupaten', city!.code);
    // A minus typed in the capital is refused next to the field, in both languages, never read as Rp 5; sending
    // is refused with it.
    const capital = page.getByLabel('Modal usaha (Rp)');
    await capital.pressSequentially('−5');
    expect(await capital.inputValue()).toBe('-5');
    expect(await fieldMessage(capital)).toContain('Tidak boleh kurang dari nol. Hapus tanda minus.');
    await switchLang(page, 'en');
    expect(await fieldMessage(page.getByLabel('Business capital (Rp)'))).toContain(
      'Cannot be less than zero. Remove the minus sign.',
    );
    await switchLang(page, 'id');
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/api/registry/')) sent.push(r.url());
    });
    await page.getByRole('button', { name: 'Kirim pendaftaran' }).click();
    await page
      .getByText(/Ada \d+ isian yang perlu diperbaiki/)
      .first()
      .waitFor();
    expect(await fieldMessage(capital)).toContain('Tidak boleh kurang dari nol.');
    expect(sent).toEqual([]);
    await capital.fill('5000000');
    expect(await capital.getAttribute('aria-invalid')).toBeNull();

    await page.reload({ waitUntil: 'networkidle' });
    await page.getByRole('status').filter({ hasText: 'Isian yang tersimpan di perangkat ini dipulihkan' }).waitFor();
    expect(await page.getByLabel('Nama pemilik').inputValue()).toBe('Budi Santoso');
    expect(await page.getByLabel('NIK', { exact: true }).inputValue()).toBe(nik);
    expect(await page.locator('[data-nik-facts] [data-birth-date]').textContent()).toBe(birthShown);
    expect(await page.getByLabel('Nama usaha', { exact: true }).inputValue()).toBe('Warung Budi');
    expect(await page.locator('.chosen li[data-kbli="10710"]').count()).toBe(1);
    expect(await page.getByLabel('Kota/kabupaten').inputValue()).toBe(city!.code);
    expect(await page.getByLabel('Modal usaha (Rp)').inputValue()).toBe('5.000.000');

    await page.getByRole('button', { name: 'Hapus draf' }).first().click();
    await page.getByRole('status').filter({ hasText: 'Draf dihapus' }).waitFor();
    expect(await page.getByLabel('NIK', { exact: true }).inputValue()).toBe('');
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.getByLabel('Nama usaha', { exact: true }).inputValue()).toBe('');
    expect(unexpected(problems)).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });
});

describe('a pendamping registers an owner at the kecamatan desk', () => {
  it('hands over a claim code, the owner claims the account and sees the business; the same NIK from another pengampu is a link', async () => {
    const { context, page, problems } = await openPhone(browser());
    await page.goto(`${baseUrl()}/masuk`, { waitUntil: 'networkidle' });
    await logInThroughForm(page, pendamping);
    await page.waitForURL((u) => u.pathname === '/beranda');
    const me = (await (await page.request.get(`${baseUrl()}/api/auth/me`)).json()) as {
      roles: { role: string; scopeId: string }[];
    };
    const district = me.roles.find((g) => g.role === 'pendamping')!.scopeId;
    const [village] = await regions(`parent=${district}&level=village`);
    const city = (await regions('level=district')).find((d) => d.code === district)!.parent_code;
    const [first, second] = await agencies();
    const { nik } = newNik(district);
    const phone = newPhone();
    const name = `Keripik Pak Joko ${tag()}`;
    const business = {
      kbliQuery: 'keripik',
      kbliCode: '10794',
      village: village!.code,
      postalCode: `${POSTAL[city]![0]}20`,
    };

    // From the home card's shortcut to the desk form: the kecamatan is the pendamping's own.
    await page
      .locator('section[data-role="pendamping"]')
      .getByRole('link', { name: 'Daftarkan UMKM baru', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Daftarkan UMKM di meja kecamatan' }).waitFor();
    await page.locator(`.fixed-place[data-district="${district}"]`).waitFor();
    const villages = await page
      .getByLabel('Kelurahan', { exact: true })
      .locator('option[value]:not([value=""])')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(villages.length).toBeGreaterThan(0);
    expect(villages.every((v) => v.startsWith(district))).toBe(true);

    await page.getByLabel('Nama pemilik').fill('Joko Widodo');
    await page.getByLabel('NIK', { exact: true }).fill(nik);
    await page.locator('[data-nik-facts]').waitFor();
    await page.getByLabel('Benar, sesuai KTP pemilik').check();
    await page.getByLabel('Nomor HP pemilik').fill(phone);
    await fillBusiness(page, { ...business, name, agencyId: first!.id });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Daftarkan dan buat kode aktivasi' }).click();

    const issued = page.locator('[data-outcome="registered"]');
    await issued.waitFor();
    expect(await issued.getByRole('heading', { level: 2 }).textContent()).toBe(`${name} terdaftar`);
    const code = (await issued.locator('[data-code]').getAttribute('data-code'))!;
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect(await issued.textContent()).toMatch(/Berlaku sampai \d+ \w+ \d{4} \d\d\.\d\d WIB/);
    expect(await issued.textContent()).toContain(phone);
    const wa = new URL((await issued.getByRole('link', { name: 'Kirim lewat WhatsApp' }).getAttribute('href'))!);
    expect(wa.searchParams.get('text')).toContain(code);
    expect(await issued.getByRole('button', { name: 'Cetak bukti' }).count()).toBe(1);
    await expectNoSidewaysScroll(page);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The same NIK again, from another pengampu: no second business, a second fostering link.
    await page.getByRole('button', { name: 'Daftarkan pemilik berikutnya' }).click();
    await page.getByLabel('Nama pemilik').fill('Joko Widodo');
    await page.getByLabel('NIK', { exact: true }).fill(nik);
    await page.locator('[data-nik-facts]').waitFor();
    await page.getByLabel('Benar, sesuai KTP pemilik').check();
    await page.getByLabel('Nomor HP pemilik').fill(phone);
    await fillBusiness(page, { ...business, name, agencyId: second!.id });
    await page.getByRole('button', { name: 'Daftarkan dan buat kode aktivasi' }).click();
    const linked = page.locator('[data-outcome="linked"]');
    await linked.waitFor();
    expect(await linked.getByRole('heading', { level: 2 }).textContent()).toBe('Sudah terdaftar: pengampu ditambahkan');
    expect(await linked.textContent()).toContain('Tidak ada akun atau kode baru');
    expect(await linked.locator('[data-code]').count()).toBe(0);
    await expectNoSidewaysScroll(page);

    // The owner, at home: phone + code + a new password.
    await page.getByRole('banner').getByRole('button', { name: 'Keluar', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/masuk');
    await page.getByRole('link', { name: 'Aktifkan akun dengan kode dari kecamatan' }).click();
    await page.getByLabel('Nomor HP').fill(phone);
    await page.getByLabel('Kode aktivasi').fill(code);
    await page.getByLabel('Kata sandi baru').fill('Keripik-Joko-2026');
    await page.getByRole('button', { name: 'Aktifkan dan masuk' }).click();
    await page.waitForURL((u) => u.pathname === '/beranda');
    const ownerCard = page.locator('section[data-role="umkm_owner"]');
    await ownerCard.locator('.tile').first().waitFor();
    expect(await ownerCard.locator('.tile').first().textContent()).toBe('Usaha saya1');
    await ownerCard.getByRole('link', { name: 'Kelola usaha', exact: true }).click();
    const record = page.locator('.facts.member');
    await record.waitFor();
    expect(await record.locator('[data-field="name"]').textContent()).toBe(name);
    expect(await record.textContent()).toContain(first!.name);
    expect(await record.textContent()).toContain(second!.name);
    expect(await record.locator('[data-nik]').textContent()).toBe(`${nik.slice(0, 4)}********${nik.slice(12)}`);
    await expectNoSidewaysScroll(page);

    expect(unexpected(problems)).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });
});

describe('the register for the kecamatan desk and the inspectorate', () => {
  it('a pendamping finds members of their kecamatan and sees a NIK (audited); the auditor reads that view in the log, in WIB', async () => {
    const { context, page, problems } = await openPhone(browser());
    await page.goto(`${baseUrl()}/masuk`, { waitUntil: 'networkidle' });
    await logInThroughForm(page, pendamping);
    await page.waitForURL((u) => u.pathname === '/beranda');
    const me = (await (await page.request.get(`${baseUrl()}/api/auth/me`)).json()) as {
      roles: { role: string; scopeId: string }[];
    };
    const district = (await regions('level=district')).find(
      (d) => d.code === me.roles.find((g) => g.role === 'pendamping')!.scopeId,
    )!;

    await page
      .locator('section[data-role="pendamping"]')
      .getByRole('link', { name: 'Cari anggota', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Daftar anggota' }).waitFor();
    const rows = page.locator('.items.members li');
    await rows.first().waitFor();
    // Only their own kecamatan is offered as a filter, and every member listed is in it.
    expect(await page.getByLabel('Kecamatan').locator('option').allTextContents()).toEqual([
      'Semua kecamatan',
      district.name,
    ]);
    const places = await rows.locator('span.secondary:nth-of-type(1)').allTextContents();
    expect(places.length).toBe(await rows.count());
    for (const text of places) expect(text).toContain(`, ${district.name} ·`);
    const first = rows.first();
    const name = (await first.locator('a').textContent())!;
    const other = (await rows.locator('a').allTextContents()).find((n) => n !== name)!;
    const listed = async (q: string) =>
      (
        await (await page.request.get(`${baseUrl()}/api/registry/members?limit=20&q=${encodeURIComponent(q)}`)).json()
      ).items.map((m: { name: string }) => m.name);
    // The two searches below find different members: a page that showed the wrong one's answer would be seen.
    expect(await listed(other)).not.toEqual(await listed(name));

    // A slow answer to an earlier search never overwrites a newer one: the search for `other` is held back until
    // the search for `name` has answered.
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const isOther = (u: URL) => u.pathname === '/api/registry/members' && u.searchParams.get('q') === other;
    await page.route(isOther, async (route) => {
      await held;
      await route.continue();
    });
    const results = page.locator('.members-results');
    await page.getByLabel('Nama usaha').fill(other);
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    // While it loads, the list says so and shows no count of the last search's rows.
    await page
      .locator('.members-results[aria-busy="true"]')
      .getByRole('status')
      .filter({ hasText: 'Memuat' })
      .waitFor();
    expect(await results.textContent()).not.toContain('anggota ditampilkan');
    expect(await rows.count()).toBe(0);

    await page.getByLabel('Nama usaha').fill(name);
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    // What a user waits for: the loading line gone, and the member in the list.
    await page.locator('.members-results[aria-busy="false"]').waitFor();
    await rows.locator('a', { hasText: name }).first().waitFor();
    const shown = await rows.locator('a').allTextContents();
    expect(shown).toContain(name);
    expect(shown).toEqual(await listed(name));
    expect(await results.getByRole('status').textContent()).toBe(`${shown.length} anggota ditampilkan.`);

    const lateAnswer = page.waitForEvent('requestfinished', (r) => isOther(new URL(r.url())));
    release();
    await lateAnswer;
    // Nothing should happen now; give the page time to (wrongly) show the late answer before looking again.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    expect(await rows.locator('a').allTextContents()).toEqual(shown);
    await page.unroute(isOther);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await expectNoSidewaysScroll(page);

    await rows.locator('a', { hasText: name }).first().click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const umkmId = await page.locator('.facts.member').getAttribute('data-umkm');
    expect(await page.locator('[data-nik]').textContent()).toMatch(/^\d{4}\*{8}\d{4}$/);
    await page.getByRole('button', { name: 'Tampilkan NIK' }).click();
    await page.locator('[data-nik="clear"]').waitFor();
    expect(await page.locator('[data-nik]').textContent()).toMatch(/^\d{16}$/);
    await switchLang(page, 'en');
    await page.getByRole('button', { name: 'Hide NIK' }).click();
    expect(await page.locator('[data-nik]').textContent()).toMatch(/^\d{4}\*{8}\d{4}$/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await expectNoSidewaysScroll(page);
    await switchLang(page, 'id');

    // An address that is no member (or outside the kecamatan) says so.
    await page.goto(`${baseUrl()}/anggota/999999999`, { waitUntil: 'networkidle' });
    await page.getByText('Anggota ini tidak ada, atau di luar wilayah Anda.').waitFor();
    await page.getByRole('banner').getByRole('button', { name: 'Keluar', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/masuk');

    const auditor = readmeDemoAccounts().find((r) => r.role === 'auditor')!;
    await logInThroughForm(page, auditor);
    await page.waitForURL((u) => u.pathname === '/beranda');
    await page.locator('section[data-role="auditor"]').getByRole('link', { name: 'Log audit', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Log audit' }).waitFor();
    const view = page
      .locator('.items.audit li')
      .filter({ hasText: `privacy.nik_view · umkm ${umkmId}` })
      .first();
    await view.waitFor();
    expect(await view.textContent()).toMatch(
      /\d+ \w+ \d{4} \d\d\.\d\d WIB · Pendamping Kecamatan \(Pendamping kecamatan\)/,
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await expectNoSidewaysScroll(page);
    expect(unexpected(problems, [{ status: 404, path: '/api/registry/members/999999999' }])).toEqual({
      consoleErrors: [],
      failedRequests: [],
    });
    await context.close();
  });
});
