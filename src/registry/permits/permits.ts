import { type Actor, auditActor } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit.ts';
import type { Db, Queryable } from '../../platform/db/types.ts';
import { AppError, notFound, validationFailed } from '../../platform/http/problem.ts';
import { formatDate, localDate } from '../../platform/time.ts';
import { kuratorReach } from '../../curation/policy.ts';
import { memberScope } from '../policy.ts';
import { removeDocument, type Sniffed, storeDocument } from '../../platform/files.ts';

export const PERMIT_KINDS = ['nib', 'pirt', 'halal', 'haki', 'bpom', 'other'] as const;
export type PermitKind = (typeof PERMIT_KINDS)[number];
export const KIND_LABELS: Record<PermitKind, { id: string; en: string }> = {
  nib: { id: 'NIB (Nomor Induk Berusaha)', en: 'NIB (business identification number)' },
  pirt: { id: 'P-IRT (izin pangan industri rumah tangga)', en: 'P-IRT (home food industry permit)' },
  halal: { id: 'Sertifikat halal', en: 'Halal certificate' },
  haki: { id: 'HAKI (merek / hak cipta)', en: 'Intellectual property (trademark / copyright)' },
  bpom: { id: 'Izin edar BPOM', en: 'BPOM distribution permit' },
  other: { id: 'Izin lainnya', en: 'Other permit' },
};
/** How many days before expiry a permit is flagged. */
export const WARN_DAYS = 30;

/** KBLI 2020 sections for food and drink: 10 (food), 11 (beverages), 56 (food service). Halal is required for them. */
export const isFoodKbli = (kbli: string) => /^(10|11|56)/.test(kbli);

