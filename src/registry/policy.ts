import { type Actor, hasRole, scopesOf } from '../platform/auth/actor.ts';
import { abilitiesIn, allows, type Policy } from '../platform/auth/rules.ts';
import { ALL, anyOf, inDistricts, type ScopeSql, scopeParams } from '../platform/db/scope.ts';

/**
 * Who may do what in the register: one line per rule (routes declare them as their access; the web app receives
 * them as abilities `registry.<rule>`). Scope is folded into SQL through `memberScope`, so a member outside the
 * caller's scope is simply not found.
 */
export const registryPolicy = {
  /** Province-wide readers of the register. */
  readsAll: ['platform_admin', 'auditor', 'bppbj_analyst'],
  /** The register's list and member pages, each reader within memberScope. A kurator is not one of them: it
   * reads what its calls' submissions need, through curation. */
  readsMembers: [
    'platform_admin',
    'auditor',
    'bppbj_analyst',
    'pendamping',
    'kasatpel',
    'pengampu_officer',
    'umkm_owner',
  ],
  /** NIK in clear: the admin and the kecamatan desk that checks the KTP (and the owner their own). Every view is audited. */
  seesNik: ['platform_admin', 'pendamping', 'kasatpel'],
  /** Who may open the NIK route at all: those who see NIKs, and an owner (for their own only). */
  revealsNik: ['platform_admin', 'pendamping', 'kasatpel', 'umkm_owner'],
  /** Correcting a record: the owner's right to correct, or the desk (and the admin) on their behalf. */
  corrects: ['platform_admin', 'pendamping', 'kasatpel', 'umkm_owner'],
  registersAtDesk: ['pendamping'],
  recordsJourney: ['platform_admin', 'pendamping', 'kasatpel', 'pengampu_officer'],
  managesPermits: ['platform_admin', 'pendamping', 'umkm_owner'],
  imports: ['platform_admin'],
  exports: ['platform_admin', 'pengampu_officer', 'pendamping', 'kasatpel', 'auditor'],
  handlesDataRequests: ['platform_admin'],
  /** An owner's own data (UU 27/2022): download it, ask for its deletion. */
  ownsData: ['umkm_owner'],
  /** 7P funnels and the pengampu overlap (aggregate counts, no names): the slice is checked by funnelAllowed. */
  seesFunnels: ['platform_admin', 'auditor', 'bppbj_analyst', 'pengampu_officer', 'pendamping', 'kasatpel'],
  /** Permits expiring soon: the owner for their business, the kecamatan desk as its queue (within memberScope). */
  watchesPermitExpiry: ['platform_admin', 'pendamping', 'kasatpel', 'umkm_owner'],
} as const satisfies Policy;

/** The kecamatan a desk registration may be made in: those of the caller's pendamping grants. */
export const deskDistricts = (a: Actor): string[] => scopesOf(a, 'pendamping');

/**
 * Which funnel slice an actor may see: province roles any; a pengampu officer the members its agency fosters
 * (in any region); a kecamatan role (pendamping, kasatpel) its own kecamatan or a kelurahan in it.
 */
export function funnelAllowed(a: Actor, slice: { agencyId: number | null; district: string | null }): boolean {
  if (allows(a, registryPolicy.readsAll)) return true;
  if (slice.agencyId !== null && scopesOf(a, 'pengampu_officer').map(Number).includes(slice.agencyId)) return true;
  return slice.district !== null && [...scopesOf(a, 'pendamping'), ...scopesOf(a, 'kasatpel')].includes(slice.district);
}

/** The overlap matrix (counts only): province roles and pengampu officers province-wide, a kecamatan role its own. */
export function overlapAllowed(a: Actor, district: string | null): boolean {
  if (allows(a, registryPolicy.readsAll) || hasRole(a, 'pengampu_officer')) return true;
  return district !== null && [...scopesOf(a, 'pendamping'), ...scopesOf(a, 'kasatpel')].includes(district);
}

/**
 * The members an actor may read, as a SQL condition on `umkm` aliased `u`. Parameters are numbered from
 * `first`. Province-wide roles see all; a kecamatan role its kecamatan; a pengampu officer the members its
 * agency fosters; an owner their own business; everyone else — a kurator included — nothing.
 */
export function memberScope(actor: Actor, first = 1, alias = 'u'): ScopeSql {
  if (allows(actor, registryPolicy.readsAll)) return ALL;
  return scopeOf(actor, ['district', 'agency', 'owner'], first, alias);
}

/** The parts of a scope by role: the kecamatan desk's kecamatan, the pengampu officer's agency, the owner's own. */
export type ScopePart = 'district' | 'agency' | 'owner';

/**
 * The `parts` of the scope the actor holds, or'ed into one SQL condition on `umkm` aliased `alias` (parameters
 * numbered from `first`); 'false' when it holds none of them. Each policy picks the parts its rule names.
 */
export function scopeOf(actor: Actor, parts: readonly ScopePart[], first = 1, alias = 'u'): ScopeSql {
  const conditions: string[] = [];
  const { p, params } = scopeParams(first);
  const districts = [...scopesOf(actor, 'pendamping'), ...scopesOf(actor, 'kasatpel')];
  if (parts.includes('district') && districts.length) conditions.push(inDistricts(alias, p(districts)));
  const agencies = scopesOf(actor, 'pengampu_officer').map(Number);
  if (parts.includes('agency') && agencies.length)
    conditions.push(
      `exists (select 1 from fostering_link f where f.umkm_id = ${alias}.id and f.agency_id = any(${p(agencies)}::int[]))`,
    );
  if (parts.includes('owner') && actor.kind === 'account' && actor.ownerId !== null && hasRole(actor, 'umkm_owner'))
    conditions.push(`${alias}.owner_id = ${p(actor.ownerId)}`);
  return anyOf(conditions, params);
}

/** `3171********0001`: the first four digits (province and kota) and the last four; the rest hidden. */
export function maskNik(nikRegion: string, last4: string): string {
  return `${nikRegion.slice(0, 4)}********${last4}`;
}

/** The registry's abilities for the web app. */
export const registryAbilities = (a: Actor) => abilitiesIn('registry', registryPolicy, a);
