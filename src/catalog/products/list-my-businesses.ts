// Use case: the caller's own businesses, with their product counts and halal certificate — the start of the
// owner's product pages. One query, however many businesses.
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/types.ts';
import { productEditScope } from './policy.ts';
import { halalCertificate } from './present-product.ts';
import { halalDay, validHalalSql } from './queries.ts';

export async function listMyBusinesses(q: Queryable, actor: Actor) {
  const scope = productEditScope(actor, 2);
  const rows = await q.query<{
    id: number;
    name: string;
    halal_valid: boolean;
    draft: number;
    published: number;
    archived: number;
  }>(
    `select u.id, u.name, ${validHalalSql('u.id', '$1')} as halal_valid,
            count(p.id) filter (where p.status = 'draft')::int4 as draft,
            count(p.id) filter (where p.status = 'published')::int4 as published,
            count(p.id) filter (where p.status = 'archived')::int4 as archived
       from umkm u left join product p on p.umkm_id = u.id
      where ${scope.sql} group by u.id order by u.id`,
    [halalDay(), ...scope.params],
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      halalCertificate: halalCertificate(r.halal_valid),
      products: { draft: r.draft, published: r.published, archived: r.archived },
    })),
  };
}
