import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ProductPage } from '../../src/catalog/schema.ts';
import { formatNumber } from '../../src/platform/money.ts';
import { checkPage, expectClean, expectNoSidewaysScroll, seriousA11yViolations, switchLang } from './accounts.ts';
import { apiGet, baseUrl, browserForFile, openPhone } from './browser.ts';
import { correctedTypo, searchApi, settled } from './catalog.ts';

/**
 * A buyer on a 360 px phone finds a demo product by a misspelt word, narrows by kecamatan, and opens the product:
 * the seller and where to buy it. The word comes from the demo catalogue through the API, misspelt by one edit.
 */
const browser = browserForFile();

/** A word of the demo catalogue with one letter dropped that the search corrects back to it, with results in more than one kecamatan. */
const misspeltWord = () => correctedTypo((r) => r.items.length > 0 && r.facets.district.length > 1);

const results = (page: Page) => page.locator('.cat-item');
const totalLine = (page: Page) => page.locator('.cat-total');

describe('catalogue search on a phone', () => {
  it('finds a product by a misspelt word, narrows by kecamatan, and opens its page with the seller and channels', async () => {
    const { typo, result } = await misspeltWord();
    const { context, page, problems } = await openPhone(browser());

    // From the home page's search box.
    await page.goto(baseUrl(), { waitUntil: 'networkidle' });
    const box = page.getByRole('search').getByLabel('Cari produk UMKM');
    await box.fill(typo);
    await page.getByRole('search').getByRole('button', { name: 'Cari' }).click();
    await page.waitForURL((u) => u.pathname === '/cari' && u.searchParams.get('q') === typo);
    await page.getByRole('heading', { level: 1, name: 'Cari produk' }).waitFor();
    await settled(page);
    const searched = result.terms[0]!.searchedAs.join('/');
    expect(await page.locator('.cat-correction').textContent()).toBe(
      `Menampilkan hasil untuk «${searched}» (dari «${typo}»).`,
    );
    expect(await page.getByLabel('Kata pencarian').inputValue()).toBe(typo);
    expect(await results(page).count()).toBe(result.items.length);
    expect(await results(page).first().getByRole('heading', { level: 3 }).textContent()).toBe(result.items[0]!.name);
    expect(await results(page).first().textContent()).toContain(`Rp ${formatNumber(result.items[0]!.price, 'id')}`);
    // Results first: the filters wait behind the "Filter" button.
    expect(await page.locator('#cat-filters').isVisible()).toBe(false);
    await checkPage(page, new URL(page.url()).pathname);

    // Narrow by the kecamatan with the most matches, through the facet.
    const district = result.facets.district[0]!;
    const narrowed = await searchApi({ q: typo, district: district.value });
    await page.getByRole('button', { name: /^Filter/ }).click();
    expect(await page.getByRole('button', { name: /^Filter/ }).getAttribute('aria-expanded')).toBe('true');
    const facet = page.getByRole('region', { name: 'Kecamatan' });
    const option = facet.getByRole('link', { name: new RegExp(`^(✓ )?${district.label} \\d`) }); // "Jatinegara 22 produk[, dipilih]"
    expect(await option.locator('.cat-count').textContent()).toContain(formatNumber(district.count, 'id'));
    await checkPage(page, new URL(page.url()).pathname);
    await option.click();
    await page.waitForURL(
      (u) => u.searchParams.get('kecamatan') === district.value && u.searchParams.get('q') === typo,
    );
    await settled(page);
    expect(await option.getAttribute('aria-current')).toBe('true');
    expect(await totalLine(page).textContent()).toBe(
      narrowed.counts === 'exact' && narrowed.total === 1
        ? '1 produk'
        : narrowed.counts === 'exact'
          ? `${formatNumber(narrowed.total, 'id')} produk`
          : `Sekitar ${formatNumber(narrowed.total, 'id')} produk (estimasi)`,
    );
    for (const text of await results(page).allTextContents()) expect(text).toContain(district.label);
    const chip = page.getByRole('link', { name: `Hapus filter Kecamatan: ${district.label}` });
    expect(await chip.count()).toBe(1);
    await page.getByRole('button', { name: 'Lihat hasil' }).click();
    expect(await page.locator('#cat-filters').isVisible()).toBe(false);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('cat-results-h');

    // The address is the state: back undoes the kecamatan, forward brings it back.
    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has('kecamatan'));
    await settled(page);
    expect(await chip.count()).toBe(0);
    await page.goForward();
    await page.waitForURL((u) => u.searchParams.get('kecamatan') === district.value);
    await settled(page);
    expect(await chip.count()).toBe(1);

    // The product page: the seller's public profile and where to buy it.
    const first = narrowed.items[0]!;
    const product = await apiGet<z.infer<typeof ProductPage>>(`/api/catalog/products/${first.id}`);
    await results(page).first().getByRole('link', { name: first.name }).click();
    await page.waitForURL((u) => u.pathname === `/produk/${first.id}`);
    await page.getByRole('heading', { level: 1, name: product.name }).waitFor();
    expect(await page.title()).toBe(`${product.name} · Pasar Lokal`);
    const seller = page.getByRole('region', { name: 'Penjual' });
    expect(await seller.textContent()).toContain(product.seller.name);
    expect(await seller.textContent()).toContain(`Kecamatan ${product.seller.district.name}`);
    for (const a of product.seller.pengampu) expect(await seller.textContent()).toContain(a.name);
    const names = { e_order: 'e-Order', jbl: 'Jumat Beli Lokal', mall: 'UMKM Goes To Mall' };
    const where = page.getByRole('region', { name: 'Tempat membeli' });
    expect(await where.getByRole('heading', { level: 3 }).allTextContents()).toEqual(
      product.channels.map((c) => names[c]),
    );
    expect(await where.getByRole('link').count()).toBe(0); // the channels' pages do not exist yet: no dead links
    expect(await page.getByRole('main').textContent()).toContain(
      `Rp ${formatNumber(product.price, 'id')} / ${product.unit}`,
    );
    await checkPage(page, new URL(page.url()).pathname);

    // Back to the same results, kecamatan and all.
    await page.getByRole('link', { name: 'Kembali ke hasil pencarian' }).click();
    await page.waitForURL(
      (u) =>
        u.pathname === '/cari' &&
        u.searchParams.get('kecamatan') === district.value &&
        u.searchParams.get('q') === typo,
    );
    await settled(page);
    expect(await chip.count()).toBe(1);

    // Removing the chip widens the search again.
    await chip.click();
    await page.waitForURL((u) => u.pathname === '/cari' && !u.searchParams.has('kecamatan'));
    await settled(page);
    expect(await chip.count()).toBe(0);
    expectClean(problems, 'buyer');
    await context.close();
  });

  it('sorts, loads more with the cursor, and says when nothing matches; in English too', async () => {
    const { context, page, problems } = await openPhone(browser());
    await page.goto(`${baseUrl()}/cari?urut=termurah`, { waitUntil: 'networkidle' });
    await settled(page);
    expect(await page.getByLabel('Urutkan').inputValue()).toBe('price_asc');
    const prices = async () =>
      (await page.locator('.cat-item .cat-price').allTextContents()).map((p) =>
        Number(
          p
            .replace(/^Rp\s*/, '')
            .split('/')[0]!
            .replace(/\D/g, ''),
        ),
      );
    expect(await results(page).count()).toBe(20);
    await page.getByRole('button', { name: 'Muat lagi' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.cat-item').length === 40);
    const shown = await prices();
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    expect(new Set(await results(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-product')))).size).toBe(
      40,
    );

    await page.getByLabel('Urutkan').selectOption('price_desc');
    await page.waitForURL((u) => u.searchParams.get('urut') === 'termahal');
    await settled(page);
    const desc = await prices();
    expect(desc).toEqual([...desc].sort((a, b) => b - a));

    await page.getByLabel('Kata pencarian').fill('qxwvzjkq');
    await page.getByRole('search').getByRole('button', { name: 'Cari' }).click();
    await page.waitForURL((u) => u.searchParams.get('q') === 'qxwvzjkq');
    await settled(page);
    expect(await page.locator('.cat-empty').textContent()).toContain('Tidak ada produk yang cocok.');
    await expectNoSidewaysScroll(page);

    await switchLang(page, 'en');
    expect(await page.locator('.cat-empty').textContent()).toContain('No products match.');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Find products');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await switchLang(page, 'id');
    expectClean(problems, 'buyer');
    await context.close();
  });

  it('every public page has no serious axe finding, the search page with its filters open', async () => {
    const { items, facets } = await searchApi({});
    const { context, page, problems } = await openPhone(browser());
    const filtersOpen = async () => {
      await settled(page);
      await page.getByRole('button', { name: /^Filter/ }).click();
      await page.locator('#cat-filters .cat-option').first().waitFor();
    };
    const pages: [string, () => Promise<unknown>][] = [
      ['/', () => page.locator('.figures[aria-busy="false"]').waitFor()],
      ['/cari', filtersOpen],
      [`/cari?kota=${facets.city[0]!.value}`, filtersOpen],
      [`/produk/${items[0]!.id}`, () => page.getByRole('heading', { level: 1, name: items[0]!.name }).waitFor()],
      ['/verifikasi/XXXX-XXXX', () => page.getByRole('heading', { level: 1 }).waitFor()],
      ['/masuk', () => page.getByRole('heading', { level: 1 }).waitFor()],
      ['/daftar', () => page.getByRole('heading', { level: 1 }).waitFor()],
    ];
    for (const [path, ready] of pages) {
      await page.goto(`${baseUrl()}${path}`, { waitUntil: 'networkidle' });
      await ready();
      await checkPage(page, path);
    }
    expectClean(problems, 'buyer', [{ status: 404, path: '/api/curation/certificates/XXXX-XXXX' }]);
    await context.close();
  }, 180_000); // seven pages, each settled and checked by axe: more than one journey's minute on a busy machine

  it('shows a "not found" page for a product that is not in the catalogue', async () => {
    const { context, page, problems } = await openPhone(browser());
    await page.goto(`${baseUrl()}/produk/999999999`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: 'Produk tidak ditemukan' }).waitFor();
    expect(await page.getByRole('main').textContent()).toContain('belum lolos kurasi');
    expect(await page.getByRole('main').getByRole('link', { name: 'Cari produk lain' }).getAttribute('href')).toBe(
      '/cari',
    );
    await checkPage(page, new URL(page.url()).pathname);
    expectClean(problems, 'buyer', [{ status: 404, path: '/api/catalog/products/999999999' }]);
    // A malformed id is not even asked for.
    await page.goto(`${baseUrl()}/produk/abc`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: 'Produk tidak ditemukan' }).waitFor();
    await context.close();
  });
});
