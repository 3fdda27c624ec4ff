// Reading agencies: the list (province roles see all, officials their own), one agency with its units, officials
// and budgets, and an official's own agencies. Outside the caller's scope an agency is "not found".
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/types.ts';
import { notFound } from '../../platform/http/problem.ts';
import { settingOn } from '../../platform/settings.ts';
import type { AgencyDetail, OfficialRole } from './agency-schema.ts';
import { agenciesOf, agencyScope, procurementPolicy } from '../policy.ts';

const SUMMARY = `select a.id, a.code, a.name, a.kind, a.region_code, r.name as region_name, a.payment_sla_days,
        a.payment_days_basis,
        (select count(*) from agency_unit x where x.agency_id = a.id)::int as units,
        (select count(*) from agency_official x where x.agency_id = a.id)::int as officials
   from agency a left join region r on r.code = a.region_code`;

interface SummaryRow {
  id: number;
  code: string;
  name: string;
  kind: 'opd' | 'bumd';
  region_code: string | null;
  region_name: string | null;
  payment_sla_days: number | null;
  payment_days_basis: 'calendar' | 'working';
  units: number;
  officials: number;
}

const present = (r: SummaryRow) => ({
  id: r.id,
  code: r.code,
  name: r.name,
  kind: r.kind,
  regionCode: r.region_code,
  regionName: r.region_name,
  paymentSlaDays: r.payment_sla_days,
  paymentDaysBasis: r.payment_days_basis,
  units: r.units,
  officials: r.officials,
});

export async function listAgencies(db: Queryable, actor: Actor, q?: string) {
  const scope = agencyScope(actor, procurementPolicy.readsAgencyOrders, 'a.id', 2);
  const rows = await db.query<SummaryRow>(
    `${SUMMARY} where ($1::text is null or a.name ilike '%' || $1 || '%' or a.code ilike $1 || '%') and ${scope.sql}
      order by a.name limit 500`,
    [q?.trim() || null, ...scope.params],
  );
  return { items: rows.map(present) };
}

/** The instance's payment SLA today (an agency's own setting wins). */
export async function defaultSlaDays(db: Queryable): Promise<number> {
  return Number((await settingOn<number>(db, 'procurement.payment_sla_days'))?.value ?? 30);
}

export async function getAgency(db: Queryable, actor: Actor, agencyId: number): Promise<AgencyDetail> {
  const scope = agencyScope(actor, procurementPolicy.readsAgencyOrders, 'a.id', 2);
  const [row] = await db.query<SummaryRow>(`${SUMMARY} where a.id = $1 and ${scope.sql}`, [agencyId, ...scope.params]);
  if (!row) throw notFound({ id: 'Instansi tidak ditemukan.', en: 'Agency not found.' });
  const units = await db.query<{ id: number; code: string; name: string }>(
    'select id, code, name from agency_unit where agency_id = $1 order by code',
    [agencyId],
  );
  const officials = await db.query<{
    account_id: number;
    email: string | null;
    role: OfficialRole;
    name: string;
    nip: string | null;
    unit_id: number | null;
  }>(
    `select o.account_id, c.email, o.role, o.name, o.nip, o.unit_id
       from agency_official o join account c on c.id = o.account_id where o.agency_id = $1 order by o.role, o.name`,
    [agencyId],
  );
  const budgets = await db.query<{ year: number; goods_services_budget: number }>(
    'select year, goods_services_budget from agency_budget where agency_id = $1 order by year desc',
    [agencyId],
  );
  return {
    ...present(row),
    effectiveSlaDays: row.payment_sla_days ?? (await defaultSlaDays(db)),
    unitList: units,
    officialList: officials.map((o) => ({
      accountId: o.account_id,
      email: o.email,
      role: o.role,
      name: o.name,
      nip: o.nip,
      unitId: o.unit_id,
    })),
    budgets: budgets.map((b) => ({ year: b.year, goodsServicesBudget: b.goods_services_budget })),
  };
}

const OFFICIALS: OfficialRole[] = ['pa_kpa', 'ppk', 'pejabat_pengadaan', 'bendahara'];

/** The agencies an official holds a role for (by its role grants), with those roles. */
export async function myAgencies(db: Queryable, actor: Actor) {
  if (actor.kind !== 'account') return { items: [] };
  const ids = agenciesOf(actor, OFFICIALS);
  if (!ids.length) return { items: [] };
  const rows = await db.query<SummaryRow>(`${SUMMARY} where a.id = any($1::integer[]) order by a.name`, [ids]);
  return {
    items: rows.map((r) => ({
      ...present(r),
      roles: OFFICIALS.filter((role) => actor.grants.some((g) => g.role === role && g.scopeId === String(r.id))),
    })),
  };
}
