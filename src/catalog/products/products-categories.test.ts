// Product categories: all of them to anyone, food and drink first, named in both languages.
import { beforeAll, describe, expect, it } from 'vitest';
import { call, pk, setUpProducts } from '../../../test/support/products.ts';
import type { Db } from '../../platform/db/types.ts';

let db: Db;

beforeAll(async () => {
  await setUpProducts();
  ({ db } = pk);
});

describe('product categories', () => {
  it('lists every category to anyone, food and drink (which need a halal certificate) first, named in both languages', async () => {
    const res = await call(undefined, 'GET', '/api/catalog/categories');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; name: { id: string; en: string }; food: boolean }[];
    const [{ n }] = (await db.query<{ n: number }>('select count(*)::int4 as n from product_category')) as [
      { n: number },
    ];
    expect(items).toHaveLength(n);
    expect(items.findIndex((c) => !c.food)).toBe(items.filter((c) => c.food).length);
    expect(items).toContainEqual({
      code: 'makanan-ringan',
      name: { id: expect.any(String), en: expect.any(String) },
      food: true,
    });
    expect(items).toContainEqual({
      code: 'kerajinan',
      name: { id: expect.any(String), en: expect.any(String) },
      food: false,
    });
  });
});
