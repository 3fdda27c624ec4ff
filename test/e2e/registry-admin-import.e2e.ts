import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/platform/money.ts';
import { IMPORT_COLUMNS } from '../../src/registry/import/columns.ts';
import { baseUrl, launch, watchProblems } from './browser.ts';
import {
  expectNoSidewaysScroll,
  logInThroughForm,
  PHONE,
  readmeDemoAccounts,
  seriousA11yViolations,
  switchLang,
  unexpected,
} from './accounts.ts';

// The admin's spreadsheet import, as an admin does it on a phone: a file with one bad row is checked and refused
// with that row shown, the corrected file is checked, confirmed, imported with a progress bar, and the members
// exist. Then the export page, whose summary and download are the server's.
const admin = readmeDemoAccounts().find((r) => r.role === 'platform_admin')!;
const run = `${Date.now() % 1_000_000}`;
const rand = (n: number) => Math.floor(Math.random() * n);
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

interface Person {
  name: string;
  nik: string;
  phone: string;
  business: string;
}
/** A plausible owner in Kebayoran Baru (317407): NIK = kecamatan + birth date (DDMMYY) + serial. */
function person(i: number): Person {
  const nik = `317407${pad(1 + rand(28))}${pad(1 + rand(12))}${pad(60 + rand(40))}${pad(1000 + rand(9000), 4)}`;
  return {
    name: `Pemilik Uji ${run}-${i}`,
    nik,
    phone: `0813${pad(rand(100_000_000), 8)}`,
    business: `Usaha Impor ${run}-${i}`,
  };
}

function csv(people: Person[]): Buffer {
  const row = (p: Person) => {
    const v: Record<string, string> = {
      nama_pemilik: p.name,
      nik: p.nik,
      no_hp: p.phone,
      nama_usaha: p.business,
      kbli: '10710',
      kelurahan: '3174071001',
      alamat: `Jl. Melawai No. ${rand(200)}`,
      kode_pos: '12160',
      tahun_mulai: '2018',
      tenaga_kerja: '2',
      modal: '25000000',
      omzet_tahunan: '150000000',
    };
    return IMPORT_COLUMNS.map((c) => v[c.key] ?? '').join(',');
  };
  return Buffer.from([IMPORT_COLUMNS.map((c) => c.key).join(','), ...people.map(row)].join('\n'), 'utf8');
}

let browser: Browser;
let page: Page;
let problems: ReturnType<typeof watchProblems>;
beforeAll(async () => {
  browser = await launch();
  const context = await browser.newContext(PHONE);
  page = await context.newPage();
  problems = watchProblems(page);
});
afterAll(async () => {
  await browser?.close();
});

async function checkPage(where: string) {
  expect(await seriousA11yViolations(page), where).toEqual([]);
  await expectNoSidewaysScroll(page);
}

async function upload(file: { name: string; buffer: Buffer }, agencyLabel: string) {
  await page.getByLabel('Pengampu', { exact: true }).selectOption({ label: agencyLabel });
  await page
    .getByLabel('Berkas daftar anggota (.csv atau .xlsx)')
    .setInputFiles({ name: file.name, mimeType: 'text/csv', buffer: file.buffer });
  const [res] = await Promise.all([
    page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/registry/import-jobs' && r.request().method() === 'POST',
    ),
    page.getByRole('button', { name: 'Periksa berkas' }).click(),
  ]);
  expect(res.status()).toBe(202);
  const job = (await res.json()) as { id: number };
  await page.waitForURL((u) => u.pathname === `/admin/impor/${job.id}`);
  return job.id;
}

