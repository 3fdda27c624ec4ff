// Shared steps for the signed-in browser journeys: the README's demo accounts, logging in through the form
// (with a fresh TOTP code), and the checks every page gets (no sideways scroll, axe).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { stepAt, totpCode } from '../../src/platform/auth/totp.ts';

export const PHONE = { viewport: { width: 360, height: 740 } };

export interface DemoRow {
  role: string;
  login: string;
  password: string;
  totpSecret: string;
}

/** The rows of the README's table under `## <heading>`, read as a user reads it, its header checked first. */
function readmeTable(heading: string, header: string[]): string[][] {
  const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.split(new RegExp(`^## ${heading}\\s*$`, 'm'))[1]?.split(/^## /m)[0] ?? '';
  const rows = section
    .split('\n')
    .filter((l) => l.trim().startsWith('|'))
    .map((l) =>
      l
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((c) => c.trim()),
    );
  const [found, , ...body] = rows;
  expect(found, `README "${heading}" table header`).toEqual(header);
  return body;
}

/** The "Demo accounts" table of the README: the table is the contract, not the code. */
export function readmeDemoAccounts(): DemoRow[] {
  return readmeTable('Demo accounts', ['role', 'login', 'password', 'totp secret']).map(
    ([role = '', login = '', password = '', totpSecret = '']) => ({ role, login, password, totpSecret }),
  );
}

// The server accepts each TOTP step once per account, in increasing order, and steps now-1…now+1: an account that
// logs in again within 30 seconds uses the next step's code, and waits only if even that one is spent. Test files
// run in parallel worker processes and may log the same demo account in at the same moment, so the last step used
// is kept per secret in a file of this test run, and a lock directory makes "pick a step, log in" one step at a time.
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const runDir = () => path.dirname(inject('pgliteDir'));
const stepFile = (secret: string) => path.join(runDir(), `totp-${secret}.step`);
const lastStep = (secret: string) => {
  try {
    return Number(fs.readFileSync(stepFile(secret), 'utf8'));
  } catch {
    return -Infinity;
  }
};
const held = new Set<string>();

/** Runs `fn` holding this run's lock for one TOTP secret (re-entrant within a process). */
export async function withTotpLock<T>(secret: string, fn: () => Promise<T>): Promise<T> {
  if (held.has(secret)) return fn();
  const lock = `${stepFile(secret)}.lock`;
  for (let tries = 0; ; tries++) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || tries > 2400) throw e; // 60 s: a worker died holding it
      await sleep(25);
    }
  }
  held.add(secret);
  try {
    return await fn();
  } finally {
    held.delete(secret);
    fs.rmdirSync(lock);
  }
}

export async function freshTotp(secret: string): Promise<string> {
  return withTotpLock(secret, async () => {
    let step = stepAt(Date.now());
    const last = lastStep(secret);
    if (step <= last) {
      if (last + 1 > step + 1) await sleep(last * 30_000 - Date.now() + 200);
      step = Math.max(stepAt(Date.now()), last + 1);
    }
    fs.writeFileSync(stepFile(secret), String(step));
    return totpCode(secret, step);
  });
}
/** Records a step the server has seen through another route (enrolment), so the next login does not reuse it. */
export function markTotpUsed(secret: string, ms = Date.now()) {
  fs.writeFileSync(stepFile(secret), String(Math.max(lastStep(secret), stepAt(ms))));
}

/** Fills the login form (already open) and, when the server asks for it, the TOTP step. */
export async function logInThroughForm(page: Page, a: { login: string; password: string; totpSecret?: string }) {
  await page.getByLabel('Email atau nomor HP').fill(a.login);
  await page.getByLabel('Kata sandi', { exact: true }).fill(a.password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  if (a.totpSecret) {
    const field = page.getByLabel('Kode verifikasi (6 angka)');
    await field.waitFor();
    expect(await field.getAttribute('inputmode')).toBe('numeric');
    expect(await field.getAttribute('autocomplete')).toBe('one-time-code');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('totp');
    const secret = a.totpSecret;
    // Hold the lock until the server has answered, so another process's login cannot overtake with a later step.
    await withTotpLock(secret, async () => {
      await field.fill(await freshTotp(secret));
      await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/login' && r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Verifikasi', exact: true }).click(),
      ]);
    });
  }
}

