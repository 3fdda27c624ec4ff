import type { AccountActor } from '../platform/auth/actor.ts';
import { auditActor } from '../platform/auth/actor.ts';
import { actingRoleFor, allows } from '../platform/auth/rules.ts';
import { audit } from '../platform/audit.ts';
import type { Tx } from '../platform/db/types.ts';
import { notFound } from '../platform/http/problem.ts';
import { personalDataKeys } from '../platform/personal-data.ts';
import { memberScope, registryPolicy } from './policy.ts';

/**
 * An owner's NIK in clear: for the owner of the business, and for the roles that check KTPs (registryPolicy.seesNik)
 * within their scope. Outside it, or without a NIK on record, the member is not found. Every view is audited, in
 * the role it was seen in.
 */
export async function revealNik(tx: Tx, actor: AccountActor, requestId: string, umkmId: number): Promise<string> {
  const scope = memberScope(actor, 2);
  const [row] = await tx.query<{ nik_enc: Buffer | null; owner_id: number }>(
    `select o.nik_enc, o.id as owner_id from umkm u join owner o on o.id = u.owner_id where u.id = $1 and ${scope.sql}`,
    [umkmId, ...scope.params],
  );
  const own = row !== undefined && row.owner_id === actor.ownerId;
  if (!row?.nik_enc || (!own && !allows(actor, registryPolicy.seesNik)))
    throw notFound({ id: 'UMKM tidak ditemukan.', en: 'No such UMKM.' });
  const role = own ? 'umkm_owner' : actingRoleFor(actor, registryPolicy.seesNik);
  await audit(tx, auditActor(actor, role, requestId), {
    action: 'privacy.nik_view',
    entityType: 'umkm',
    entityId: umkmId,
    umkmId,
  });
  return personalDataKeys().decrypt(row.nik_enc);
}
