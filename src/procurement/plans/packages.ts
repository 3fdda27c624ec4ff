// Reading RUP packages: an agency's plan (its officials, the bureau), one package. Outside scope: not found.
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/types.ts';
import { notFound } from '../../platform/http/problem.ts';
import { localDate } from '../../platform/time.ts';
import type { PackageOut } from './plan-schema.ts';
import { agencyScope, procurementPolicy } from '../policy.ts';
import { thresholdOn } from './reservation.ts';

export const PACKAGE_COLUMNS = `p.id, p.rup_code, p.agency_id, a.name as agency_name, p.unit_id, p.year, p.name, p.pagu, p.kind,
  p.supply, p.method, p.category_code, p.kbli_codes, p.region_code, r.name as region_name, p.funding_source,
  p.selection_from::text as selection_from, p.selection_to::text as selection_to,
  p.execution_from::text as execution_from, p.execution_to::text as execution_to, p.reserved_small,
  p.reservation_exempt_reason, p.domestic, p.status, p.source`;
export const PACKAGE_FROM = `procurement_package p join agency a on a.id = p.agency_id left join region r on r.code = p.region_code`;

export type PackageRow = Record<string, unknown> & { id: number };

export function presentPackage(r: PackageRow): PackageOut {
  return {
    id: r.id,
    rupCode: r.rup_code as string,
    agencyId: r.agency_id as number,
    agencyName: r.agency_name as string,
    unitId: r.unit_id as number | null,
    year: r.year as number,
    name: r.name as string,
    pagu: Number(r.pagu),
    kind: r.kind as PackageOut['kind'],
    supply: r.supply as PackageOut['supply'],
    method: r.method as PackageOut['method'],
    categoryCode: r.category_code as string | null,
    kbliCodes: (r.kbli_codes as string[]) ?? [],
    regionCode: r.region_code as string | null,
    regionName: r.region_name as string | null,
    fundingSource: r.funding_source as string,
    selectionFrom: r.selection_from as string | null,
    selectionTo: r.selection_to as string | null,
    executionFrom: r.execution_from as string | null,
    executionTo: r.execution_to as string | null,
    reservedSmall: r.reserved_small as boolean,
    reservationExemptReason: r.reservation_exempt_reason as string | null,
    domestic: r.domestic as boolean,
    status: r.status as PackageOut['status'],
    source: r.source as string,
  };
}

const PAGE = 50;

export async function listPackages(
  db: Queryable,
  actor: Actor,
  q: { agencyId?: number | undefined; year?: number | undefined; q?: string | undefined; page: number },
) {
  const scope = agencyScope(actor, procurementPolicy.readsAgencyOrders, 'p.agency_id', 4);
  const where = `($1::integer is null or p.agency_id = $1) and ($2::integer is null or p.year = $2)
    and ($3::text is null or p.name ilike '%' || $3 || '%' or p.rup_code = $3) and ${scope.sql}`;
  const params = [q.agencyId ?? null, q.year ?? null, q.q?.trim() || null, ...scope.params];
  const rows = await db.query<PackageRow>(
    `select ${PACKAGE_COLUMNS} from ${PACKAGE_FROM} where ${where}
      order by p.year desc, p.selection_from nulls last, p.id desc limit ${PAGE} offset ${(q.page - 1) * PAGE}`,
    params,
  );
  const [n] = await db.query<{ n: number }>(
    `select count(*)::int as n from procurement_package p where ${where}`,
    params,
  );
  return {
    items: rows.map(presentPackage),
    total: n?.n ?? 0,
    page: q.page,
    pageSize: PAGE,
    threshold: await thresholdOn(db, localDate(new Date())),
  };
}

export async function getPackage(db: Queryable, actor: Actor, packageId: number): Promise<PackageOut> {
  const scope = agencyScope(actor, procurementPolicy.readsAgencyOrders, 'p.agency_id', 2);
  const [row] = await db.query<PackageRow>(
    `select ${PACKAGE_COLUMNS} from ${PACKAGE_FROM} where p.id = $1 and ${scope.sql}`,
    [packageId, ...scope.params],
  );
  if (!row) throw notFound({ id: 'Paket tidak ditemukan.', en: 'Package not found.' });
  return presentPackage(row);
}
