// Who may do what in Jumat Beli Lokal: one line per rule (routes declare them as their access; the web app receives
// them as abilities `jbl.<rule>`). Editions are province-wide: there is no scope to fold in, only visibility (a
// planned edition is the Dinas's draft; the public sees an edition once it opens, or that it was skipped).
import type { Actor } from '../platform/auth/actor.ts';
import { abilitiesIn, type Policy } from '../platform/auth/rules.ts';

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
} as const satisfies Policy;

/** Jumat Beli Lokal's abilities for the web app. */
export const jblAbilities = (a: Actor) => abilitiesIn('jbl', jblPolicy, a);
