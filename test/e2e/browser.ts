import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type { App } from '../../src/platform/http/server.ts';
import { PHONE } from './accounts.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const baseUrl = () => inject('baseUrl');

/** Debian's chromium, headless, with the flags this machine's closed network needs. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
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

/** One browser for a test file's tests: launched before them, closed after. */
export function browserForFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

/**
 * Stops an app a test file serves itself. Its afterAll runs before the browser's, so chromium still holds
 * kept-alive connections (and may have a request half-sent): cut them, or close() waits for them past the hook's
 * timeout (CI stop 21, seller-orders).
 */
export async function stopServing(app: App | undefined): Promise<void> {
  if (!app) return;
  const closing = app.close();
  app.server.closeAllConnections();
  await closing;
}

/** A phone of its own per person (360 px): cookies and problems are theirs. */
export async function openPhone(
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  return { context, page, problems: watchProblems(page) };
}

/** A public API's JSON answer, which must be a 200. */
export async function apiGet<T>(path: string): Promise<T> {
  const res = await fetch(`${baseUrl()}${path}`);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}
