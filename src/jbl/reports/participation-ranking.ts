// GET /api/jbl/participation — the province ranking of agencies in one edition (default: the latest published):
// participation rate first, then spend. Ranks are over every agency with ASN or ASN spend; the caller's scope then
// keeps the rows they may read (an official or ASN sees their own agency with its place in the province).
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/types.ts';
import { notFound } from '../../platform/http/problem.ts';
import { participationScope } from '../policy.ts';
import { ASN_NOW, type ParticipationRow, presentParticipation, SPEND, TARGET } from './asn-participation.ts';
import { EDITION_COLUMNS, EDITION_JOIN, type EditionCols, editionRef, PUBLISHED } from './queries.ts';
import type { ParticipationRanking } from './schema.ts';

interface Row extends ParticipationRow {
  id: number;
  code: string;
  name: string;
  rank: number | string;
}

/** The chosen edition if published, else (none chosen) the latest published one. */
export async function publishedEdition(db: Queryable, editionId: number | undefined): Promise<EditionCols | undefined> {
  const [e] = await db.query<EditionCols>(
    `select ${EDITION_COLUMNS} from jbl_edition e ${EDITION_JOIN}
      where e.status in ${PUBLISHED} and ($1::bigint is null or e.id = $1)
      order by e.held_on desc limit 1`,
    [editionId ?? null],
  );
  if (!e && editionId !== undefined) throw notFound({ id: 'Edisi tidak ditemukan.', en: 'Edition not found.' });
  return e;
}

export async function readParticipationRanking(
  db: Queryable,
  actor: Actor,
  editionId: number | undefined,
): Promise<ParticipationRanking> {
  const e = await publishedEdition(db, editionId);
  if (!e) return { edition: null, agencies: [] };
  const scope = participationScope(actor, 'x.id', 2);
  const rows = await db.query<Row>(
    `with asn as (${ASN_NOW}), spend as (${SPEND('o.edition_id = $1 and o.agency_id is not null')}),
     bought as (
       select s.agency_id, count(*) as buyers, sum(s.spend) as spend, count(*) filter (where s.moved) as moved,
              count(*) filter (where s.spend >= t.target) as reached
         from spend s cross join (select t.* from jbl_edition e, lateral ${TARGET} t where e.id = $1) t
        group by 1
     ), ranked as (
       select a.id, a.code, a.name, coalesce(asn.asn, 0) + coalesce(b.moved, 0) as asn, coalesce(b.buyers, 0) as buyers,
              coalesce(b.spend, 0) as spend, coalesce(b.reached, 0) as reached,
              (select t.target from jbl_edition e, lateral ${TARGET} t where e.id = $1) as target,
              rank() over (order by coalesce(b.buyers, 0)::numeric / nullif(coalesce(asn.asn, 0) + coalesce(b.moved, 0), 0)
                                    desc nulls last,
                                    coalesce(b.spend, 0) desc) as rank
         from agency a
         left join asn on asn.agency_id = a.id
         left join bought b on b.agency_id = a.id
        where asn.asn is not null or b.agency_id is not null
     )
     select * from ranked x where ${scope.sql} order by rank, name`,
    [e.edition_id, ...scope.params],
  );
  return {
    edition: editionRef(e),
    agencies: rows.map((r) => ({
      rank: Number(r.rank),
      agency: { id: Number(r.id), code: r.code, name: r.name },
      ...presentParticipation({ ...r, target: r.target ?? 0 }),
    })),
  };
}
