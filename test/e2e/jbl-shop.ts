// The Jumat Beli Lokal storefront journeys' helpers: a 360-px phone (signed in with a kit cookie or a guest), a
// product card, "add to cart", and a seller's payment confirmation through the API.
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { watchProblems } from './browser.ts';

export async function phoneAt(b: Browser, base: string, cookie?: string) {
  const context = await b.newContext({ viewport: { width: 360, height: 740 } });
  if (cookie) {
    const [name, value] = cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: base }]);
  }
  const page = await context.newPage();
  return { context, page, problems: watchProblems(page) };
}

export const card = (page: Page, name: string) => page.locator('.jbl-card').filter({ hasText: name });

/** Presses a product card's "add to cart" and waits for the page to say the product is in the cart. */
export async function add(page: Page, name: string) {
  await card(page, name)
    .getByRole('button', { name: /Tambah ke keranjang/ })
    .click();
  await page
    .getByRole('status')
    .filter({ hasText: `${name} ada di keranjang` })
    .waitFor();
}

/** The seller (kit session cookie) confirms the QRIS payment of their child order. */
export async function confirmPayment(base: string, cookie: string, number: string) {
  const me = await fetch(`${base}/api/auth/me`, { headers: { cookie } });
  const csrf = ((await me.json()) as { csrfToken: string }).csrfToken;
  const res = await fetch(`${base}/api/jbl/child-orders/${number}/confirm-payment`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
    body: '{}',
  });
  expect(res.status, await res.clone().text()).toBe(200);
}
