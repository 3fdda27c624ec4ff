import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HomeSection } from '../../src/access/home.ts';
import { ROLE_NAMES } from '../../src/platform/auth/roles.ts';
import { formatNumber, formatRupiah } from '../../src/platform/money.ts';
import { en } from '../../web/src/i18n/en.ts';
import { id } from '../../web/src/i18n/id.ts';
import { figureText, ROLE_LABEL } from '../../web/src/pages/account/home-sections.ts';
import { baseUrl, launch, watchProblems } from './browser.ts';
import {
  type DemoRow,
  expectNoSidewaysScroll,
  logInThroughForm,
  PHONE,
  readmeDemoAccounts,
  seriousA11yViolations,
  switchLang,
  unexpected,
} from './accounts.ts';

// Every demo account of the README logs in on a phone through the form, lands on its role's home with the real
// figures of its scope, switches language, and logs out. One browser; a fresh context (no cookies) per account.
const rows = readmeDemoAccounts();
const fmt = (lang: 'id' | 'en') => ({
  num: (n: number) => formatNumber(n, lang),
  rupiah: (n: number) => formatRupiah(n, lang),
});

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function me(page: Page) {
  return (await (await page.request.get(`${baseUrl()}/api/auth/me`)).json()) as {
    authenticated: boolean;
    account?: { displayName: string };
  };
}

/** Each section of /api/me/home is on the page: the role's heading, its scope, and every figure in the page's language. */
async function expectSections(page: Page, sections: HomeSection[], lang: 'id' | 'en') {
  const dict = lang === 'id' ? id : en;
  for (const s of sections) {
    const card = page.locator(`section[data-role="${s.role}"]`);
    expect(await card.locator('h2').textContent()).toBe(dict[ROLE_LABEL[s.role as keyof typeof ROLE_LABEL]]);
    if (s.scope) expect(await card.locator('.scope strong').textContent()).toBe(s.scope.name);
    const tiles = card.locator('.tile');
    expect(await tiles.count()).toBe(s.figures.length);
    for (const [i, f] of s.figures.entries()) {
      expect(await tiles.nth(i).locator('dt').textContent()).toBe(f.label[lang]);
      expect(await tiles.nth(i).locator('dd').textContent()).toBe(figureText(f, fmt(lang)));
    }
    if (s.list) {
      expect(await card.locator('h3').textContent()).toBe(s.list.title[lang]);
      if (s.list.items.length === 0) expect(await card.textContent()).toContain(s.list.empty[lang]);
      else
        expect(await card.locator('.items li .primary').allTextContents()).toEqual(s.list.items.map((x) => x.primary));
    }
    for (const sc of s.shortcuts)
      expect(await card.getByRole('link', { name: sc.label[lang] }).getAttribute('href')).toBe(sc.href);
  }
}

/**
 * /api/me/home, checked against the page. The platform admin's list is the live audit log, which other test files'
 * logins change between the page's request and this one: on a difference the page is reloaded and both are read
 * again, until they saw the same moment (a real difference fails all four tries).
 */
async function homeAsShown(page: Page, role: string): Promise<HomeSection[]> {
  for (let attempt = 1; ; attempt++) {
    await page.locator(`section[data-role="${role}"] .tile`).first().waitFor();
    const { sections } = (await (await page.request.get(`${baseUrl()}/api/me/home`)).json()) as {
      sections: HomeSection[];
    };
    try {
      await expectSections(page, sections, 'id');
      return sections;
    } catch (e) {
      if (attempt >= 4) throw e;
      await page.reload({ waitUntil: 'networkidle' });
    }
  }
}

