// ASN participation (issue 15, item 6). An agency's ASN in an edition are the accounts holding asn_buyer scoped to it
// now, plus any who bought for it in that edition and have moved since (role grants keep no history, and the
// generator's accounts are younger than its orders: counting grants by date would undercount). One bought when a
// seller order of an ASN checkout for that agency was paid; the target is jbl.asn_min_spend_rupiah in force on the Friday, reached by an
// ASN's paid spend in the edition. Orders carry the agency the ASN belonged to when buying (jbl_order.agency_id).
// Scope is folded into the SQL: an official or ASN reads only their own agency (another one is not found, 404).
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/types.ts';
import { notFound } from '../../platform/http/problem.ts';
import { participationScope } from '../policy.ts';
import { COUNTED, EDITION_COLUMNS, EDITION_JOIN, type EditionCols, editionRef, PUBLISHED } from './queries.ts';
import type { AgencyParticipation, Participation } from './schema.ts';

export interface ParticipationRow {
  asn: number | string;
  buyers: number | string;
  reached: number | string;
  spend: number | string;
  target: number | string;
}

export const presentParticipation = (r: ParticipationRow): Participation => {
  const asn = Number(r.asn);
  return {
    asn,
    buyers: Number(r.buyers),
    reached: Number(r.reached),
    spend: Number(r.spend),
    rate: asn > 0 ? Number(r.buyers) / asn : null,
    target: Number(r.target),
  };
};

/** The target in force on the edition's Friday (a lateral on `e`). */
export const TARGET = `(select s.value::text::bigint as target from setting s
  where s.key = 'jbl.asn_min_spend_rupiah' and s.effective_from <= e.friday order by s.effective_from desc limit 1)`;

/**
 * Each ASN's paid spend per edition for the agencies in `agencyCondition` (over `o`), and whether they hold the
 * agency's asn_buyer grant no more (moved: counted among the agency's ASN on top of today's grants).
 */
export const SPEND = (agencyCondition: string) => `
  select o.agency_id, o.edition_id, o.buyer_account_id, sum(c.total) as spend,
         not exists (select 1 from role_grant g where g.account_id = o.buyer_account_id and g.role = 'asn_buyer'
                        and g.scope_kind = 'agency' and g.scope_id = o.agency_id::text) as moved
    from jbl_order o join jbl_child_order c on c.order_id = o.id and c.status in ${COUNTED}
   where o.buyer_kind = 'asn' and ${agencyCondition}
   group by 1, 2, 3`;

/** The number of accounts holding asn_buyer per agency today. */
export const ASN_NOW = `select g.scope_id::integer as agency_id, count(*) as asn from role_grant g
  where g.role = 'asn_buyer' and g.scope_kind = 'agency' group by 1`;

export async function readAgencyParticipation(
  db: Queryable,
  actor: Actor,
  agencyId: number,
): Promise<AgencyParticipation> {
  const scope = participationScope(actor, 'a.id', 2);
  const [agency] = await db.query<{ id: number; code: string; name: string }>(
    `select a.id, a.code, a.name from agency a where a.id = $1 and ${scope.sql}`,
    [agencyId, ...scope.params],
  );
  if (!agency) throw notFound({ id: 'Instansi tidak ditemukan.', en: 'Agency not found.' });
  const rows = await db.query<EditionCols & ParticipationRow>(
    `with spend as (${SPEND('o.agency_id = $1')})
     select ${EDITION_COLUMNS}, coalesce(t.target, 0) as target,
            (select count(*) from role_grant g where g.role = 'asn_buyer' and g.scope_kind = 'agency'
                and g.scope_id = $1::text) + count(*) filter (where s.moved) as asn,
            count(s.buyer_account_id) as buyers, coalesce(sum(s.spend), 0) as spend,
            count(*) filter (where s.spend >= t.target) as reached
       from jbl_edition e ${EDITION_JOIN}
       left join lateral ${TARGET} t on true
       left join spend s on s.edition_id = e.id
      where e.status in ${PUBLISHED}
      group by e.id, hr.name, t.target
      order by e.held_on, e.id`,
    [agencyId],
  );
  return {
    agency: { id: Number(agency.id), code: agency.code, name: agency.name },
    trend: rows.map((r) => ({ edition: editionRef(r), ...presentParticipation(r) })),
  };
}
