import crypto from 'node:crypto';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Submission } from '../../src/curation/schema.ts';
import { checkPage, expectClean, logInFromHome, readmeDemoAccounts, switchLang } from './accounts.ts';
import { baseUrl, browserForFile, openPhone } from './browser.ts';
import { correctedTypo, fillProductForm, settled } from './catalog.ts';

/**
 * Issue 5's "done means", as new users on a 360 px phone on the demo server: the demo owner lists a product and
 * submits it to the demo call; the demo pendamping verifies it, the kasatpel validates it, the kurator scores it
 * from the rubric; the owner sees the result and downloads the certificate; anyone checks the certificate on the
 * page its QR opens; a buyer finds the product by a misspelt word of its name and narrows by its kecamatan.
 * Every page visited: no sideways scroll, nothing serious for axe, no console errors.
 */
const accounts = readmeDemoAccounts();
const account = (role: string) => accounts.find((r) => r.role === role)!;

const browser = browserForFile();

async function logIn(page: Page, role: string) {
  await logInFromHome(page, account(role));
  await page.locator(`section[data-role="${role}"]`).waitFor();
}

/** An officer opens the submission from their queue: it is there, with the overdue ones marked. */
async function openFromQueue(page: Page, role: string, submissionId: number, action: string) {
  await page.locator(`section[data-role="${role}"]`).getByRole('link', { name: 'Antrean kurasi' }).click();
  await page.getByRole('heading', { level: 1, name: 'Antrean kurasi' }).waitFor();
  const item = page.locator(`li[data-submission="${submissionId}"]`);
  await item.waitFor();
  // Soonest due first: the due dates down the list never go back in time.
  const dues = await page
    .locator('.cur-list li[data-submission]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-due') ?? ''));
  expect(dues).toEqual([...dues].sort());
  await checkPage(page, `/kurasi/antrian (${role})`);
  await item.getByRole('link', { name: action }).click();
  await page.waitForURL((u) => u.pathname === `/kurasi/pengajuan/${submissionId}`);
  await page.locator('.cur-facts').first().waitFor();
}

/** The step's answer: what happened, and the WhatsApp links to tell the next people, each a wa.me link. */
async function expectWhatsappLinks(page: Page) {
  const links = page.getByRole('region', { name: 'Kirim lewat WhatsApp' }).getByRole('link');
  await links.first().waitFor();
  for (const href of await links.evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? '')))
    expect(href).toMatch(/^https:\/\/wa\.me\/\d*\?text=/);
}

