import { beforeAll, describe, expect, it } from 'vitest';
import type { EditionList } from '../../src/jbl/schema.ts';
import { checkPage, logInThroughForm, readmeDemoAccounts, switchLang, unexpected } from './accounts.ts';
import { apiGet, baseUrl, browserForFile, openPhone } from './browser.ts';

/**
 * The Dinas admin's Jumat Beli Lokal editions page on the demo server, on a 360-px phone: this year's editions with
 * their host, status and pre-order window in WIB; the edition the demo opened; a holiday Friday waiting for a
 * decision with its form. Read only: deciding and opening are covered through the API (src/jbl/editions.test.ts).
 */
const browser = browserForFile();
const admin = () => readmeDemoAccounts().find((r) => r.role === 'platform_admin')!;
const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date()));

beforeAll(async () => {
  // The public sees the published editions: the demo opened one this year or, late in December, next year.
  const thisYear = await apiGet<EditionList>(`/api/jbl/editions?year=${year}`);
  const next = await apiGet<EditionList>(`/api/jbl/editions?year=${year + 1}`);
  expect([...thisYear.items, ...next.items].some((e) => e.status === 'open')).toBe(true);
});

describe('the editions page of the Dinas admin', () => {
  it('lists the year’s editions in WIB, the open one, and a holiday Friday with its decision form, in both languages', async () => {
    const { page, problems } = await openPhone(browser());
    // Requests in flight: opening the next address while the home's requests run would abort them (failed requests).
    let inFlight = 0;
    page.on('request', () => inFlight++);
    page.on('requestfinished', () => inFlight--);
    page.on('requestfailed', () => inFlight--);
    const settle = () => expect.poll(() => inFlight, { timeout: 30_000 }).toBe(0);
    await page.goto(`${baseUrl()}/masuk`);
    await logInThroughForm(page, admin());
    await page.waitForURL((u) => u.pathname === '/beranda');
    await page.locator('section[data-role="platform_admin"]').waitFor();
    await settle();
    await page.goto(`${baseUrl()}/jumat-beli-lokal/edisi`);
    await page.getByRole('heading', { level: 1, name: 'Edisi Jumat Beli Lokal' }).waitFor();
    const all = (await (await page.request.get(`${baseUrl()}/api/jbl/editions?year=${year}`)).json()) as EditionList;
    const undecided = all.items.find((e) => e.needsDecision);
    const nextYear = undecided
      ? undefined
      : ((await (await page.request.get(`${baseUrl()}/api/jbl/editions?year=${year + 1}`)).json()) as EditionList);
    // The page lists one year at a time; take the first year with a holiday Friday still to decide.
    const holiday = undecided ?? nextYear!.items.find((e) => e.needsDecision)!;
    expect(holiday, 'a holiday Friday waits for a decision this year or next').toBeTruthy();
    if (!undecided) await page.getByLabel('Tahun').selectOption(String(year + 1));
    const cards = page.locator('.jbl-editions > li');
    await expect.poll(() => cards.count()).toBe(undecided ? all.items.length : nextYear!.items.length);
    const open = all.items.find((e) => e.status === 'open');
    if (open && undecided) {
      const card = cards.filter({ hasText: 'Pre-order dibuka' }).first();
      expect(await card.textContent()).toContain(open.wib.preorderCloses.id);
      await card.getByRole('button', { name: 'Mulai sesi langsung' }).waitFor();
    }
    const card = cards.filter({ hasText: `Libur: ${holiday.holiday}` }).first();
    await card.getByText('Perlu keputusan').waitFor();
    await card.getByRole('group', { name: 'Putuskan Jumat libur' }).waitFor();
    await card.getByLabel('Pindah ke tanggal lain').check();
    await card.getByLabel('Tanggal baru (minggu yang sama)').waitFor();
    await checkPage(page, '/jumat-beli-lokal/edisi');
    await switchLang(page, 'en');
    await page.getByRole('heading', { level: 1, name: 'Jumat Beli Lokal editions' }).waitFor();
    await cards.filter({ hasText: 'Needs a decision' }).first().waitFor();
    await checkPage(page, '/jumat-beli-lokal/edisi (en)');
    await settle();
    expect(unexpected(problems, [{ status: 401, path: '/api/auth/login' }]), JSON.stringify(problems)).toEqual({
      consoleErrors: [],
      failedRequests: [],
    });
  });
});