describe('demo accounts (README table)', () => {
  it('lists one account per role, and every role of the platform', () => {
    expect(rows.map((r) => r.role).sort()).toEqual([...ROLE_NAMES].sort());
    for (const r of rows) {
      expect(r.login, r.role).toMatch(/@/);
      expect(r.password.length, r.role).toBeGreaterThanOrEqual(8);
    }
  });

  it.each(rows.map((r) => [r.role, r] as [string, DemoRow]))(
    '%s logs in on a phone, sees its work, switches language and logs out',
    async (_role, row) => {
      const context = await browser.newContext(PHONE);
      const page = await context.newPage();
      const problems = watchProblems(page);

      // A protected page sends a visitor to the login form, and back after logging in.
      await page.goto(`${baseUrl()}/beranda`, { waitUntil: 'networkidle' });
      await page.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/masuk');
      await logInThroughForm(page, row);
      await page.waitForURL((u) => u.pathname === '/beranda');

      const who = await me(page);
      expect(who.authenticated).toBe(true);
      await page.getByRole('heading', { level: 1, name: `Halo, ${who.account!.displayName}` }).waitFor();
      const sections = await homeAsShown(page, row.role);
      expect(sections.map((s) => s.role)).toEqual([row.role]);
      expect(sections[0]!.figures.length).toBeGreaterThan(0);
      // The header says who is logged in, and offers both ways out.
      await page.getByRole('banner').getByRole('button', { name: 'Keluar', exact: true }).waitFor();
      expect(await page.getByRole('banner').textContent()).toContain(who.account!.displayName);
      expect(await page.getByRole('banner').getByRole('button', { name: 'Keluar dari semua perangkat' }).count()).toBe(
        1,
      );
      await expectNoSidewaysScroll(page);

      await switchLang(page, 'en');
      expect(await page.locator('h1').textContent()).toBe(`Hello, ${who.account!.displayName}`);
      await expectSections(page, sections, 'en');
      await expectNoSidewaysScroll(page);
      await switchLang(page, 'id');
      await expectSections(page, sections, 'id');

      await page.getByRole('banner').getByRole('button', { name: 'Keluar', exact: true }).click();
      await page.waitForURL((u) => u.pathname === '/masuk');
      expect(await page.getByRole('status').filter({ hasText: 'Anda telah keluar.' }).count()).toBe(1);
      expect(await me(page)).toEqual({ authenticated: false, abilities: [] });
      expect(await page.getByRole('navigation').getByRole('link', { name: 'Masuk' }).count()).toBe(1);

      expect(unexpected(problems, row.totpSecret ? [{ status: 401, path: '/api/auth/login' }] : [])).toEqual({
        consoleErrors: [],
        failedRequests: [],
      });
      await context.close();
    },
  );
});

describe('login page', () => {
  const kurator = rows.find((r) => r.role === 'kurator')!;

  it('shows a wrong password next to the field, in both languages, and passes axe', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/masuk`, { waitUntil: 'networkidle' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    // Empty form: our own message, no request.
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    expect(await page.getByLabel('Email atau nomor HP').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('login');

    await logInThroughForm(page, { login: kurator.login, password: 'salah-sekali' });
    const password = page.getByLabel('Kata sandi', { exact: true });
    await page.getByRole('alert').filter({ hasText: 'Login atau kata sandi salah.' }).waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await password.getAttribute('aria-describedby'))!;
    expect(await page.locator(`[id="${describedBy.split(' ').at(-1)}"]`).textContent()).toContain(
      'Login atau kata sandi salah.',
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await expectNoSidewaysScroll(page);

    await switchLang(page, 'en');
    expect(await page.getByRole('alert').textContent()).toContain('Wrong login or password.');
    expect(await page.getByLabel('Password', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });

  it('says how long to wait after too many failures', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const login = `tidak-ada-${Date.now()}@demo.pasarlokal.id`; // failures count per login, known or not
    for (let i = 0; i < 5; i++) {
      const res = await page.request.post(`${baseUrl()}/api/auth/login`, { data: { login, password: 'salah-sekali' } });
      expect(res.status()).toBe(401);
    }
    await page.goto(`${baseUrl()}/masuk`, { waitUntil: 'networkidle' });
    await logInThroughForm(page, { login, password: 'salah-sekali' });
    const alert = page.getByRole('alert');
    await alert.filter({ hasText: 'Terlalu banyak percobaan' }).waitFor();
    expect(await alert.textContent()).toMatch(/Coba lagi dalam [\d.]+ detik\./);
    expect(await page.getByRole('button', { name: 'Tunggu sebentar…' }).isDisabled()).toBe(true);
    await context.close();
  });

  it('logs out every device of an account at once', async () => {
    const phones = await Promise.all([browser.newContext(PHONE), browser.newContext(PHONE)]);
    const pages = await Promise.all(phones.map((c) => c.newPage()));
    for (const page of pages) {
      await page.goto(`${baseUrl()}/masuk`, { waitUntil: 'networkidle' });
      await logInThroughForm(page, kurator);
      await page.waitForURL((u) => u.pathname === '/beranda');
    }
    const [a, b] = pages as [Page, Page];
    await a.getByRole('button', { name: 'Keluar dari semua perangkat' }).click();
    await a.waitForURL((u) => u.pathname === '/masuk');
    expect(await a.getByRole('status').textContent()).toMatch(/Keluar dari \d+ sesi\./);
    expect(await me(b)).toEqual({ authenticated: false, abilities: [] });
    await Promise.all(phones.map((c) => c.close()));
  });
});

describe('a role home', () => {
  it('has no serious or critical accessibility problems, in Indonesian and in English', async () => {
    const pendamping = rows.find((r) => r.role === 'pendamping')!;
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/masuk`, { waitUntil: 'networkidle' });
    await logInThroughForm(page, pendamping);
    await page.locator('section[data-role="pendamping"] .tile').first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await switchLang(page, 'en');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});
