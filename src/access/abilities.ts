import type { Actor } from '../platform/auth/actor.ts';
import { accessAbilities } from './policy.ts';

/** Every context's abilities for the caller, computed on the server; the web app only reads them. */
const contributors: ((a: Actor) => string[])[] = [accessAbilities];

export function abilitiesOf(actor: Actor): string[] {
  return contributors.flatMap((f) => f(actor));
}