export async function expectNoSidewaysScroll(page: Page) {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    new URL(page.url()).pathname,
  ).toBeLessThanOrEqual(360);
}

/**
 * The project's own axe-core (package.json), not the older copy bundled with @axe-core/playwright: in that copy
 * `label-content-name-mismatch` (serious) is still "experimental", and axe skips experimental rules unless asked
 * by that tag — which is how 37 mismatched labels on /cari passed every check.
 */
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** Every rule up to WCAG 2.2 AA plus axe's best practices, experimental ones included; serious findings fail. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice', 'experimental'];

export async function seriousA11yViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page, axeSource: AXE_SOURCE }).withTags(AXE_TAGS).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((x) => x.target.join(' ')).join(', ')}`);
}

export async function switchLang(page: Page, lang: 'id' | 'en') {
  await page.getByRole('button', { name: new RegExp(`^${lang.toUpperCase()}`) }).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/**
 * The browser reports every 4xx answer as a console error too. A journey that expects some (the TOTP step is a
 * 401 `totp_required`; a wrong code is refused) names them; anything else is a problem.
 */
export function unexpected(
  problems: { consoleErrors: string[]; failedRequests: string[] },
  expected: { status: number; path: string }[] = [],
) {
  const failed = [...problems.failedRequests];
  const consoleErrors = [...problems.consoleErrors];
  for (const e of expected) {
    const i = failed.findIndex((f) => f.startsWith(`${e.status} `) && new URL(f.slice(4)).pathname === e.path);
    if (i >= 0) failed.splice(i, 1);
    const j = consoleErrors.findIndex((c) => c.includes(`status of ${e.status}`));
    if (j >= 0) consoleErrors.splice(j, 1);
  }
  return { consoleErrors, failedRequests: failed };
}

/** From the role home to the login form and back, logged in (the TOTP step too when the account has one). */
export async function logInFromHome(page: Page, a: { login: string; password: string; totpSecret?: string }) {
  await page.goto(`${inject('baseUrl')}/beranda`, { waitUntil: 'networkidle' });
  await page.waitForURL((u) => u.pathname === '/masuk');
  await logInThroughForm(page, a);
  await page.waitForURL((u) => u.pathname === '/beranda');
}

/** The checks every page of a journey gets, once it has settled: nothing serious for axe, no sideways scroll. */
export async function checkPage(page: Page, where: string) {
  await page.waitForLoadState('networkidle');
  expect(await seriousA11yViolations(page), where).toEqual([]);
  await expectNoSidewaysScroll(page);
}

/** No failed request and no console error but the `expected` ones. */
export function expectClean(
  problems: { consoleErrors: string[]; failedRequests: string[] },
  who: string,
  expected: { status: number; path: string }[] = [],
) {
  const left = unexpected(problems, expected);
  expect(left.failedRequests, who).toEqual([]);
  expect(left.consoleErrors, who).toEqual([]);
}

/** A field's message, found as a screen reader finds it: the field is invalid, the text is among aria-describedby. */
export async function fieldMessage(field: Locator): Promise<string> {
  expect(await field.getAttribute('aria-invalid')).toBe('true');
  const ids = (await field.getAttribute('aria-describedby'))!.split(' ');
  const texts = await Promise.all(ids.map((id) => field.page().locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

/** The README's "e-Order demo sellers" table (seller | login | password): the three cake sellers' owner logins. */
export function readmeDemoSellers(): { seller: number; login: string; password: string }[] {
  return readmeTable('e-Order demo sellers', ['seller', 'login', 'password']).map(
    ([seller = '', login = '', password = '']) => ({ seller: Number(seller), login, password }),
  );
}
