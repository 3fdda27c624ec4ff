import { describe, expect, it } from 'vitest';
import { baseUrl, browserForFile, watchProblems } from './browser.ts';

// Issue 12: every response carries a Content-Security-Policy; the API documentation (swagger-ui) keeps its own.
// A policy violation is a console error, so the page must render without one.
const browser = browserForFile();

describe('the API documentation under its Content-Security-Policy', () => {
  it('renders the operations with no console error and no failed request', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    const res = await page.goto(`${baseUrl()}/api/docs`);
    expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.locator('.swagger-ui .info .title').filter({ hasText: 'Pasar Lokal API' }).waitFor();
    await page.locator('.opblock').first().waitFor();
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });
});
