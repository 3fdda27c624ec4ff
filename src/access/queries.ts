import type { Queryable } from '../platform/db/types.ts';
import type { LoginId } from './login-id.ts';

export interface AccountRow {
  id: number;
  display_name: string;
  email: string | null;
  password_hash: string | null;
  totp_secret_enc: Buffer | null;
  totp_enabled: boolean;
  totp_last_step: number;
  owner_id: number | null;
  status: string;
}

const COLUMNS =
  'id, display_name, email, password_hash, totp_secret_enc, totp_enabled, totp_last_step, owner_id, status';

export async function findAccountByLogin(db: Queryable, login: LoginId): Promise<AccountRow | undefined> {
  const rows =
    login.kind === 'email'
      ? await db.query<AccountRow>(`select ${COLUMNS} from account where email = $1`, [login.email])
      : await db.query<AccountRow>(`select ${COLUMNS} from account where phone_hash = $1`, [login.hash]);
  return rows[0];
}

export async function findAccount(db: Queryable, id: number): Promise<AccountRow | undefined> {
  const [row] = await db.query<AccountRow>(`select ${COLUMNS} from account where id = $1`, [id]);
  return row;
}

export async function roleNamesOf(db: Queryable, accountId: number): Promise<string[]> {
  const rows = await db.query<{ role: string }>('select role from role_grant where account_id = $1 order by id', [
    accountId,
  ]);
  return rows.map((r) => r.role);
}

/**
 * Whether a phone number (its look-up hash) belongs to an account other than `exceptAccountId`, or to any account
 * that already has an owner behind it.
 */
export async function phoneTaken(db: Queryable, phoneHash: Buffer, exceptAccountId: number | null): Promise<boolean> {
  const rows = await db.query(
    'select 1 from account where phone_hash = $1 and (owner_id is not null or $2::bigint is null or id <> $2) limit 1',
    [phoneHash, exceptAccountId],
  );
  return rows.length > 0;
}
