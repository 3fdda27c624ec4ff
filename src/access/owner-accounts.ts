// What other contexts may do to accounts, through access: the register makes an account an owner's, and erases
// an owner's accounts when their personal data is deleted. No other context writes `account` or `session`.
import type { AuditActor } from '../platform/auth/actor.ts';
import { deleteAllSessions } from '../platform/auth/session.ts';
import type { Tx } from '../platform/db/types.ts';
import { grantRole } from './create-account.ts';

/** The account becomes the owner's (a self-registration): linked to the registry person, granted umkm_owner. */
export async function makeOwnerAccount(tx: Tx, who: AuditActor, accountId: number, ownerId: number): Promise<void> {
  await tx.query('update account set owner_id = $2 where id = $1', [accountId, ownerId]);
  await grantRole(tx, who, accountId, 'umkm_owner');
}

/**
 * The owner's accounts lose their person (UU 27/2022 erasure): disabled, login and contact data removed, every
 * session ended. The accounts stay, as the audit log points at them.
 */
export async function eraseOwnerAccounts(tx: Tx, ownerId: number): Promise<void> {
  const accounts = await tx.query<{ id: number }>(
    `update account set status = 'disabled', email = null, phone_enc = null, phone_hash = null, password_hash = null, display_name = '(dihapus)'
      where owner_id = $1 returning id`,
    [ownerId],
  );
  for (const a of accounts) await deleteAllSessions(tx, a.id);
}