describe('import and export (admin)', () => {
  const people = [person(1), person(2), person(3)];
  let agency: { id: number; code: string; name: string };

  it('refuses a file with a bad row, shows that row, then imports the corrected file with progress', async () => {
    await page.goto(`${baseUrl()}/admin/impor`, { waitUntil: 'networkidle' });
    await page.waitForURL((u) => u.pathname === '/masuk');
    await logInThroughForm(page, admin);
    await page.waitForURL((u) => u.pathname === '/admin/impor');
    await page.getByRole('heading', { level: 1, name: 'Impor daftar anggota' }).waitFor();
    expect(await page.getByRole('link', { name: 'Templat XLSX' }).getAttribute('href')).toBe(
      '/api/registry/import-template.xlsx',
    );
    const template = await page.request.get(`${baseUrl()}/api/registry/import-template.csv`);
    expect((await template.text()).split('\n')[0]).toContain('nama_pemilik');
    const agencies = (await (await page.request.get(`${baseUrl()}/api/registry/fostering-agencies`)).json()) as {
      items: (typeof agency)[];
    };
    agency = agencies.items.find((a) => a.code === 'DINSOS')!;
    await checkPage('/admin/impor');

    // 1. One bad NIK (15 digits) among three rows: the dry run refuses the file and names row 3, column nik.
    const bad = people.map((p, i) => (i === 1 ? { ...p, nik: p.nik.slice(0, 15) } : p));
    const badJob = await upload({ name: `anggota-${run}.csv`, buffer: csv(bad) }, `${agency.code} — ${agency.name}`);
    const table = page.getByTestId('import-errors');
    await table.waitFor();
    const api = (await (await page.request.get(`${baseUrl()}/api/registry/import-jobs/${badJob}/errors`)).json()) as {
      items: { row: number; column: string; message: { id: string; en: string } }[];
      rowsBad: number;
    };
    expect(api.rowsBad).toBe(1);
    const nikError = api.items.find((e) => e.column === 'nik')!;
    expect(nikError.row).toBe(3); // the header is row 1
    const shown = table.locator(`tr[data-row="${nikError.row}"][data-column="nik"]`);
    expect(await shown.locator('td').allTextContents()).toEqual(['3', 'nik', nikError.message.id]);
    expect(await page.locator('.ra-job').getAttribute('data-phase')).toBe('has_errors');
    expect(await page.getByText('1 dari 3 baris bermasalah').count()).toBe(1);
    const report = await page.request.get(
      `${baseUrl()}${await page.getByRole('link', { name: 'Laporan CSV' }).getAttribute('href')}`,
    );
    expect(report.status()).toBe(200);
    expect(await report.text()).toContain(nikError.message.id);
    await checkPage('/admin/impor/:job (errors)');
    // The message follows the language.
    await switchLang(page, 'en');
    expect(await shown.locator('td').nth(2).textContent()).toBe(nikError.message.en);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await switchLang(page, 'id');

    // 2. The corrected file, from the same page (the pengampu is kept): clean, with a preview, then imported.
    await page.getByRole('heading', { name: 'Unggah berkas yang sudah diperbaiki' }).waitFor();
    expect(await page.getByLabel('Pengampu', { exact: true }).inputValue()).toBe(String(agency.id));
    const phases: { phase: string; progress: number }[] = [];
    page.on('response', async (r) => {
      if (/^\/api\/registry\/import-jobs\/\d+(\/import)?$/.test(new URL(r.url()).pathname) && r.ok())
        phases.push(await r.json());
    });
    const goodJob = await upload(
      { name: `anggota-${run}-diperbaiki.csv`, buffer: csv(people) },
      `${agency.code} — ${agency.name}`,
    );
    const confirm = page.getByRole('button', { name: 'Impor 3 baris' });
    await confirm.waitFor();
    expect(await page.locator('[data-figure="new"] dd').textContent()).toBe('3');
    await checkPage('/admin/impor/:job (ready)');
    await confirm.click();
    await page.locator('.ra-job[data-phase="imported"]').waitFor({ timeout: 30_000 });
    expect(await page.getByText('Impor selesai: 3 baris.').count()).toBe(1);
    expect(await page.locator('[data-figure="new"] dd').textContent()).toBe('3');
    // The page polled the job through importing until it was done, and the job's progress reached 1.
    const mine = phases.filter((p) => (p as unknown as { id: number }).id === goodJob);
    expect(mine.map((p) => p.phase)).toContain('importing');
    expect(mine.at(-1)).toMatchObject({ phase: 'imported', progress: 1 });
    await checkPage('/admin/impor/:job (imported)');

    // 3. The members exist, fostered by the chosen agency.
    for (const p of people) {
      const found = (await (
        await page.request.get(`${baseUrl()}/api/registry/members?q=${encodeURIComponent(p.business)}`)
      ).json()) as {
        items: { name: string; registrationChannel: string; fosteringAgencies: { id: number }[] }[];
      };
      expect(found.items.map((m) => m.name)).toEqual([p.business]);
      expect(found.items[0]!.registrationChannel).toBe('import');
      expect(found.items[0]!.fosteringAgencies.map((a) => a.id)).toContain(agency.id);
    }

    // 4. Both jobs are in the list to come back to.
    await page.getByRole('link', { name: 'Kembali ke impor' }).click();
    await page.locator(`.ra-jobs li[data-job="${goodJob}"]`).waitFor();
    expect(await page.locator(`.ra-jobs li[data-job="${goodJob}"] .ra-badge`).textContent()).toBe('selesai diimpor');
    expect(await page.locator(`.ra-jobs li[data-job="${badJob}"] .ra-badge`).textContent()).toBe('ada kesalahan');
  });

  it('exports the filtered register with the summary the server gives', async () => {
    const isSummary = (u: string) => new URL(u).pathname === '/api/registry/export/summary';
    const [first] = await Promise.all([
      page.waitForResponse((r) => isSummary(r.url())),
      page.goto(`${baseUrl()}/ekspor`),
    ]);
    const all = (await first.json()) as { rows: number; nikMasked: boolean };
    expect(all.nikMasked).toBe(false);
    await page.getByRole('heading', { level: 2, name: /anggota$/ }).waitFor();
    expect(await page.locator('#export-summary').textContent()).toBe(`${formatNumber(all.rows)} anggota`);
    expect(await page.locator('[data-nik]').getAttribute('data-nik')).toBe('clear'); // the admin may see NIK
    await checkPage('/ekspor');

    // Narrow to the agency of the import: the summary and the download follow the filter.
    const [res] = await Promise.all([
      page.waitForResponse(
        (r) => isSummary(r.url()) && new URL(r.url()).searchParams.get('pengampu') === String(agency.id),
      ),
      page.getByLabel('Pengampu', { exact: true }).selectOption(String(agency.id)),
    ]);
    const narrowed = (await res.json()) as { rows: number };
    expect(narrowed.rows).toBeLessThan(all.rows);
    await page.waitForFunction(
      (n) => document.querySelector('#export-summary')?.textContent === n,
      `${formatNumber(narrowed.rows)} anggota`,
    );
    const href = (await page.getByRole('link', { name: 'Unduh CSV' }).getAttribute('href'))!;
    expect(new URL(href, baseUrl()).searchParams.get('pengampu')).toBe(String(agency.id));
    const file = await page.request.get(`${baseUrl()}${href}`);
    expect(file.headers()['content-type']).toMatch(/text\/csv/);
    const lines = (await file.text()).trim().split('\n');
    expect(lines.length - 1).toBeGreaterThanOrEqual(narrowed.rows); // others may register meanwhile
    for (const p of people) expect(lines.some((l) => l.includes(p.business))).toBe(true);
    await expectNoSidewaysScroll(page);

    expect(unexpected(problems, [{ status: 401, path: '/api/auth/login' }])).toEqual({
      consoleErrors: [],
      failedRequests: [],
    });
  });
});
