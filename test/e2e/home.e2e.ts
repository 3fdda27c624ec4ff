import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, launch, watchProblems } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('public home page', () => {
  it('answers in Indonesian with no failed requests or console errors', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    const problems = watchProblems(page);
    const res = await page.goto(baseUrl(), { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
  });
});