interface PermitRow {
  id: number;
  umkm_id: number;
  kind: PermitKind;
  number: string;
  issued_on: string | null;
  expires_on: string | null;
  document_mime: string | null;
  document_bytes: number | null;
  created_at: Date;
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export function presentPermit(p: PermitRow, today = localDate(new Date())) {
  const daysLeft = p.expires_on ? daysBetween(today, p.expires_on) : null;
  const status =
    daysLeft === null ? 'no_expiry' : daysLeft < 0 ? 'expired' : daysLeft <= WARN_DAYS ? 'expiring' : 'valid';
  return {
    id: p.id,
    umkmId: p.umkm_id,
    kind: p.kind,
    kindLabel: KIND_LABELS[p.kind],
    number: p.number,
    issuedOn: p.issued_on,
    expiresOn: p.expires_on,
    expiresOnText: p.expires_on ? { id: formatDate(p.expires_on, 'id'), en: formatDate(p.expires_on, 'en') } : null,
    status: status as 'no_expiry' | 'expired' | 'expiring' | 'valid',
    daysLeft,
    document: p.document_mime
      ? { mime: p.document_mime, bytes: p.document_bytes ?? 0, url: `/api/registry/permits/${p.id}/document` }
      : null,
  };
}

const COLUMNS =
  'p.id, p.umkm_id, p.kind, p.number, p.issued_on, p.expires_on, p.document_mime, p.document_bytes, p.created_at';
const memberNotFound = () => notFound({ id: 'UMKM tidak ditemukan.', en: 'Member not found.' });

/**
 * Whether a business holds a halal certificate that is valid today in Jakarta (WIB): one without an end date
 * (UU 6/2023 allows that) or ending today or later. The one definition: the permits page's "missing" list and the
 * catalogue's publish rule for food and drink (src/catalog/products) both ask here.
 */
/** A permit's document, stored under `permits/<umkmId>/` (the path relative to the upload directory). */
export const storePermitDocument = (umkmId: number, buf: Uint8Array, type: Sniffed) =>
  storeDocument(`permits/${umkmId}`, buf, type);

export async function hasValidHalalPermit(
  q: Queryable,
  umkmId: number,
  today = localDate(new Date()),
): Promise<boolean> {
  const rows = await q.query(
    `select 1 from permit where umkm_id = $1 and kind = 'halal' and (expires_on is null or expires_on >= $2::date) limit 1`,
    [umkmId, today],
  );
  return rows.length > 0;
}

/**
 * A member's permits and what is missing (halal for a food business), within the caller's scope. A kurator whose
 * call has a submission of the business sees its halal certificates only: what the rubric needs, nothing else.
 */
export async function listPermits(db: Queryable, actor: Actor, umkmId: number) {
  const scope = memberScope(actor, 2);
  const reach = kuratorReach(actor, 2 + scope.params.length, { umkm: 'u' });
  const [m] = await db.query<{ id: number; name: string; kbli_code: string; whole: boolean }>(
    `select u.id, u.name, u.kbli_code, ${scope.sql} as whole from umkm u where u.id = $1 and (${scope.sql} or ${reach.sql})`,
    [umkmId, ...scope.params, ...reach.params],
  );
  if (!m) throw memberNotFound();
  const today = localDate(new Date());
  const permits = (
    await db.query<PermitRow>(
      `select ${COLUMNS} from permit p where p.umkm_id = $1 and ($2::boolean or p.kind = 'halal') order by p.kind, p.expires_on nulls first, p.id`,
      [umkmId, m.whole],
    )
  ).map((p) => presentPermit(p, today));
  const missing: { kind: PermitKind; reason: { id: string; en: string } }[] = [];
  if (isFoodKbli(m.kbli_code) && !(await hasValidHalalPermit(db, m.id, today)))
    missing.push({
      kind: 'halal',
      reason: {
        id: 'Wajib bagi usaha makanan dan minuman sejak 17 Okt 2024.',
        en: 'Required for food and drink businesses since 17 Oct 2024.',
      },
    });
  return { umkmId: m.id, name: m.name, permits, missing };
}

export interface NewPermit {
  kind: PermitKind;
  number: string;
  issuedOn: string | null;
  expiresOn: string | null;
  document: { buf: Uint8Array; type: Sniffed } | null;
}

const invalid = validationFailed;

/** Records a permit (with its document, already type- and size-checked). Audited; the file is removed if the insert fails. */
export async function addPermit(db: Db, actor: Actor, role: string, requestId: string, umkmId: number, p: NewPermit) {
  if (actor.kind !== 'account') throw new Error('addPermit needs an account');
  if (p.issuedOn && p.expiresOn && p.expiresOn < p.issuedOn)
    throw invalid([
      {
        field: 'body.expiresOn',
        code: 'before_issue',
        message: { id: 'Tanggal berakhir sebelum tanggal terbit.', en: 'Expiry date is before the issue date.' },
      },
    ]);
  const scope = memberScope(actor, 2);
  const [m] = await db.query<{ id: number }>(`select u.id from umkm u where u.id = $1 and ${scope.sql}`, [
    umkmId,
    ...scope.params,
  ]);
  if (!m) throw memberNotFound();
  const rel = p.document ? await storePermitDocument(umkmId, p.document.buf, p.document.type) : null;
  try {
    return await db.transaction(async (tx) => {
      const [dup] = await tx.query('select 1 from permit where umkm_id = $1 and kind = $2 and number = $3', [
        umkmId,
        p.kind,
        p.number,
      ]);
      if (dup)
        throw new AppError(
          409,
          'permit_exists',
          { id: 'Izin dengan nomor ini sudah tercatat.', en: 'A permit with this number is already recorded.' },
          [
            {
              field: 'body.number',
              code: 'duplicate',
              message: { id: 'Nomor sudah tercatat.', en: 'Number already recorded.' },
            },
          ],
        );
      const [row] = await tx.query<PermitRow>(
        `insert into permit as p (umkm_id, kind, number, issued_on, expires_on, document_path, document_mime, document_bytes, created_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning ${COLUMNS}`,
        [
          umkmId,
          p.kind,
          p.number,
          p.issuedOn,
          p.expiresOn,
          rel,
          p.document?.type.mime ?? null,
          p.document?.buf.length ?? null,
          actor.accountId,
        ],
      );
      const out = presentPermit(row!);
      await audit(tx, auditActor(actor, role as never, requestId), {
        action: 'permit.create',
        entityType: 'permit',
        entityId: row!.id,
        umkmId,
        after: {
          kind: p.kind,
          number: p.number,
          issuedOn: p.issuedOn,
          expiresOn: p.expiresOn,
          document: p.document ? { mime: p.document.type.mime, bytes: p.document.buf.length } : null,
        },
      });
      return out;
    });
  } catch (e) {
    if (rel) await removeDocument(rel);
    throw e;
  }
}

/** A stored document, when the permit's member is in the caller's scope (for a kurator: a halal certificate, as above). */
export async function permitDocument(db: Queryable, actor: Actor, permitId: number) {
  const scope = memberScope(actor, 2);
  const reach = kuratorReach(actor, 2 + scope.params.length, { umkm: 'u' });
  const [p] = await db.query<{
    id: number;
    umkm_id: number;
    kind: string;
    document_path: string | null;
    document_mime: string | null;
  }>(
    `select p.id, p.umkm_id, p.kind, p.document_path, p.document_mime from permit p join umkm u on u.id = p.umkm_id
      where p.id = $1 and (${scope.sql} or (p.kind = 'halal' and ${reach.sql}))`,
    [permitId, ...scope.params, ...reach.params],
  );
  if (!p?.document_path || !p.document_mime)
    throw notFound({ id: 'Dokumen tidak ditemukan.', en: 'Document not found.' });
  return p as typeof p & { document_path: string; document_mime: string };
}

/**
 * Permits that expire within `days` (default 30) or already have, of the members in the caller's scope: the
 * owner's own warnings and the pendamping's queue for the kecamatan. Soonest first.
 */
export async function expiringPermits(db: Queryable, actor: Actor, days = WARN_DAYS, includeExpired = true) {
  const today = localDate(new Date());
  const scope = memberScope(actor, 4);
  const where = `p.expires_on is not null and p.expires_on <= $1::date + $2::int and ($3::boolean or p.expires_on >= $1::date) and ${scope.sql}`;
  const params = [today, days, includeExpired, ...scope.params];
  const rows = await db.query<PermitRow & { umkm_name: string; village: string }>(
    `select ${COLUMNS}, u.name as umkm_name, v.name as village from permit p join umkm u on u.id = p.umkm_id join region v on v.code = u.village_code
      where ${where} order by p.expires_on, p.id limit 200`,
    params,
  );
  const [c] = await db.query<{ expiring: number; expired: number }>(
    `select count(*) filter (where p.expires_on >= $1::date)::int8 as expiring, count(*) filter (where p.expires_on < $1::date)::int8 as expired
       from permit p join umkm u on u.id = p.umkm_id where ${where}`,
    params,
  );
  return {
    today,
    days,
    counts: { expiring: c?.expiring ?? 0, expired: c?.expired ?? 0 },
    items: rows.map((r) => ({ ...presentPermit(r, today), umkmName: r.umkm_name, village: r.village })),
  };
}
