// The product page says when a product is on sale at Jumat Beli Lokal: the open or live edition that lists it (its
// storefront link), and nothing once that edition has closed or the product was taken out of the line-up.
import { beforeAll, describe, expect, it } from 'vitest';
import { addProducts, cat, setUpCatalog, tag } from '../../test/support/catalog.ts';
import { makeUmkm } from '../../test/support/factories.ts';
import { makeEdition } from '../../test/support/jbl-kit.ts';

beforeAll(async () => {
  await setUpCatalog();
});

const page = async (id: number) => {
  const res = await cat.app.inject({ method: 'GET', url: `/api/catalog/products/${id}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

async function lineUp(editionId: number, productId: number, umkmId: number): Promise<number> {
  const [i] = await cat.db.query<{ id: number }>(
    `insert into jbl_lineup_item (edition_id, product_id, umkm_id, kecamatan_code, category_code, price, stock_initial, stock, pick, rotation_round, reason_id, reason_en)
     values ($1, $2, $3, $4, 'kue-roti', 15000, 5, 5, 'rotation', 1, 'Giliran tampil', 'Rotation turn') returning id`,
    [editionId, productId, umkmId, cat.village.district],
  );
  return Number(i!.id);
}

describe('a product page’s Jumat Beli Lokal edition', () => {
  it('names the open edition listing the product, and none once it closed', async () => {
    const seller = await makeUmkm(cat.db, cat.village.code);
    const [listed, other] = await addProducts(seller.umkmId, [{ name: `Kue ${tag()}` }, { name: `Roti ${tag()}` }]);
    const editionId = await makeEdition(cat.db, 'open', { host: cat.village.city });
    const itemId = await lineUp(editionId, listed!, seller.umkmId);

    const p = await page(listed!);
    expect(p.inEdition).toMatchObject({ editionId, itemId, status: 'open' });
    expect(typeof p.inEdition.host).toBe('string');
    expect(new Date(p.inEdition.preorderClosesAt).getTime()).toBeGreaterThan(Date.now());
    expect((await page(other!)).inEdition).toBeNull();

    await cat.db.query(`update jbl_edition set status = 'closed' where id = $1`, [editionId]);
    expect((await page(listed!)).inEdition).toBeNull();
  });
});
