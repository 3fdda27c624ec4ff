import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicFigures } from '../../src/outcomes/public-figures.ts';
import { formatNumber } from '../../src/platform/money.ts';
import { formatWib } from '../../src/platform/time.ts';
import { seriousA11yViolations } from './accounts.ts';
import { baseUrl, launch, watchProblems } from './browser.ts';

// The public home page on a phone: 360×740, as a warung owner would open it.
const PHONE = { viewport: { width: 360, height: 740 } };
const JS_BUDGET = 150 * 1024; // bytes of JavaScript a phone may download for `/`

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function phonePage(
  opts: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...PHONE, ...opts });
  return { context, page: await context.newPage() };
}

async function apiFigures(): Promise<PublicFigures> {
  const res = await fetch(`${baseUrl()}/api/public/figures`);
  expect(res.status).toBe(200);
  return (await res.json()) as PublicFigures;
}

async function figuresShown(page: Page) {
  await page.locator('[data-figure="members"] dd').waitFor();
}

/** The tiles, the region line and every kota's bar show the API's numbers, formatted for the page's language. */
async function expectFiguresMatch(page: Page, f: PublicFigures, lang: 'id' | 'en') {
  const n = (v: number) => formatNumber(v, lang);
  for (const field of ['members', 'products', 'fosteringAgencies', 'buyers', 'malls', 'lenders'] as const) {
    expect(await page.locator(`[data-figure="${field}"] dd`).textContent(), field).toBe(n(f[field]));
  }
  const regions = await page.locator('[data-figure="regions"]').textContent();
  for (const v of [f.cities, f.districts, f.villages]) expect(regions).toContain(n(v));
  expect(await page.locator('.bars li').count()).toBe(f.membersByCity.length);
  for (const c of f.membersByCity) {
    const row = page.locator(`[data-city="${c.code}"]`);
    expect(await row.locator('.bar-label > span').first().textContent()).toBe(c.name);
    expect(await row.locator('.bar-value').textContent()).toBe(n(c.members));
  }
}

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

