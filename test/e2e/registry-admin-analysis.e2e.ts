import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/platform/money.ts';
import { percent } from '../../web/src/pages/registry-admin/format.ts';
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

// The register's analysis pages on a phone — the 7P funnel and the pengampu overlap show exactly what the API
// answered them, chart and table alike — and permits: the owner uploads a certificate (a real PDF; a renamed text
// file is refused next to the file field) and the kecamatan's pendamping sees it in the expiry queue.
const rows = readmeDemoAccounts();
const account = (role: string) => rows.find((r) => r.role === role)!;
const run = `${Date.now() % 1_000_000}`;
const num = (n: number) => formatNumber(n, 'id');

interface StageCount {
  stage: number;
  members: number;
  rateFromPrevious: number | null;
  rateFromP1: number | null;
}
interface Funnel {
  asOfWib: { id: string; en: string };
  stages: { stage: number; code: string; label: { id: string; en: string } }[];
  total: StageCount[];
  groups: { key: string; name: string; stages: StageCount[] }[];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const pathIs = (p: string) => (r: Response) => new URL(r.url()).pathname === p && r.request().method() === 'GET';

async function signedIn(
  role: string,
  path: string,
  api: string,
): Promise<{ context: BrowserContext; page: Page; problems: ReturnType<typeof watchProblems>; first: Response }> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${baseUrl()}${path}`, { waitUntil: 'networkidle' });
  await page.waitForURL((u) => u.pathname === '/masuk');
  const first = page.waitForResponse(pathIs(api));
  await logInThroughForm(page, account(role));
  await page.waitForURL((u) => u.pathname === path);
  return { context, page, problems, first: await first };
}

async function checkPage(page: Page, where: string) {
  expect(await seriousA11yViolations(page), where).toEqual([]);
  await expectNoSidewaysScroll(page);
}

/** The funnel's chart and table hold the numbers of the answer the page received. */
async function expectFunnel(page: Page, f: Funnel, lang: 'id' | 'en' = 'id') {
  const n = (x: number) => formatNumber(x, lang);
  for (const s of f.total) {
    const stage = f.stages.find((x) => x.stage === s.stage)!;
    const row = page.getByTestId('funnel-table').locator(`tr[data-stage="${s.stage}"]`);
    expect(await row.locator('th').textContent()).toBe(`${stage.code} ${stage.label[lang]}`);
    expect(await row.locator('td').allTextContents()).toEqual([
      n(s.members),
      percent(s.rateFromPrevious, lang),
      percent(s.rateFromP1, lang),
    ]);
  }
  // The chart (ECharts, loaded lazily) draws every stage with its count.
  await page.getByTestId('funnel-chart').locator('svg').waitFor();
  const drawn = (await page.getByTestId('funnel-chart').textContent()) ?? '';
  for (const s of f.total) expect(drawn).toContain(String(s.members));
  expect(await page.locator('.ra-chart [role="img"]').getAttribute('aria-label')).toContain(
    `P1 ${n(f.total[0]!.members)}`,
  );
  expect(await page.getByTestId('as-of').textContent()).toContain(f.asOfWib[lang]);
}

describe('analysis pages (BPPBJ analyst, a province-wide reader)', () => {
  it('the funnel shows the API’s counts as a chart and as a table, by kota and for one kota', async () => {
    const { context, page, problems, first } = await signedIn('bppbj_analyst', '/corong', '/api/registry/funnel');
    const all = (await first.json()) as Funnel;
    expect(all.total[0]!.members).toBeGreaterThan(0);
    await page.getByTestId('funnel-table').waitFor();
    await expectFunnel(page, all);
    await checkPage(page, '/corong');

    // Compare by kota: one row per kota, P1 and the share of P1 per stage.
    const [byCityRes] = await Promise.all([
      page.waitForResponse(
        (r) => pathIs('/api/registry/funnel')(r) && new URL(r.url()).searchParams.get('groupBy') === 'city',
      ),
      page.getByLabel('Bandingkan per').selectOption('city'),
    ]);
    const byCity = (await byCityRes.json()) as Funnel;
    const compare = page.getByTestId('funnel-compare');
    await compare.waitFor();
    expect(await compare.locator('tbody th').allTextContents()).toEqual(byCity.groups.map((g) => g.name));
    for (const g of byCity.groups) {
      const cells = await compare.locator(`tr[data-key="${g.key}"] td`).allTextContents();
      expect(cells).toEqual(
        g.stages.map((s) => (s.stage === 1 ? num(s.members) : `${num(s.members)}${percent(s.rateFromP1, 'id')}`)),
      );
    }
    await checkPage(page, '/corong?banding=city');

    // One kota: the slice follows, and the address keeps the choice.
    const [southRes] = await Promise.all([
      page.waitForResponse(
        (r) => pathIs('/api/registry/funnel')(r) && new URL(r.url()).searchParams.get('region') === '3174',
      ),
      page.getByLabel('Kota/kabupaten', { exact: true }).selectOption('3174'),
    ]);
    const south = (await southRes.json()) as Funnel;
    await page.getByRole('heading', { level: 2, name: /Jakarta Selatan/ }).waitFor();
    await expectFunnel(page, south);
    expect(south.total[0]!.members).toBeLessThan(all.total[0]!.members);
    expect(new URL(page.url()).searchParams.get('kota')).toBe('3174');

    await switchLang(page, 'en');
    await expectFunnel(page, south, 'en');
    expect(await page.getByTestId('funnel-table').locator('thead th').first().textContent()).toBe('Stage');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await switchLang(page, 'id');

    expect(unexpected(problems)).toEqual({ consoleErrors: [], failedRequests: [] });

    // The overlap matrix, in the same session.
    const [overlapRes] = await Promise.all([
      page.waitForResponse(pathIs('/api/registry/pengampu-overlap')),
      page.goto(`${baseUrl()}/tumpang-tindih`),
    ]);
    const o = (await overlapRes.json()) as {
      agencies: { id: number; code: string; members: number }[];
      matrix: number[][];
      total: { distinctMembers: number; sumOfAgencyCounts: number; countedMoreThanOnce: number };
    };
    const matrix = page.getByTestId('overlap-matrix');
    await matrix.waitFor();
    expect(await matrix.locator('thead th').allTextContents()).toEqual(o.agencies.map((a) => a.code));
    expect(await matrix.locator('tbody th').allTextContents()).toEqual(o.agencies.map((a) => a.code));
    for (const [i, a] of o.agencies.entries()) {
      expect(await matrix.locator(`tr[data-agency="${a.id}"] td`).allTextContents()).toEqual(o.matrix[i]!.map(num));
      expect(o.matrix[i]![i]).toBe(a.members); // the diagonal is the agency's own count
    }
    expect(await page.locator('[data-figure="distinct"] dd').textContent()).toBe(num(o.total.distinctMembers));
    expect(await page.locator('[data-figure="sum"] dd').textContent()).toBe(num(o.total.sumOfAgencyCounts));
    expect(await page.locator('[data-figure="twice"] dd').textContent()).toBe(num(o.total.countedMoreThanOnce));
    expect(o.total.sumOfAgencyCounts).toBeGreaterThan(o.total.distinctMembers); // the demo data has members fostered twice
    // The matrix scrolls inside its own box on a phone; the page does not.
    const box = await page
      .locator('.ra-scroll')
      .filter({ has: matrix })
      .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(box.scroll).toBeGreaterThanOrEqual(box.client);
    await checkPage(page, '/tumpang-tindih');

    const [perCityRes] = await Promise.all([
      page.waitForResponse(
        (r) => pathIs('/api/registry/pengampu-overlap')(r) && new URL(r.url()).searchParams.get('byCity') === 'true',
      ),
      page.getByLabel('Tampilkan per kota').check(),
    ]);
    const perCity = (await perCityRes.json()) as { cities: { name: string; distinctMembers: number }[] };
    const cities = page.getByTestId('overlap-cities');
    await cities.waitFor();
    expect(await cities.locator('tbody th').allTextContents()).toEqual(perCity.cities.map((c) => c.name));
    expect(await cities.locator('tbody td:last-child').allTextContents()).toEqual(
      perCity.cities.map((c) => num(c.distinctMembers)),
    );
    await checkPage(page, '/tumpang-tindih?perKota=1');

    expect(unexpected(problems)).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });
});

/** The smallest valid PDF: one empty page, with a correct cross-reference table. */
function tinyPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A date in Jakarta, `days` from today. */
const wibDate = (days: number) => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

describe('permits', () => {
  const number = `ID00${run}HALAL`;

  it('the owner uploads a certificate PDF, and a renamed text file is refused next to the file field', async () => {
    const { context, page, problems, first } = await signedIn('umkm_owner', '/izin', '/api/registry/permits/expiring');
    const expiring = (await first.json()) as { counts: { expiring: number; expired: number } };
    await page.locator('.ra-counts').waitFor();
    expect(await page.locator('.ra-counts').textContent()).toBe(
      `${num(expiring.counts.expiring)} segera habis, ${num(expiring.counts.expired)} kedaluwarsa`,
    );
    await checkPage(page, '/izin (owner)');

    const [listRes] = await Promise.all([
      page.waitForResponse((r) => /\/api\/registry\/members\/\d+\/permits$/.test(new URL(r.url()).pathname)),
      page.getByRole('link', { name: 'Lihat dan tambah izin usaha saya' }).click(),
    ]);
    const member = (await listRes.json()) as { umkmId: number; name: string; permits: unknown[] };
    await page.getByRole('heading', { level: 1, name: `Izin dan sertifikat: ${member.name}` }).waitFor();
    expect(await page.locator('.ra-permits > li').count()).toBe(member.permits.length);
    await checkPage(page, '/anggota/:id/izin');

    // A halal certificate that ends in 10 days, with its PDF.
    const pdf = tinyPdf();
    await page.getByLabel('Jenis izin').selectOption('halal');
    await page.getByLabel('Nomor izin').fill(number);
    await page.getByLabel('Tanggal terbit').fill(wibDate(-355));
    await page.getByLabel('Tanggal berakhir').fill(wibDate(10));
    await page
      .getByLabel('Dokumen (PDF, JPEG atau PNG, maksimal 5 MB)')
      .setInputFiles({ name: 'sertifikat-halal.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('button', { name: 'Simpan izin' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Izin ${number} tersimpan.` })
      .waitFor();
    const item = page.locator('.ra-permits > li').filter({ hasText: number });
    await item.waitFor();
    expect(await item.locator('.ra-badge').textContent()).toBe('segera habis');
    expect(await item.textContent()).toContain('tinggal 10 hari');
    const href = (await item.getByRole('link', { name: /^Unduh dokumen/ }).getAttribute('href'))!;
    const doc = await page.request.get(`${baseUrl()}${href}`);
    expect(doc.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.from(await doc.body()).equals(pdf)).toBe(true);

    // A text file renamed to .pdf: the server reads the content, and its message sits under the file field.
    await page.getByLabel('Jenis izin').selectOption('other');
    await page.getByLabel('Nomor izin').fill(`LAIN-${run}`);
    const fileField = page.getByLabel('Dokumen (PDF, JPEG atau PNG, maksimal 5 MB)');
    await fileField.setInputFiles({
      name: 'izin.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('Ini hanya teks, bukan PDF.\n'),
    });
    await page.getByRole('button', { name: 'Simpan izin' }).click();
    await page.getByRole('alert').filter({ hasText: 'Dokumen harus PDF, JPEG atau PNG.' }).waitFor();
    expect(await fileField.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await fileField.getAttribute('aria-describedby'))!.split(' ').at(-1)!;
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toBe(
      'Isi berkas bukan PDF, JPEG atau PNG (nama berkas tidak menentukan).',
    );
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'document'); // focus moves to the field (next frame)
    expect(
      await page
        .locator('.ra-permits > li')
        .filter({ hasText: `LAIN-${run}` })
        .count(),
    ).toBe(0);
    await checkPage(page, '/anggota/:id/izin (refused file)');
    await switchLang(page, 'en');
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toBe(
      'The file content is not PDF, JPEG or PNG (the file name does not count).',
    );
    expect(await item.locator('.ra-badge').textContent()).toBe('expiring soon');
    await switchLang(page, 'id');

    expect(unexpected(problems, [{ status: 415, path: `/api/registry/members/${member.umkmId}/permits` }])).toEqual({
      consoleErrors: [],
      failedRequests: [],
    });
    await context.close();
  });

  it('the pendamping sees it in the kecamatan’s expiry queue, and the funnel of the kecamatan', async () => {
    const { context, page, problems, first } = await signedIn('pendamping', '/izin', '/api/registry/permits/expiring');
    const queue = (await first.json()) as { items: { id: number; number: string; umkmName: string; status: string }[] };
    const mine = queue.items.find((p) => p.number === number)!;
    expect(mine.status).toBe('expiring');
    await page.locator('.ra-permits').waitFor();
    expect(await page.locator('.ra-permits > li').count()).toBe(queue.items.length);
    const item = page.locator(`.ra-permits > li[data-permit="${mine.id}"]`);
    expect(await item.locator('.ra-badge').textContent()).toBe('segera habis');
    expect(await item.getByRole('link').textContent()).toBe(mine.umkmName);
    await checkPage(page, '/izin (pendamping)');
    // From the queue to the member's permits, where the desk can add one too.
    await item.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: `Izin dan sertifikat: ${mine.umkmName}` }).waitFor();
    await page.getByRole('button', { name: 'Simpan izin' }).waitFor();

    // The funnel of the pendamping's own kecamatan, narrowed to one pengampu.
    const [own] = await Promise.all([
      page.waitForResponse(pathIs('/api/registry/funnel')),
      page.goto(`${baseUrl()}/corong`),
    ]);
    const district = (await own.json()) as Funnel & { slice: { region: { name: string } } };
    await page.getByRole('heading', { level: 2, name: `Menampilkan: ${district.slice.region.name}` }).waitFor();
    await expectFunnel(page, district);
    expect(await page.getByLabel('Kota/kabupaten', { exact: true }).count()).toBe(0); // the scope is fixed
    const [narrowRes] = await Promise.all([
      page.waitForResponse(
        (r) => pathIs('/api/registry/funnel')(r) && new URL(r.url()).searchParams.get('agencyId') === '1',
      ),
      page.getByLabel('Pengampu', { exact: true }).selectOption('1'),
    ]);
    expect(narrowRes.status()).toBe(200);
    const narrowed = (await narrowRes.json()) as Funnel & { slice: { agency: { name: string } } };
    await page
      .getByRole('heading', {
        level: 2,
        name: `Menampilkan: ${narrowed.slice.agency.name} · ${district.slice.region.name}`,
      })
      .waitFor();
    await expectFunnel(page, narrowed);
    await checkPage(page, '/corong (pendamping)');
    expect(unexpected(problems)).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });
});
