// Use case: the product categories, food and drink first (those need a halal certificate to be published).
import type { Queryable } from '../../platform/db/types.ts';

export async function listCategories(q: Queryable) {
  return {
    items: await q.query<{ code: string; name: { id: string; en: string }; food: boolean }>(
      `select code, json_build_object('id', name_id, 'en', name_en) as name, is_food as food from product_category order by is_food desc, name_id`,
    ),
  };
}
