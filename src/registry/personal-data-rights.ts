import crypto from 'node:crypto';
import { eraseOwnerAccounts } from '../access/owner-accounts.ts';
import type { AuditActor } from '../platform/auth/actor.ts';
import { audit } from '../platform/audit.ts';
import type { Queryable, Tx } from '../platform/db/types.ts';
import { AppError } from '../platform/http/problem.ts';
import { personalDataKeys } from '../platform/personal-data.ts';
import type { DataRequestOut } from './schema.ts';
import type { z } from 'zod';

/**
 * UU 27/2022 rights of the data subject: see everything held about oneself, and ask for deletion. The export is
 * the owner's own: NIK and phone in clear, for them only.
 */
export async function exportOwnData(db: Queryable, ownerId: number) {
  const keys = personalDataKeys();
  const [o] = await db.query<{
    full_name: string;
    nik_enc: Buffer | null;
    phone_enc: Buffer | null;
    email: string | null;
    gender: string | null;
    birth_date: string | null;
    created_at: Date;
  }>(
    'select full_name, nik_enc, phone_enc, email, gender, birth_date, created_at from owner where id = $1 and erased_at is null',
    [ownerId],
  );
  if (!o) throw new AppError(404, 'not_found', { id: 'Data tidak ditemukan.', en: 'Not found.' });
  const businesses = await db.query('select * from umkm where owner_id = $1', [ownerId]);
  const ids = businesses.map((b) => (b as { id: number }).id);
  const q = (sql: string) => db.query(sql, [ids]);
  return {
    generatedAt: new Date().toISOString(),
    owner: {
      fullName: o.full_name,
      nik: o.nik_enc ? keys.decrypt(o.nik_enc) : null,
      phone: o.phone_enc ? keys.decrypt(o.phone_enc) : null,
      email: o.email,
      gender: o.gender,
      birthDate: o.birth_date,
      registeredAt: o.created_at.toISOString(),
    },
    businesses,
    fosteringLinks: await q(
      'select f.umkm_id, a.name as agency, f.since from fostering_link f join fostering_agency a on a.id = f.agency_id where f.umkm_id = any($1::bigint[])',
    ),
    journey: await q(
      'select umkm_id, stage, reached_on, evidence from journey_stage where umkm_id = any($1::bigint[]) order by umkm_id, stage',
    ),
    sizeClassHistory: await q(
      'select umkm_id, size_class, basis, changed_at from size_class_history where umkm_id = any($1::bigint[]) order by id',
    ),
    permits: await q(
      'select umkm_id, kind, number, issued_on, expires_on from permit where umkm_id = any($1::bigint[]) order by id',
    ),
    products: await q(
      'select umkm_id, name, price, unit, status from product where umkm_id = any($1::bigint[]) order by id',
    ),
    auditTrail: await q('select at, actor_label, action from audit_log where umkm_id = any($1::bigint[]) order by id'),
  };
}

export type DataRequest = z.infer<typeof DataRequestOut>;

/**
 * The personal-data requests, open ones first, newest first (at most 200), with who is asking, so the admin knows
 * whose data a decision erases (the admin may see personal data).
 */
export async function listDataRequests(db: Queryable): Promise<DataRequest[]> {
  const rows = await db.query<{
    id: number;
    owner_id: number;
    full_name: string;
    umkm_id: number | null;
    business: string | null;
    reason: string | null;
    kind: string;
    status: string;
    requested_at: Date;
  }>(
    `select r.id, r.owner_id, o.full_name, u.id as umkm_id, u.name as business, r.reason, r.kind, r.status, r.requested_at
       from personal_data_request r join owner o on o.id = r.owner_id left join umkm u on u.owner_id = r.owner_id
      order by (r.status = 'open') desc, r.id desc limit 200`,
  );
  return rows.map((r) => ({
    id: r.id,
    ownerId: r.owner_id,
    ownerName: r.full_name,
    umkmId: r.umkm_id,
    businessName: r.business,
    reason: r.reason,
    kind: r.kind,
    status: r.status,
    requestedAt: r.requested_at.toISOString(),
  }));
}

export async function requestDeletion(
  tx: Tx,
  who: AuditActor,
  ownerId: number,
  reason: string | undefined,
): Promise<number> {
  const open = await tx.query<{ id: number }>(
    `select id from personal_data_request where owner_id = $1 and status = 'open'`,
    [ownerId],
  );
  if (open[0]) return open[0].id;
  const [r] = await tx.query<{ id: number }>(
    `insert into personal_data_request (owner_id, kind, reason) values ($1, 'deletion', $2) returning id`,
    [ownerId, reason ?? null],
  );
  await audit(tx, who, { action: 'privacy.deletion_requested', entityType: 'owner', entityId: ownerId });
  return r!.id;
}

/**
 * An admin decides a deletion request. Erasing removes the person (name, NIK, phone, email, birth data, login)
 * and keeps the business record, which public-spending and tax records must be able to point at. The NIK's
 * look-up hash is replaced by a random value: the same NIK can register afresh, and nothing links it back.
 */
export async function decideDeletion(
  tx: Tx,
  who: AuditActor,
  requestId: number,
  decision: 'done' | 'rejected',
  note: string,
): Promise<void> {
  const [r] = await tx.query<{ owner_id: number; status: string }>(
    'select owner_id, status from personal_data_request where id = $1 for update',
    [requestId],
  );
  if (!r) throw new AppError(404, 'not_found', { id: 'Permintaan tidak ditemukan.', en: 'No such request.' });
  if (r.status !== 'open')
    throw new AppError(409, 'already_decided', {
      id: 'Permintaan ini sudah diputuskan.',
      en: 'This request has already been decided.',
    });
  const kept = [
    'umkm (business record: name, KBLI, kelurahan, size class) for procurement and tax records',
    'audit_log',
  ];
  if (decision === 'done') {
    await tx.query(
      `update owner set full_name = '(dihapus)', nik_enc = null, nik_hash = $2, nik_last4 = '0000', nik_region = '000000', phone_enc = null, phone_hash = null,
              email = null, gender = null, birth_date = null, erased_at = now() where id = $1`,
      [r.owner_id, crypto.randomBytes(32)],
    );
    await tx.query(`update umkm set status = 'inactive', address = '', updated_at = now() where owner_id = $1`, [
      r.owner_id,
    ]);
    await eraseOwnerAccounts(tx, r.owner_id);
  }
  await tx.query(
    'update personal_data_request set status = $2, handled_by = $3, handled_at = now(), outcome = $4 where id = $1',
    [requestId, decision, who.accountId, JSON.stringify({ note, kept: decision === 'done' ? kept : [] })],
  );
  await audit(tx, who, {
    action: `privacy.deletion_${decision}`,
    entityType: 'owner',
    entityId: r.owner_id,
    after: { requestId, note },
  });
}
