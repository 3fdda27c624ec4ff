// What an official reads of its agency's packages: the list by status, and one package with its documents, orders,
// exceptions, cart (for its Pejabat Pengadaan) and the steps the viewer may take on it now.
import type { AccountActor, Actor } from '../../platform/auth/actor.ts';
import { hasRole, scopesOf } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/types.ts';
import { localDate } from '../../platform/time.ts';
import { cartBySeller, judgeGroup } from './cart-lines.ts';
import { ORDER_STATE_LABELS, type OrderState } from '../order-states.ts';
import { packageNotFound } from './package-row.ts';
import { agencyScope, procurementPolicy } from '../policy.ts';
import { rulesInForce } from '../rules/engine.ts';

const PACKAGE_COLUMNS = `p.id, p.rup_code, p.agency_id, a.name as agency_name, p.year, p.name, p.pagu, p.kind, p.method,
  p.category_code, p.reserved_small, p.status, p.delivery_address, p.assigned_at, p.ready_at,
  p.pa_account_id, p.ppk_account_id, p.pp_account_id, un.name as unit_name,
  (select name from agency_official o where o.account_id = p.ppk_account_id and o.agency_id = p.agency_id and o.role = 'ppk') as ppk_name,
  (select name from agency_official o where o.account_id = p.pp_account_id and o.agency_id = p.agency_id and o.role = 'pejabat_pengadaan') as pp_name`;

interface PackageDbRow {
  id: number;
  rup_code: string;
  agency_id: number;
  agency_name: string;
  year: number;
  name: string;
  pagu: number;
  kind: string;
  method: string;
  category_code: string | null;
  reserved_small: boolean;
  status: 'planned' | 'assigned' | 'ready' | 'closed';
  delivery_address: string | null;
  assigned_at: Date | null;
  ready_at: Date | null;
  pa_account_id: number | null;
  ppk_account_id: number | null;
  pp_account_id: number | null;
  unit_name: string | null;
  ppk_name: string | null;
  pp_name: string | null;
}

const holds = (actor: AccountActor, role: 'pa_kpa' | 'ppk' | 'pejabat_pengadaan', agencyId: number) =>
  hasRole(actor, role) && scopesOf(actor, role).map(Number).includes(agencyId);

function summary(r: PackageDbRow, actor: AccountActor) {
  const me = actor.accountId;
  return {
    id: r.id,
    rupCode: r.rup_code,
    agency: { id: r.agency_id, name: r.agency_name },
    unit: r.unit_name,
    year: r.year,
    name: r.name,
    pagu: r.pagu,
    kind: r.kind,
    method: r.method,
    categoryCode: r.category_code,
    reservedSmall: r.reserved_small,
    status: r.status,
    deliveryAddress: r.delivery_address,
    ppk: r.ppk_account_id ? { accountId: r.ppk_account_id, name: r.ppk_name } : null,
    pp: r.pp_account_id ? { accountId: r.pp_account_id, name: r.pp_name } : null,
    /** The viewer's part on this package now. */
    can: {
      assignPpk: r.status === 'planned' && holds(actor, 'pa_kpa', r.agency_id),
      prepare:
        (r.status === 'assigned' || r.status === 'ready') &&
        r.ppk_account_id === me &&
        holds(actor, 'ppk', r.agency_id),
      buy: r.status === 'ready' && r.pp_account_id === me && holds(actor, 'pejabat_pengadaan', r.agency_id),
      decideExceptions: holds(actor, 'pa_kpa', r.agency_id),
    },
  };
}

export async function listPackages(
  q: Queryable,
  actor: Actor,
  filter: { status?: string; mine?: boolean; limit: number },
) {
  if (actor.kind !== 'account') return { items: [] };
  const scope = agencyScope(actor, procurementPolicy.readsAgencyOrders, 'p.agency_id', 5);
  const rows = await q.query<PackageDbRow>(
    `select ${PACKAGE_COLUMNS} from procurement_package p join agency a on a.id = p.agency_id
       left join agency_unit un on un.id = p.unit_id
      where ${scope.sql} and ($1::text is null or p.status = $1)
        and (not $2 or $3::bigint in (p.pa_account_id, p.ppk_account_id, p.pp_account_id) or p.status = 'planned')
      order by case p.status when 'ready' then 0 when 'assigned' then 1 when 'planned' then 2 else 3 end, p.id desc
      limit $4`,
    [filter.status ?? null, filter.mine ?? false, actor.accountId, filter.limit, ...scope.params],
  );
  return { items: rows.map((r) => summary(r, actor)) };
}

