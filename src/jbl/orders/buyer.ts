// Who buys: a guest (name and mobile number, the number kept encrypted under UU 27/2022), an ASN signed in (counted
// for the agency their asn_buyer role is scoped to), or anyone else signed in (a public buyer).
import type { Actor } from '../../platform/auth/actor.ts';
import { scopesOf } from '../../platform/auth/actor.ts';
import { fieldError, validationFailed } from '../../platform/http/problem.ts';
import { personalDataKeys } from '../../platform/personal-data.ts';
import { normalizePhone } from '../../registry/identifiers.ts';
import type { CheckoutInput } from './schema.ts';

export type Buyer =
  | { kind: 'guest'; name: string; phone: { enc: Buffer; hash: Buffer } }
  | { kind: 'asn'; accountId: number; name: string; agencyId: number }
  | { kind: 'public'; accountId: number; name: string };

export function buyerOf(actor: Actor, input: CheckoutInput): Buyer {
  if (actor.kind === 'account') {
    const agency = scopesOf(actor, 'asn_buyer')[0];
    const name = input.buyer?.name ?? actor.displayName;
    return agency
      ? { kind: 'asn', accountId: actor.accountId, name, agencyId: Number(agency) }
      : { kind: 'public', accountId: actor.accountId, name };
  }
  if (!input.buyer)
    throw validationFailed([
      fieldError('body.buyer', 'required', 'Isi nama dan nomor HP Anda.', 'Enter your name and mobile number.'),
    ]);
  const p = normalizePhone(input.buyer.phone, { field: 'body.buyer.phone', mobileOnly: true });
  if (!p.ok)
    throw validationFailed([
      fieldError(
        'body.buyer.phone',
        'invalid_phone',
        'Nomor HP tidak valid (contoh 0812…).',
        'Invalid mobile number (e.g. 0812…).',
      ),
    ]);
  const keys = personalDataKeys();
  return {
    kind: 'guest',
    name: input.buyer.name,
    phone: { enc: keys.encrypt(p.value.e164), hash: keys.hash(p.value.e164) },
  };
}
