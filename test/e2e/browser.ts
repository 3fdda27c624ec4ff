import { type Browser, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const baseUrl = () => inject('baseUrl');

/** Debian's chromium, headless, with the flags this machine's closed network needs. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
}

/** Collects what a user would never want to meet: console errors, failed requests and 4xx/5xx answers. */
export function watchProblems(page: Page): PageProblems {
  const p: PageProblems = { consoleErrors: [], failedRequests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') p.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => p.consoleErrors.push(String(e)));
  page.on('requestfailed', (r) => p.failedRequests.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) p.failedRequests.push(`${r.status()} ${r.url()}`);
  });
  return p;
}
