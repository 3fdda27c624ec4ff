// Who may do what in Jumat Beli Lokal: one line per rule (routes declare them as their access; the web app receives
// them as abilities `jbl.<rule>`). Editions are province-wide: there is no scope to fold in, only visibility (a
// planned edition is the Dinas's draft; the public sees an edition once it opens, or that it was skipped). ASN
// participation is read within the caller's agencies, a payout statement within the caller's own businesses.
import { type Actor, hasRole } from '../platform/auth/actor.ts';
import { abilitiesIn, type Policy } from '../platform/auth/rules.ts';
import { ALL, type ScopeSql } from '../platform/db/scope.ts';
import { sellerScope } from '../platform/db/scope.ts';
import { agencyScope } from '../procurement/policy.ts';

export const jblPolicy = {
  /** Plans a year's editions, decides holiday Fridays, opens and closes editions (the Dinas PPKUKM). */
  managesEditions: ['platform_admin'],
  /** Sees editions still planned (not yet published by opening). */
  seesPlannedEditions: ['platform_admin', 'auditor'],
  /** The seller: confirms QRIS payments of their own orders, hands them over (scope: own businesses). */
  sells: ['umkm_owner'],
  /**
   * Builds an edition's line-up and adjusts it (adds a city pick, takes an item out). The host kota's office does this
   * in the programme, but there is no kota-scoped role yet: until there is, the Dinas (platform_admin) does it for all.
   */
  managesLineup: ['platform_admin'],
  /** Reads the admin view of a line-up: every item with why it was chosen, removed ones too. */
  seesLineup: ['platform_admin', 'auditor'],
  /** Edition reports by kota, kecamatan, category and seller, with their XLSX (the province trend is public). */
  readsReports: ['platform_admin', 'auditor'],
  /** ASN participation: an agency's officials and ASN their own agency; the Dinas, the bureau, the auditor all. */
  readsParticipation: [
    'pa_kpa',
    'ppk',
    'pejabat_pengadaan',
    'bendahara',
    'asn_buyer',
    'platform_admin',
    'bppbj_analyst',
    'auditor',
  ],
  /** A seller's payout statement: the seller their own businesses, the Dinas every seller. */
  readsPayouts: ['umkm_owner', 'platform_admin'],
} as const satisfies Policy;

/** Jumat Beli Lokal's abilities for the web app. */
export const jblAbilities = (a: Actor) => abilitiesIn('jbl', jblPolicy, a);

/** The agencies whose participation the actor reads: `column` is an agency id column; parameters from `first`. */
export const participationScope = (actor: Actor, column: string, first: number): ScopeSql =>
  agencyScope(actor, jblPolicy.readsParticipation, column, first);

/** The sellers whose payout statement the actor reads: `column` is an umkm id column. */
export const payoutScope = (actor: Actor, column: string, first: number): ScopeSql =>
  actor.kind === 'account' && hasRole(actor, 'platform_admin') ? ALL : sellerScope(actor, column, first);