describe('the curation journey, on phones', () => {
  it('takes a new product from the owner through pendamping, kasatpel and kurator to a certificate anyone can check, and a buyer finds it', async () => {
    // A word the search corrects back from a one-letter typo. Correction draws on the catalogue's vocabulary
    // (refreshed after loads, not per product), so the new product's name carries such a word.
    const { word, typo } = await correctedTypo();
    const name = `${word[0]!.toUpperCase()}${word.slice(1)} Bu Demo ${crypto.randomBytes(2).toString('hex')}`;

    // ---- The owner lists a product (the product pages) and submits it to the demo call.
    const owner = await openPhone(browser());
    let page = owner.page;
    await logIn(page, 'umkm_owner');
    await page.locator('section[data-role="umkm_owner"]').getByRole('link', { name: 'Kelola produk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Produk saya' }).waitFor();
    await page.getByRole('link', { name: 'Tambah produk' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Tambah produk' }).waitFor();
    await fillProductForm(page, {
      name,
      description: 'Dibuat setiap pagi tanpa pengawet, kemasan 250 g berlabel.',
      category: 'kue-roti',
      price: '35000',
      unit: 'kotak',
      stock: '40',
    });
    await page.getByLabel('Produk ini bersertifikat halal').check();
    await page.getByRole('button', { name: 'Simpan sebagai draf' }).click();
    await page.waitForURL((u) => /^\/usaha-saya\/produk\/\d+$/.test(u.pathname));
    const productId = Number(new URL(page.url()).pathname.split('/').pop());
    const photo = await sharp({
      create: { width: 800, height: 600, channels: 3, background: { r: 200, g: 140, b: 60 } },
    })
      .jpeg()
      .toBuffer();
    await page.getByLabel('Tambah foto').setInputFiles({ name: 'kue.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByRole('status').filter({ hasText: 'Foto tersimpan' }).waitFor();
    await page.getByRole('button', { name: 'Terbitkan' }).click();
    await page.getByRole('status').filter({ hasText: 'Status sekarang: Terbit.' }).waitFor();

    await page.goto(`${baseUrl()}/beranda`, { waitUntil: 'networkidle' });
    await page
      .locator('section[data-role="umkm_owner"]')
      .getByRole('link', { name: 'Ajukan produk ke kurasi' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Kurasi produk' }).waitFor();
    const call = page.locator('li[data-call]').filter({ hasText: 'Kurasi Jumat Beli Lokal' }).first();
    await call.waitFor();
    expect(await call.textContent()).toContain('Jumat Beli Lokal');
    expect(await call.textContent()).toMatch(/Batas pengajuan\d{1,2} \w{3} \d{4} 23\.59 WIB/);
    expect(await call.textContent()).toMatch(/Sisa kuota\d+ dari 40 produk/);
    await checkPage(page, '/kurasi');
    await call.getByRole('button', { name: 'Ajukan produk' }).click();
    const choice = call.locator(`[data-product="${productId}"]`);
    await choice.waitFor();
    // A product the call cannot take says why (the demo owner's earlier submissions are already in this call).
    expect(await call.locator('.cur-why').first().textContent()).toMatch(/^Belum bisa diajukan: /);
    await checkPage(page, '/kurasi (choosing a product)');
    await choice.getByLabel(name).check();
    await call.getByRole('button', { name: 'Ajukan', exact: true }).click();
    await call
      .getByRole('status')
      .filter({ hasText: `«${name}» sudah diajukan.` })
      .waitFor();
    await expectWhatsappLinks(page);
    await checkPage(page, '/kurasi (submitted)');
    await call.getByRole('link', { name: 'Lihat pengajuan' }).click();
    await page.waitForURL((u) => /^\/kurasi\/pengajuan\/\d+$/.test(u.pathname));
    const submissionId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(await page.locator('.cur-facts').first().textContent()).toContain('Menunggu verifikasi pendamping');
    await checkPage(page, '/kurasi/pengajuan/:id (owner, submitted)');
    // The demo owner's earlier submission was returned with notes: it offers "improve and resubmit".
    await page
      .getByRole('navigation', { name: 'Menu kurasi' })
      .getByRole('link', { name: 'Kurasi produk saya' })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Pengajuan saya' }).waitFor();
    const returned = page
      .locator('.cur-list li')
      .filter({ has: page.getByRole('link', { name: 'Perbaiki dan ajukan ulang' }) })
      .first();
    await returned.getByRole('link', { name: 'Perbaiki dan ajukan ulang' }).click();
    await page.getByRole('heading', { level: 2, name: 'Perbaiki dan ajukan ulang' }).waitFor();
    expect(await page.locator('.cur-history li[data-decision="returned"] .cur-note').first().textContent()).not.toBe(
      '',
    );
    expect(await page.locator('.cur-action').getByRole('link', { name: 'Ubah produk' }).getAttribute('href')).toMatch(
      /^\/usaha-saya\/produk\/\d+$/,
    );
    await checkPage(page, '/kurasi/pengajuan/:id (owner, returned)');

    // ---- The pendamping of the kecamatan verifies it (after trying to return it without a note).
    const pendamping = await openPhone(browser());
    page = pendamping.page;
    await logIn(page, 'pendamping');
    await openFromQueue(page, 'pendamping', submissionId, 'Periksa dan verifikasi');
    await page.locator('.cur-photos img').first().waitFor();
    expect(await page.locator('.cur-photos img').count()).toBe(1); // the photo the owner added
    await checkPage(page, '/kurasi/pengajuan/:id (pendamping)');
    await page.getByRole('button', { name: 'Kembalikan ke pemilik' }).click();
    await page.getByText('Tulis catatan untuk pemilik: apa yang perlu diperbaiki.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('notes');
    await page.getByLabel('Catatan').fill('Foto dan label kemasan jelas.');
    await page.getByRole('button', { name: 'Verifikasi', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Pengajuan sudah diverifikasi dan diteruskan ke kasatpel.' })
      .waitFor();
    await expectWhatsappLinks(page);
    expect(await page.locator('.cur-facts').first().textContent()).toContain('Menunggu validasi kasatpel');
    await checkPage(page, '/kurasi/pengajuan/:id (verified)');
    // The demo kecamatan has a submission overdue at verification: the overdue list shows it, marked.
    await page.getByRole('navigation', { name: 'Menu kurasi' }).getByRole('link', { name: 'Terlambat' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pengajuan terlambat' }).waitFor();
    await page.locator('li.is-overdue .cur-overdue').first().waitFor();
    expect(await page.locator('li.is-overdue .cur-overdue').first().textContent()).toMatch(
      /^Terlambat \d+ hari kerja \(tenggat /,
    );
    await checkPage(page, '/kurasi/terlambat');

    // ---- The kasatpel validates it.
    const kasatpel = await openPhone(browser());
    page = kasatpel.page;
    await logIn(page, 'kasatpel');
    await openFromQueue(page, 'kasatpel', submissionId, 'Periksa dan validasi');
    await page.getByRole('button', { name: 'Validasi', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Pengajuan sudah divalidasi dan diteruskan ke kurator.' })
      .waitFor();
    await expectWhatsappLinks(page);
    await checkPage(page, '/kurasi/pengajuan/:id (validated)');

    // ---- The kurator scores it on the rubric's criteria, seeing the grade before sending.
    const kurator = await openPhone(browser());
    page = kurator.page;
    await logIn(page, 'kurator');
    await openFromQueue(page, 'kurator', submissionId, 'Nilai produk');
    const form = page.locator('form.cur-score');
    const criteria = form.locator('fieldset.cur-criterion');
    // The food rubric's criteria and weights, as the migration seeds them: the form is built from that data.
    expect(await criteria.locator('legend').allTextContents()).toEqual([
      'Rasa (bobot 30)',
      'Kemasan (bobot 20)',
      'Kebersihan (bobot 20)',
      'Halal (bobot 15)',
      'Foto produk (bobot 15)',
    ]);
    await checkPage(page, '/kurasi/pengajuan/:id (kurator)');
    await page.getByRole('button', { name: 'Kirim penilaian' }).click(); // nothing scored yet: each criterion says so
    expect(await form.locator('.cur-criterion.has-error').count()).toBe(await criteria.count());
    for (const [i, c] of (await criteria.all()).entries())
      await c.getByRole('radio', { name: i === 1 ? '4' : '5', exact: true }).check();
    await page.getByLabel('Catatan untuk Kemasan').fill('Label kemasan bisa lebih besar.');
    await page.getByLabel('Catatan umum untuk pemilik').fill('Rasa konsisten dan kemasan rapi.');
    expect(await page.locator('.cur-preview p').first().textContent()).toBe('Hasil: 96,0% — lolos dengan nilai A.');
    await checkPage(page, '/kurasi/pengajuan/:id (scored, not sent)');
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    await page.getByRole('status').filter({ hasText: 'Penilaian sudah dikirim.' }).waitFor();
    await expectWhatsappLinks(page);
    await page.getByRole('heading', { level: 2, name: 'Sertifikat kurasi' }).waitFor();
    await checkPage(page, '/kurasi/pengajuan/:id (passed, kurator)');

    // ---- The owner sees the result (notified), and downloads the certificate.
    page = owner.page;
    await page.goto(`${baseUrl()}/beranda`, { waitUntil: 'networkidle' });
    const count = page.locator('.account-notifications');
    await page.waitForFunction(
      () => Number(document.querySelector('.account-notifications')?.getAttribute('data-unread')) > 0,
    );
    await count.click();
    await page.getByRole('heading', { level: 1, name: 'Notifikasi' }).waitFor();
    const passed = page.locator('li[data-kind="curation.passed"]').filter({ hasText: name }).first();
    await passed.waitFor();
    expect(await passed.getByRole('link', { name: /^Teruskan lewat WhatsApp/ }).getAttribute('href')).toMatch(
      /^https:\/\/wa\.me\/\?text=/,
    );
    await checkPage(page, '/notifikasi');
    await passed.getByRole('link', { name: 'Buka', exact: true }).click();
    await page.waitForURL((u) => u.pathname === `/kurasi/pengajuan/${submissionId}`);
    const result = page.getByRole('region', { name: 'Hasil kurasi' });
    await result.waitFor();
    expect(await result.locator('.cur-passed').textContent()).toBe('Lolos kurasi dengan nilai A (96,0%).');
    expect(await result.textContent()).toContain('Label kemasan bisa lebih besar.');
    expect(await result.textContent()).toContain('Rasa konsisten dan kemasan rapi.');
    expect(
      await page.locator('.cur-history li').evaluateAll((els) => els.map((e) => e.getAttribute('data-decision'))),
    ).toEqual(['submitted', 'verified', 'validated', 'passed']);
    await checkPage(page, '/kurasi/pengajuan/:id (owner, passed)');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Unduh sertifikat (PDF)' }).click(),
    ]);
    const pdf = await download.createReadStream().then(async (s) => Buffer.concat(await s.toArray()));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The code the certificate carries (its QR opens /verifikasi/<code>), as the API gives it.
    const answer = await page.request.get(`${baseUrl()}/api/curation/submissions/${submissionId}`);
    const submission = (await answer.json()) as z.infer<typeof Submission>;
    const code = submission.certificate!.code;
    expect(submission.certificate!.verifyPath).toBe(`/verifikasi/${code}`);
    expect(download.suggestedFilename()).toContain(code);
    const district = submission.umkm.district;

    // ---- Anyone checks the certificate, without logging in.
    const visitor = await openPhone(browser());
    page = visitor.page;
    await page.goto(`${baseUrl()}/verifikasi/${code}`, { waitUntil: 'networkidle' });
    await page.locator('[data-verdict="valid"]').waitFor();
    expect(await page.locator('.cur-verdict-word').textContent()).toBe('Sertifikat sah');
    const facts = await page.locator('.cur-facts').textContent();
    for (const text of [code, name, submission.umkm.name, 'Jumat Beli Lokal']) expect(facts).toContain(text);
    expect(await page.locator('.cur-grade').textContent()).toBe('A');
    await checkPage(page, '/verifikasi/:code');

    // ---- A buyer finds it by a misspelt word of its name, and narrows by its kecamatan.
    await page.goto(`${baseUrl()}/cari`, { waitUntil: 'networkidle' });
    await page.getByLabel('Kata pencarian').fill(typo);
    await page.getByRole('search').getByRole('button', { name: 'Cari' }).click();
    await page.waitForURL((u) => u.pathname === '/cari' && u.searchParams.get('q') === typo);
    await page.locator('.cat-correction').waitFor();
    expect(await page.locator('.cat-correction').textContent()).toContain(`(dari «${typo}»)`);
    await checkPage(page, '/cari?q=<typo>');
    await page.getByRole('button', { name: /^Filter/ }).click();
    await page
      .getByRole('region', { name: 'Kecamatan' })
      .getByRole('link', { name: new RegExp(`^(✓ )?${district.name} \\d`) })
      .click(); // "Kebayoran Baru 3 produk"
    await page.waitForURL((u) => u.searchParams.get('kecamatan') === district.code);
    await page.getByRole('button', { name: 'Lihat hasil' }).click();
    await page.getByLabel('Urutkan').selectOption('newest');
    await page.waitForURL((u) => u.searchParams.has('urut') && u.searchParams.get('kecamatan') === district.code);
    await settled(page); // the narrowed results have replaced the earlier ones
    const found = page.locator('.cat-item').filter({ hasText: name });
    await found.waitFor();
    for (const text of await page.locator('.cat-item').allTextContents()) expect(text).toContain(district.name);
    await checkPage(page, '/cari?q=<typo>&kecamatan=…');
    await found.getByRole('link', { name }).click();
    await page.waitForURL((u) => u.pathname === `/produk/${productId}`);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await checkPage(page, '/produk/:id');

    for (const [who, p] of Object.entries({ owner, pendamping, kasatpel, kurator, visitor })) {
      expectClean(p.problems, who);
      await p.context.close();
    }
  }, 300_000);

  it('lets the Dinas create a call, refuses to publish it without a kurator, then publishes and closes it; in English too', async () => {
    const title = `Kurasi e-Order uji ${crypto.randomBytes(2).toString('hex')}`;
    const admin = await openPhone(browser());
    const page = admin.page;
    await logIn(page, 'platform_admin');
    await page.locator('section[data-role="platform_admin"]').getByRole('link', { name: 'Panggilan kurasi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Panggilan kurasi' }).waitFor();
    await page.locator('li[data-call]').first().waitFor();
    await checkPage(page, '/kurasi/panggilan');

    await page.getByRole('link', { name: 'Buat panggilan kurasi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Buat panggilan kurasi' }).waitFor();
    await page.getByRole('group', { name: 'Kurator yang menilai' }).waitFor();
    await page.getByRole('button', { name: 'Simpan sebagai draf' }).click(); // empty: each field says what it needs
    expect(await page.locator('[aria-invalid="true"]').count()).toBeGreaterThanOrEqual(8);
    await checkPage(page, '/kurasi/panggilan/baru (errors)');
    const title_ = page.getByRole('group', { name: 'Judul' });
    await title_.getByLabel('Bahasa Indonesia').fill(title);
    await title_.getByLabel('Bahasa Inggris').fill(`${title} (EN)`);
    for (const [group, id, en] of [
      [
        'Keterangan',
        'Kurasi produk untuk belanja kantor pemerintah lewat e-Order.',
        'Curation of products for government buying through e-Order.',
      ],
      ['Kriteria (dibaca pemilik)', 'Produk terbit, kemasan berlabel.', 'Published products, labelled packaging.'],
    ] as const) {
      await page.getByRole('group', { name: group }).getByLabel('Bahasa Indonesia').fill(id);
      await page.getByRole('group', { name: group }).getByLabel('Bahasa Inggris').fill(en);
    }
    await page.getByLabel('Saluran').selectOption('e_order');
    await page.getByLabel('Kuota (produk yang bisa lolos)').fill('25');
    await page.getByLabel('Batas pengajuan (WIB)').fill(`${new Date().getFullYear() + 1}-03-31T20:00`);
    await page.getByLabel('Rubrik penilaian').selectOption('general');
    await page.getByRole('group', { name: 'Kategori produk' }).getByLabel('Kerajinan & suvenir').check();
    await page.getByRole('button', { name: 'Simpan sebagai draf' }).click();
    await page.waitForURL((u) => u.pathname === '/kurasi/panggilan');
    await page
      .getByRole('status')
      .filter({ hasText: `Panggilan «${title}» dibuat sebagai draf.` })
      .waitFor();
    const card = page.locator('li[data-call]').filter({ hasText: title });
    expect(await card.getAttribute('data-status')).toBe('draft');
    expect(await card.textContent()).toContain('31 Mar');
    expect(await card.textContent()).toContain('20.00 WIB'); // the wall-clock time typed, in Jakarta time

    // No kurator yet: the server refuses to publish, and says why.
    const callId = Number(await card.getAttribute('data-call'));
    await card.getByRole('button', { name: 'Terbitkan' }).click();
    await card.getByRole('alert').waitFor();
    expect(await card.getByRole('alert').textContent()).not.toBe('');
    await checkPage(page, '/kurasi/panggilan (publish refused)');
    await card.getByRole('link', { name: 'Ubah' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ubah panggilan kurasi' }).waitFor();
    expect(await page.getByRole('group', { name: 'Judul' }).getByLabel('Bahasa Indonesia').inputValue()).toBe(title);
    await page.getByRole('group', { name: 'Kurator yang menilai' }).getByRole('checkbox').first().check();
    await checkPage(page, '/kurasi/panggilan/:id');
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();
    await page.waitForURL((u) => u.pathname === '/kurasi/panggilan');
    await card.getByRole('button', { name: 'Terbitkan' }).click();
    await page.waitForFunction(
      (t) =>
        [...document.querySelectorAll('li[data-call]')].some(
          (li) => li.textContent?.includes(t) && li.getAttribute('data-status') === 'open',
        ),
      title,
    );

    // Closing asks first, then closes.
    await card.getByRole('button', { name: 'Tutup panggilan' }).click();
    await card.getByRole('button', { name: 'Ya, tutup' }).click();
    await page.waitForFunction(
      (t) =>
        [...document.querySelectorAll('li[data-call]')].some(
          (li) => li.textContent?.includes(t) && li.getAttribute('data-status') === 'closed',
        ),
      title,
    );
    expect(await card.getByRole('link', { name: 'Ubah' }).count()).toBe(0);

    // English second: the same page in English, and the overdue list and notifications too.
    await switchLang(page, 'en');
    await page.getByRole('heading', { level: 1, name: 'Curation calls' }).waitFor();
    expect(await card.locator('.cur-badge').textContent()).toBe('Closed');
    await checkPage(page, '/kurasi/panggilan (en)');
    await page.getByRole('navigation', { name: 'Curation menu' }).getByRole('link', { name: 'Overdue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overdue submissions' }).waitFor();
    await page.locator('.cur-counts').waitFor();
    await checkPage(page, '/kurasi/terlambat (en)');
    await page.getByRole('navigation', { name: 'Curation menu' }).getByRole('link', { name: 'Notifications' }).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^Unread/ }).waitFor();
    await checkPage(page, '/notifikasi (en)');
    await page.goto(`${baseUrl()}/verifikasi/NOPE-NOPE-NOPE`, { waitUntil: 'networkidle' });
    await page.locator('[data-verdict="unknown"]').waitFor();
    expect(await page.locator('.cur-verdict-word').textContent()).toBe('Unknown code');
    await checkPage(page, '/verifikasi/<unknown> (en)');

    // The admin's TOTP step (401 totp_required before the code) and the refused publish are expected.
    expectClean(admin.problems, 'admin', [
      { status: 401, path: '/api/auth/login' },
      { status: 400, path: `/api/curation/calls/${callId}/publish` },
    ]);
    await admin.context.close();
  }, 180_000);
});
