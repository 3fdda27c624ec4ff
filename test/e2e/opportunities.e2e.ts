import { describe, expect, it } from 'vitest';
import { baseUrl, browserForFile, openPhone } from './browser.ts';

// Issue 14: the public list of procurement opportunities, reached from the site navigation on a 360 px phone,
// with its filters labelled, no sideways scroll and no console error.
const browser = browserForFile();

describe('procurement opportunities on a phone', () => {
  it('opens /peluang from the navigation and filters by kota', async () => {
    const { context, page, problems } = await openPhone(browser());
    await page.goto(`${baseUrl()}/`);
    await page.getByRole('link', { name: 'Peluang pengadaan' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Peluang pengadaan' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'paket' }).waitFor();
    await page.getByLabel('Kota').selectOption('3174');
    await page.getByRole('status').filter({ hasText: 'paket' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });
});