export async function getPackage(q: Queryable, actor: Actor, packageId: number) {
  if (actor.kind !== 'account') throw packageNotFound();
  const scope = agencyScope(actor, procurementPolicy.readsAgencyOrders, 'p.agency_id', 2);
  const [r] = await q.query<PackageDbRow>(
    `select ${PACKAGE_COLUMNS} from procurement_package p join agency a on a.id = p.agency_id
       left join agency_unit un on un.id = p.unit_id
      where p.id = $1 and ${scope.sql}`,
    [packageId, ...scope.params],
  );
  if (!r) throw packageNotFound();
  const s = summary(r, actor);
  const documents = await q.query<{ id: number; kind: string; file_name: string; mime: string; uploaded_at: Date }>(
    'select id, kind, file_name, mime, uploaded_at from package_document where package_id = $1 order by id',
    [r.id],
  );
  const orders = await q.query<{
    id: number;
    group_id: number;
    seller: string;
    umkm_id: number;
    status: OrderState;
    total: number;
    counts_umk: boolean;
    placed_at: Date;
  }>(
    `select o.id, o.group_id, u.name as seller, o.umkm_id, o.status, o.total, o.counts_umk, o.placed_at
       from eorder o join umkm u on u.id = o.umkm_id where o.package_id = $1 order by o.id desc`,
    [r.id],
  );
  const exceptions = await listExceptionsOf(q, r.id);
  const date = localDate(new Date());
  const mandate = await rulesInForce(q, 'mandate', date);
  const officials = async (role: string) =>
    (
      await q.query<{ account_id: number; name: string }>(
        'select account_id, name from agency_official where agency_id = $1 and role = $2 order by name',
        [r.agency_id, role],
      )
    ).map((o) => ({ accountId: o.account_id, name: o.name }));
  let cart = null;
  if (s.can.buy) {
    const rules = { mandate, tax: await rulesInForce(q, 'tax', date), advance: await rulesInForce(q, 'advance', date) };
    const approved = new Set(exceptions.filter((e) => e.status === 'approved').map((e) => e.ruleCode));
    const groups = (await cartBySeller(q, r.id)).map((g) => {
      const j = judgeGroup(g, r, rules, date);
      return {
        umkmId: g.umkmId,
        name: g.name,
        kind: g.kind,
        size: g.size,
        countsUmk: g.countsUmk,
        lines: g.lines,
        subtotal: g.subtotal,
        money: j.money,
        brokenRules: j.broken.map((b) => ({ code: b.code, title: b.title, excepted: approved.has(b.code) })),
      };
    });
    cart = { date, groups, total: groups.reduce((t, g) => t + g.subtotal, 0) };
  }
  return {
    ...s,
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      fileName: d.file_name,
      mime: d.mime,
      uploadedAt: d.uploaded_at.toISOString(),
      url: `/api/procurement/buying/documents/${d.id}`,
    })),
    orders: orders.map((o) => ({
      id: o.id,
      groupId: o.group_id,
      seller: { id: o.umkm_id, name: o.seller },
      status: o.status,
      statusLabel: ORDER_STATE_LABELS[o.status],
      total: o.total,
      countsUmk: o.counts_umk,
      placedAt: o.placed_at.toISOString(),
    })),
    exceptions,
    mandateRules: mandate.map((m) => ({ code: m.code, effectiveFrom: m.effectiveFrom, title: m.title })),
    candidates: {
      ppk: s.can.assignPpk ? await officials('ppk') : [],
      pp: s.can.prepare ? await officials('pejabat_pengadaan') : [],
    },
    cart,
  };
}

export interface ExceptionItem {
  id: number;
  packageId: number;
  packageName: string;
  agency: { id: number; name: string };
  ruleCode: string;
  ruleTitle: { id: string; en: string };
  justification: string;
  status: 'requested' | 'approved' | 'rejected';
  requestedAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
}

const EXCEPTION_SELECT = `select e.id, e.package_id, p.name as package_name, p.agency_id, a.name as agency_name, e.rule_code,
    r.title_id, r.title_en, e.justification, e.status, e.requested_at, e.decided_at, e.decision_note
  from mandate_exception e join procurement_package p on p.id = e.package_id join agency a on a.id = p.agency_id
  join procurement_rule r on r.code = e.rule_code and r.effective_from = e.rule_effective_from`;

interface ExceptionDbRow {
  id: number;
  package_id: number;
  package_name: string;
  agency_id: number;
  agency_name: string;
  rule_code: string;
  title_id: string;
  title_en: string;
  justification: string;
  status: ExceptionItem['status'];
  requested_at: Date;
  decided_at: Date | null;
  decision_note: string | null;
}

export const exceptionItem = (e: ExceptionDbRow): ExceptionItem => ({
  id: e.id,
  packageId: e.package_id,
  packageName: e.package_name,
  agency: { id: e.agency_id, name: e.agency_name },
  ruleCode: e.rule_code,
  ruleTitle: { id: e.title_id, en: e.title_en },
  justification: e.justification,
  status: e.status,
  requestedAt: e.requested_at.toISOString(),
  decidedAt: e.decided_at?.toISOString() ?? null,
  decisionNote: e.decision_note,
});

async function listExceptionsOf(q: Queryable, packageId: number) {
  const rows = await q.query<ExceptionDbRow>(`${EXCEPTION_SELECT} where e.package_id = $1 order by e.id desc`, [
    packageId,
  ]);
  return rows.map(exceptionItem);
}

/** The exceptions report: the agencies in the reader's scope (province roles: all), filtered, newest first. */
export async function listExceptions(
  q: Queryable,
  actor: Actor,
  f: { status?: string; agencyId?: number; ruleCode?: string; limit: number },
) {
  if (actor.kind !== 'account') return { items: [] };
  const scope = agencyScope(actor, procurementPolicy.readsExceptions, 'p.agency_id', 5);
  const rows = await q.query<ExceptionDbRow>(
    `${EXCEPTION_SELECT}
      where ${scope.sql} and ($1::text is null or e.status = $1) and ($2::integer is null or p.agency_id = $2)
        and ($3::text is null or e.rule_code = $3)
      order by (e.status = 'requested') desc, e.id desc limit $4`,
    [f.status ?? null, f.agencyId ?? null, f.ruleCode ?? null, f.limit, ...scope.params],
  );
  return {
    items: rows.map((e) => ({
      ...exceptionItem(e),
      canDecide: e.status === 'requested' && holdsPaKpa(actor, e.agency_id),
    })),
  };
}

const holdsPaKpa = (actor: AccountActor, agencyId: number) => holds(actor, 'pa_kpa', agencyId);
