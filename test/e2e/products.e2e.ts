import crypto from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkPage, expectClean, fieldMessage, logInFromHome, readmeDemoAccounts, switchLang } from './accounts.ts';
import { baseUrl, browserForFile, openPhone } from './browser.ts';
import { fillProductForm } from './catalog.ts';

/**
 * Issue 5 §1 on the demo server, on a 360 px phone: the demo owner adds a product from the role home, types its
 * price (grouped as typed), adds a camera-sized photo that the phone shrinks before sending, and publishes it.
 */
const owner = readmeDemoAccounts().find((r) => r.role === 'umkm_owner')!;

const browser = browserForFile();

/** A camera-sized JPEG (4000 × 3000, blotchy so it does not compress to nothing), as a phone's gallery holds it. */
async function cameraJpeg(): Promise<Buffer> {
  const noise = crypto.randomBytes(400 * 300 * 3);
  return sharp(noise, { raw: { width: 400, height: 300, channels: 3 } })
    .resize(4000, 3000)
    .jpeg({ quality: 92 })
    .toBuffer();
}

describe('an owner manages products on a phone', () => {
  it('adds a product with a photo compressed in the browser, and publishes it', async () => {
    const name = `Tas Anyaman Pandan ${crypto.randomBytes(2).toString('hex')}`;
    const { context, page, problems } = await openPhone(browser());
    await logInFromHome(page, owner);

    // From the role home to the product list.
    await page.locator('section[data-role="umkm_owner"]').getByRole('link', { name: 'Kelola produk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Produk saya' }).waitFor();
    await page.locator('.pp-business').first().waitFor();
    await checkPage(page, '/usaha-saya/produk');

    await page.getByRole('link', { name: 'Tambah produk' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Tambah produk' }).waitFor();
    await fillProductForm(page, {
      name,
      description: 'Dianyam tangan dari daun pandan, 30 × 25 cm.',
      category: 'kerajinan',
      price: '-5',
      unit: 'pcs',
      stock: '8',
    });
    // A minus is refused next to the field at once, in the reader's language, and nothing is sent (not Rp 5).
    const price = page.getByLabel('Harga (Rp)');
    expect(await price.inputValue()).toBe('-5');
    expect(await fieldMessage(price)).toContain('Tidak boleh kurang dari nol. Hapus tanda minus.');
    expect(await page.getByText('Tampil sebagai').count()).toBe(0);
    await switchLang(page, 'en');
    expect(await fieldMessage(page.getByLabel('Price (Rp)'))).toContain(
      'Cannot be less than zero. Remove the minus sign.',
    );
    await switchLang(page, 'id');
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/api/catalog/')) sent.push(r.url());
    });
    await page.getByRole('button', { name: 'Simpan sebagai draf' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('price');
    expect(await fieldMessage(price)).toContain('Tidak boleh kurang dari nol.');
    expect(sent).toEqual([]);
    await price.fill('');
    await price.pressSequentially('1250000');
    expect(await price.inputValue()).toBe('1.250.000'); // grouped as typed, the Indonesian way
    expect(await price.getAttribute('aria-invalid')).toBeNull();
    await page.getByText('Tampil sebagai Rp 1.250.000').waitFor();
    await checkPage(page, '/usaha-saya/produk/baru');

    // Saved as a draft: the product's own page.
    await page.getByRole('button', { name: 'Simpan sebagai draf' }).click();
    await page.waitForURL((u) => /^\/usaha-saya\/produk\/\d+$/.test(u.pathname));
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Produk tersimpan sebagai draf' }).waitFor();
    expect(await page.locator('.pp-state .pp-badge').first().textContent()).toBe('Draf');
    const productId = Number(new URL(page.url()).pathname.split('/').pop());

    // A 4000 × 3000 camera photo: shrunk on the phone to ≤ 1600 px before it is sent.
    const jpeg = await cameraJpeg();
    const uploaded = page.waitForRequest(
      (r) => r.method() === 'POST' && new URL(r.url()).pathname === `/api/catalog/manage/products/${productId}/photos`,
    );
    await page
      .getByLabel('Tambah foto')
      .setInputFiles({ name: 'IMG_20260314_101500.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    const request = await uploaded;
    await request.response();
    expect((await request.sizes()).requestBodySize).toBeLessThan(jpeg.length / 2);
    const saved = page.getByRole('status').filter({ hasText: 'Foto tersimpan' });
    await saved.waitFor();
    expect(await saved.textContent()).toMatch(/^Foto tersimpan: [\d,]+ MB di HP, dikirim \d+ KB\.$/); // the saving, said
    const photo = page.locator('.pp-photos img').first();
    await photo.waitFor();
    expect(await photo.getAttribute('alt')).toBe(`Foto 1 dari 1: ${name}`);
    const thumb = await page.request.get(`${baseUrl()}${await photo.getAttribute('src')}`);
    expect(thumb.status()).toBe(200);
    expect(thumb.headers()['content-type']).toBe('image/webp');
    const meta = await sharp(Buffer.from(await thumb.body())).metadata();
    expect(Math.max(meta.width!, meta.height!)).toBe(320);
    await checkPage(page, '/usaha-saya/produk/:id');

    // Published.
    await page.getByRole('button', { name: 'Terbitkan' }).click();
    await page.getByRole('status').filter({ hasText: 'Status sekarang: Terbit.' }).waitFor();
    expect(await page.locator('.pp-state .pp-badge').first().textContent()).toBe('Terbit');
    await checkPage(page, '/usaha-saya/produk/:id (published)');

    // Back in the list: the product with its cover, its status and its curation state.
    await page.getByRole('link', { name: 'Kembali ke Produk saya' }).click();
    const row = page.locator(`li[data-product="${productId}"]`);
    await row.waitFor();
    expect(await row.locator('.pp-badge').allTextContents()).toEqual(['Terbit', 'Belum dikurasi']);
    expect(await row.locator('img.pp-thumb').count()).toBe(1);
    await checkPage(page, '/usaha-saya/produk (after)');

    expectClean(problems, 'owner');
    await context.close();
  });
});
