import type { Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiGet, baseUrl, browserForFile, openPhone } from './browser.ts';
import {
  expectNoSidewaysScroll,
  logInThroughForm,
  readmeDemoAccounts,
  seriousA11yViolations,
  unexpected,
} from './accounts.ts';

// The UMK share and payment pages on a 360-px phone: the bureau's analyst sees both bases with the denominator, the
// trend chart beside its table and the agency table, opens one agency's drill-down; the PA/KPA and Bendahara see the
// bill ageing; anyone reads the published payment performance. What the page shows is what the API answered.
const browser = browserForFile();
const account = (role: string) => readmeDemoAccounts().find((r) => r.role === role)!;
const pathIs = (p: string) => (r: Response) => new URL(r.url()).pathname === p && r.request().method() === 'GET';

interface Share {
  scope: string;
  agencies: { id: number; name: string }[];
  trend: { period: string }[];
}

async function signedIn(role: string, path: string, api: string) {
  const phone = await openPhone(browser());
  const { page } = phone;
  await page.goto(`${baseUrl()}${path}`, { waitUntil: 'networkidle' });
  await page.waitForURL((u) => u.pathname === '/masuk');
  const first = page.waitForResponse(pathIs(api));
  await logInThroughForm(page, account(role));
  await page.waitForURL((u) => u.pathname === path);
  return { ...phone, first: await first };
}

describe('UMK share and payment timeliness pages', () => {
  it('the analyst sees the province share on both bases, the trend chart with its table, and drills into an agency', async () => {
    const { context, page, problems, first } = await signedIn(
      'bppbj_analyst',
      '/pengadaan/porsi-umk',
      '/api/procurement/share',
    );
    const share = (await first.json()) as Share;
    expect(share.scope).toBe('province');
    await page.getByTestId('basis-committed').waitFor();
    await page.getByTestId('basis-realised').waitFor();
    expect(await page.getByTestId('trend-table').locator('tbody tr').count()).toBe(12);
    await page.getByTestId('trend-chart').locator('svg').waitFor();
    expect(await page.getByTestId('agency-table').locator('tbody tr').count()).toBe(share.agencies.length);
    expect(await page.getByRole('link', { name: 'Unduh XLSX' }).getAttribute('href')).toContain('export.xlsx');
    await page.getByTestId('district-table').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await expectNoSidewaysScroll(page);
    if (share.agencies.length > 0) {
      const a = share.agencies[0]!;
      const drill = page.waitForResponse(pathIs(`/api/procurement/share/agencies/${a.id}`));
      await page.getByRole('link', { name: a.name, exact: true }).click();
      await page.waitForURL((u) => u.pathname === `/pengadaan/porsi-umk/instansi/${a.id}`);
      expect((await drill).status()).toBe(200);
      await page.getByTestId('unit-table').waitFor();
      expect(await page.locator('h1').textContent()).toContain(a.name);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await expectNoSidewaysScroll(page);
    }
    expect(unexpected(problems)).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });

  it('the Bendahara sees the age of unpaid bills and the overdue list', async () => {
    const { context, page, problems, first } = await signedIn(
      'bendahara',
      '/pengadaan/umur-tagihan',
      '/api/procurement/payments/ageing',
    );
    expect(first.status()).toBe(200);
    await page.getByTestId('bucket-table').waitFor();
    expect(await page.getByTestId('bucket-table').locator('tbody tr').count()).toBe(4);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await expectNoSidewaysScroll(page);
    // The first step of a TOTP login answers 401 (code required), as a person sees it.
    expect(unexpected(problems, [{ status: 401, path: '/api/auth/login' }])).toEqual({
      consoleErrors: [],
      failedRequests: [],
    });
    await context.close();
  });

  it('anyone reads the published payment performance', async () => {
    const year = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
    const perf = await apiGet<{ agencies: unknown[]; province: { paid: number } }>(
      `/api/procurement/payments/performance?year=${year}`,
    );
    const { context, page, problems } = await openPhone(browser());
    await page.goto(`${baseUrl()}/kinerja-pembayaran`, { waitUntil: 'networkidle' });
    expect(await page.locator('h1').textContent()).toBe('Kinerja pembayaran pemerintah');
    if (perf.province.paid > 0) {
      await page.getByTestId('perf-table').waitFor();
      expect(await page.getByTestId('perf-table').locator('tbody tr').count()).toBe(perf.agencies.length);
    }
    expect(await seriousA11yViolations(page)).toEqual([]);
    await expectNoSidewaysScroll(page);
    expect(unexpected(problems)).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });
});
