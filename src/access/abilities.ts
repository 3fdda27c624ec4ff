import { catalogAbilities } from '../catalog/products/policy.ts';
import { curationAbilities } from '../curation/policy.ts';
import { jblAbilities } from '../jbl/policy.ts';
import type { Actor } from '../platform/auth/actor.ts';
import { procurementAbilities } from '../procurement/policy.ts';
import { registryAbilities } from '../registry/policy.ts';
import { accessAbilities } from './policy.ts';

/**
 * Every context's abilities for the caller (`<context>.<rule>`), computed on the server from the same policies the
 * routes declare as their access; the web app only reads them.
 */
const contributors: ((a: Actor) => string[])[] = [
  accessAbilities,
  registryAbilities,
  catalogAbilities,
  curationAbilities,
  procurementAbilities,
  jblAbilities,
];

export function abilitiesOf(actor: Actor): string[] {
  return contributors.flatMap((f) => f(actor));
}
