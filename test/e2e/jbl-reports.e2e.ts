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

// Jumat Beli Lokal reports on a 360-px phone: anyone reads the province omzet trend (chart beside its table); the
// demo ASN finds their agency in the ranking and opens its participation page; the demo seller reads their payout
// statement. What the page shows is what the API answered.
const browser = browserForFile();
const account = (role: string) => readmeDemoAccounts().find((r) => r.role === role)!;
const pathIs = (p: string) => (r: Response) => new URL(r.url()).pathname === p && r.request().method() === 'GET';

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

interface Trend {
  points: { edition: { id: number } }[];
}

describe('Jumat Beli Lokal report pages', () => {
  it('anyone reads the province omzet trend, a table beside the chart', async () => {
    const trend = await apiGet<Trend>('/api/jbl/reports/trend');
    const { context, page, problems } = await openPhone(browser());
    await page.goto(`${baseUrl()}/jumat-beli-lokal/omzet`, { waitUntil: 'networkidle' });
    expect(await page.locator('h1').textContent()).toBe('Omzet Jumat Beli Lokal se-Provinsi');
    if (trend.points.length > 0) {
      await page.getByTestId('jbl-trend-chart').locator('svg').waitFor();
      expect(await page.getByTestId('jbl-trend-table').locator('tbody tr').count()).toBe(trend.points.length);
      await page.getByTestId('jbl-total').waitFor();
    }
    expect(await seriousA11yViolations(page)).toEqual([]);
    await expectNoSidewaysScroll(page);
    expect(unexpected(problems)).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });

  it('the ASN finds their agency in the ranking and opens its participation', async () => {
    const { context, page, problems, first } = await signedIn(
      'asn_buyer',
      '/jumat-beli-lokal/partisipasi-asn',
      '/api/jbl/participation',
    );
    const ranking = (await first.json()) as { agencies: { agency: { id: number; name: string } }[] };
    expect(ranking.agencies.length).toBeLessThanOrEqual(1); // their own agency only
    if (ranking.agencies.length === 1) {
      const a = ranking.agencies[0]!.agency;
      await page.getByTestId('jbl-asn-ranking').waitFor();
      const drill = page.waitForResponse(pathIs(`/api/jbl/participation/agencies/${a.id}`));
      await page.getByRole('link', { name: a.name, exact: true }).click();
      await page.waitForURL((u) => u.pathname === `/jumat-beli-lokal/partisipasi-asn/${a.id}`);
      expect((await drill).status()).toBe(200);
      expect(await page.locator('h1').textContent()).toContain(a.name);
    }
    expect(await seriousA11yViolations(page)).toEqual([]);
    await expectNoSidewaysScroll(page);
    expect(unexpected(problems)).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });

  it('the seller reads their payout statement', async () => {
    const { context, page, problems } = await signedIn(
      'umkm_owner',
      '/jumat-beli-lokal/pembayaran',
      '/api/registry/members',
    );
    expect(await page.locator('h1').textContent()).toBe('Pembayaran Jumat Beli Lokal');
    await page.locator('.notice, [data-testid="jbl-payout-total"]').first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await expectNoSidewaysScroll(page);
    expect(unexpected(problems)).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });
});
