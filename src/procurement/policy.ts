// Who may do what in procurement (e-Order): one line per rule. Routes declare them as their access; the web app
// receives them as abilities `procurement.<rule>`. Scope is folded into SQL: an official acts only on the rows of
// the agencies it holds the role for (`agencyScope`), a seller only on its own businesses' orders (`sellerScope`);
// a row outside the scope is not found (404).
import { type Actor, hasRole, scopesOf } from '../platform/auth/actor.ts';
import type { Role } from '../platform/auth/roles.ts';
import { abilitiesIn, type Policy } from '../platform/auth/rules.ts';
import { ALL, anyOf, NONE, type ScopeSql, scopeParams } from '../platform/db/scope.ts';

export const procurementPolicy = {
  /** Agencies, units, officials, budgets: the procurement bureau and the Dinas admin. */
  managesAgencies: ['platform_admin', 'bppbj_analyst'],
  /** Enters or imports an agency's plan (RUP) and its spending outside the platform. */
  managesPlans: ['pa_kpa', 'ppk', 'bppbj_analyst'],
  reportsOutsideSpending: ['pa_kpa', 'bendahara', 'bppbj_analyst'],
  /** Reads the spending outside the platform: those who report it and those who read the share. */
  readsOutsideSpending: ['pa_kpa', 'bendahara', 'bppbj_analyst', 'ppk', 'auditor', 'platform_admin'],
  /** PA/KPA: assigns a package to a PPK; approves mandate exceptions and autodebits. */
  assignsPpk: ['pa_kpa'],
  approvesExceptions: ['pa_kpa'],
  approvesAutodebit: ['pa_kpa'],
  /** PPK: assigns the Pejabat Pengadaan, uploads documents, signs the BAST, closes orders. */
  preparesPackage: ['ppk'],
  signsBast: ['ppk'],
  closesOrders: ['ppk'],
  /** Pejabat Pengadaan: cart, delivery address, places orders, asks for a mandate exception. */
  placesOrders: ['pejabat_pengadaan'],
  /** Bendahara: records transfers, requests autodebits. */
  paysOrders: ['bendahara'],
  /** Reads an agency's packages and orders: its officials, the bureau, the auditor. */
  readsAgencyOrders: ['pa_kpa', 'ppk', 'pejabat_pengadaan', 'bendahara', 'bppbj_analyst', 'auditor', 'platform_admin'],
  /** The seller: inbox, accept/decline, delivery, income statement. */
  sells: ['umkm_owner'],
  /** The UMK share and payment performance with drill-down to orders. */
  readsShare: ['pa_kpa', 'ppk', 'bendahara', 'bppbj_analyst', 'auditor', 'platform_admin'],
  /** Unpaid bills by age and the overdue list: the Bendahara and its head (PA/KPA), the bureau, the auditor. */
  readsAgeing: ['pa_kpa', 'bendahara', 'bppbj_analyst', 'auditor', 'platform_admin'],
  /** Mandate exceptions report. */
  readsExceptions: ['pa_kpa', 'bppbj_analyst', 'auditor', 'platform_admin'],
} as const satisfies Policy;

export const procurementAbilities = (a: Actor) => abilitiesIn('procurement', procurementPolicy, a);

/** Roles that see every agency (province scope). */
const PROVINCE: readonly Role[] = ['platform_admin', 'bppbj_analyst', 'auditor'];

/** The agency ids an actor holds any of `roles` for (scope 'agency'). */
export function agenciesOf(actor: Actor, roles: readonly Role[]): number[] {
  return [...new Set(roles.flatMap((r) => scopesOf(actor, r)).map(Number))].filter(Number.isInteger);
}

/**
 * The rows of agencies an actor may act on under a rule: `column` is the agency id column (e.g. `o.agency_id`);
 * province roles reach every agency. Parameters are numbered from `first`.
 */
export function agencyScope(actor: Actor, rule: readonly Role[], column: string, first: number): ScopeSql {
  if (actor.kind !== 'account') return NONE;
  if (rule.some((r) => PROVINCE.includes(r) && hasRole(actor, r))) return ALL;
  const ids = agenciesOf(
    actor,
    rule.filter((r) => !PROVINCE.includes(r)),
  );
  const { p, params } = scopeParams(first);
  return anyOf(ids.length ? [`${column} = any(${p(ids)}::integer[])`] : [], params);
}

/** A seller's own businesses: shared by every channel that sells (platform/db/scope.ts). */
export { sellerScope } from '../platform/db/scope.ts';