describe('public home page', () => {
  it('answers in Indonesian on a phone, shows the live figures, and nothing fails', async () => {
    const { context, page } = await phonePage();
    const problems = watchProblems(page);
    const res = await page.goto(baseUrl(), { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await figuresShown(page);
    await expectFiguresMatch(page, await apiFigures(), 'id');
    await expectNoSidewaysScroll(page);

    // Landmarks, one h1, and what a first-time visitor needs to find.
    for (const role of ['banner', 'navigation', 'main', 'contentinfo'] as const)
      expect(await page.getByRole(role).count(), role).toBe(1);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.title()).toBe('Beranda · Pasar Lokal');
    expect(await page.getByRole('heading', { name: 'Apa itu Jakpreneur?' }).count()).toBe(1);
    expect(await page.locator('.stages li').allTextContents()).toHaveLength(7);
    for (const channel of ['e-Order', 'Jumat Beli Lokal', 'UMKM Goes To Mall']) {
      expect(await page.getByRole('heading', { name: channel }).count(), channel).toBe(1);
    }
    expect(await page.getByRole('main').getByRole('link', { name: 'Masuk' }).getAttribute('href')).toBe('/masuk');
    expect(await page.getByRole('main').getByRole('link', { name: 'Daftar UMKM' }).getAttribute('href')).toBe(
      '/daftar',
    );
    expect(
      await page.getByRole('contentinfo').getByRole('link', { name: 'Dokumentasi API' }).getAttribute('href'),
    ).toBe('/api/docs');
    expect(await page.getByRole('contentinfo').textContent()).toContain('Apache-2.0');

    // Touch targets: every control in the header and the calls to action are at least 44 px tall and wide.
    for (const el of await page.locator('header a, header button, main .button').all()) {
      const box = await el.boundingBox();
      expect(box && Math.min(box.width, box.height), (await el.textContent()) ?? '').toBeGreaterThanOrEqual(44);
    }
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });

  it('switches to English and back, and remembers the choice over a reload', async () => {
    const { context, page } = await phonePage();
    const problems = watchProblems(page);
    await page.goto(baseUrl(), { waitUntil: 'networkidle' });
    const f = await apiFigures();

    await page.getByRole('button', { name: /^EN/ }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.locator('h1').textContent()).toBe('Small businesses grow through local markets');
    expect(await page.getByRole('button', { name: /^EN/ }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('button', { name: /^ID/ }).getAttribute('aria-pressed')).toBe('false');
    await expectFiguresMatch(page, f, 'en');
    await expectNoSidewaysScroll(page);

    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.title()).toBe('Home · Pasar Lokal');
    await figuresShown(page);
    expect(await page.getByRole('heading', { name: 'What is Jakpreneur?' }).count()).toBe(1);

    await page.getByRole('button', { name: /^ID/ }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'id');
    expect(await page.locator('h1').textContent()).toBe('Usaha kecil tumbuh lewat pasar lokal');
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await figuresShown(page);
    await expectFiguresMatch(page, f, 'id');
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });

  it('shows the time of the figures in WIB even on a phone set to another zone', async () => {
    const { context, page } = await phonePage({ timezoneId: 'America/Los_Angeles' });
    const figures = page.waitForResponse((r) => r.url().endsWith('/api/public/figures'));
    await page.goto(baseUrl(), { waitUntil: 'networkidle' });
    const served = new Date((await (await figures).allHeaders()).date!);
    await figuresShown(page);
    expect(await page.locator('.figures').textContent()).toContain(`Diperbarui ${formatWib(served, 'id')}`);
    await context.close();
  });

  it('says so when the figures cannot load, and recovers on "Coba lagi"', async () => {
    const { context, page } = await phonePage();
    await page.route('**/api/public/figures', (route) => route.abort('internetdisconnected'));
    await page.goto(baseUrl(), { waitUntil: 'networkidle' });
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toContain('Angka belum bisa dimuat');
    await expectNoSidewaysScroll(page);
    await page.unroute('**/api/public/figures');
    await alert.getByRole('button', { name: 'Coba lagi' }).click();
    await figuresShown(page);
    expect(await page.getByRole('alert').count()).toBe(0);
    await context.close();
  });

  it('moves between pages without reloading, and the back button works', async () => {
    const { context, page } = await phonePage();
    const problems = watchProblems(page);
    await page.goto(baseUrl(), { waitUntil: 'networkidle' });
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

    await page.getByRole('main').getByRole('link', { name: 'Daftar UMKM' }).click();
    await page.getByRole('heading', { level: 1, name: 'Daftar UMKM' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/daftar');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1'); // announced to screen readers
    expect(
      await page.getByRole('navigation').getByRole('link', { name: 'Daftar UMKM' }).getAttribute('aria-current'),
    ).toBe('page');

    await page.getByRole('navigation').getByRole('link', { name: 'Masuk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/masuk');

    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Daftar UMKM' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Usaha kecil tumbuh lewat pasar lokal' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });

  it('has no serious or critical accessibility problems, in Indonesian and in English', async () => {
    const { context, page } = await phonePage();
    await page.goto(baseUrl(), { waitUntil: 'networkidle' });
    await figuresShown(page);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /^EN/ }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });

  it(`downloads at most ${JS_BUDGET / 1024} KB of JavaScript, compressed`, async () => {
    // A fresh context has an empty cache. We count what Chromium reports as received on the wire for every script
    // (Network.loadingFinished encodedDataLength: compressed body plus response headers), and check the encoding.
    const { context, page } = await phonePage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const scripts = new Map<string, { url: string; encoding: string }>();
    const received = new Map<string, number>();
    const decoded = new Map<string, number>();
    cdp.on('Network.dataReceived', (e) => decoded.set(e.requestId, (decoded.get(e.requestId) ?? 0) + e.dataLength));
    cdp.on('Network.responseReceived', (e) => {
      if (e.type === 'Script')
        scripts.set(e.requestId, {
          url: e.response.url,
          encoding: String(
            e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? 'identity',
          ),
        });
    });
    cdp.on('Network.loadingFinished', (e) => received.set(e.requestId, e.encodedDataLength));
    await page.goto(baseUrl(), { waitUntil: 'networkidle' });
    await figuresShown(page);

    const rows = [...scripts].map(([id, s]) => ({
      ...s,
      bytes: received.get(id) ?? Number.NaN,
      raw: decoded.get(id) ?? 0,
    }));
    const total = rows.reduce((sum, r) => sum + r.bytes, 0);
    const raw = rows.reduce((sum, r) => sum + r.raw, 0);
    console.log(
      `JS for /: ${rows.map((r) => `${new URL(r.url).pathname} ${r.bytes} B on the wire (${r.encoding}), ${r.raw} B decoded`).join('; ')}; total ${total} B on the wire, ${raw} B decoded`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(['br', 'gzip'], r.url).toContain(r.encoding);
    expect(total).toBeLessThanOrEqual(JS_BUDGET);
    // Pages other than home are separate chunks: none of them is fetched for `/`.
    expect(rows.filter((r) => /LoginPage|RegisterPage|NotFoundPage/.test(r.url))).toEqual([]);
    await context.close();
  });
});

describe('unknown page', () => {
  it('answers 200 with a friendly Indonesian "not found" page that passes axe', async () => {
    const { context, page } = await phonePage();
    const problems = watchProblems(page);
    const res = await page.goto(`${baseUrl()}/tidak-ada/sama-sekali`, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' }).waitFor();
    expect(await page.title()).toBe('Halaman tidak ditemukan · Pasar Lokal');
    expect(await page.getByRole('main').getByRole('link', { name: 'Kembali ke beranda' }).getAttribute('href')).toBe(
      '/',
    );
    await expectNoSidewaysScroll(page);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });

  it('still answers an unknown /api/ address with a problem, not the app', async () => {
    const res = await fetch(`${baseUrl()}/api/tidak-ada`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
