// Certificates (sertifikat kurasi): issued when a product passes, checked by anyone holding the code, revocable
// by the Dinas. The PDF is drawn on request (certificate-pdf.ts).
import crypto from 'node:crypto';
import type { Actor, AuditActor } from '../platform/auth/actor.ts';
import { audit } from '../platform/audit.ts';
import type { Queryable, Tx } from '../platform/db/types.ts';
import { AppError, notFound } from '../platform/http/problem.ts';
import { formatDate, localDate } from '../platform/time.ts';
import { CHANNEL_LABELS } from './calls.ts';
import { announce } from './events.ts';
import { submissionScope } from './policy.ts';
import type { Rubric, ScoreResult } from './rubrics.ts';
import type { Channel, PublicCertificate } from './schema.ts';
import { type Acting, refreshProductCuration } from './steps.ts';
import { type SubmissionRow, submissionRow } from './submissions.ts';

// Crockford's base32 without look-alikes (no I, L, O, U): 16 characters = 80 random bits, not guessable.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export function newCertificateCode(): string {
  const bytes = crypto.randomBytes(16);
  const chars = [...bytes].map((b) => ALPHABET[b & 31]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

export async function issueCertificate(
  tx: Tx,
  s: SubmissionRow,
  rb: Rubric,
  scores: ReadonlyMap<string, number>,
  result: ScoreResult,
  at: Date,
): Promise<string> {
  const code = newCertificateCode();
  const summary = rb.criteria.map((c) => ({
    criterion: c.code,
    name_id: c.name.id,
    name_en: c.name.en,
    weight: c.weight,
    score: scores.get(c.code),
  }));
  await tx.query(
    `insert into curation_certificate (code, submission_id, call_id, product_id, umkm_id, product_name, business_name, channel, grade, percent, scores, issued_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      code,
      s.id,
      s.call_id,
      s.product_id,
      s.umkm_id,
      s.product_name,
      s.umkm_name,
      s.channel,
      result.grade,
      result.percent,
      JSON.stringify(summary),
      at,
    ],
  );
  return code;
}

export interface CertificateRow {
  code: string;
  submission_id: number;
  call_id: number;
  product_id: number;
  umkm_id: number;
  product_name: string;
  business_name: string;
  channel: Channel;
  grade: 'A' | 'B' | 'C' | null;
  percent: string;
  scores: { criterion: string; name_id: string; name_en: string; weight: number; score: number }[];
  issued_at: Date;
  revoked_at: Date | null;
  revoked_reason: string | null;
  call_title_id: string;
  call_title_en: string;
}

const CERT_SELECT = `select k.*, c.title_id as call_title_id, c.title_en as call_title_en from curation_certificate k join curation_call c on c.id = k.call_id`;
const normal = (code: string) => code.trim().toUpperCase();

async function certificateRow(db: Queryable, code: string, lock = false): Promise<CertificateRow | undefined> {
  const [row] = await db.query<CertificateRow>(`${CERT_SELECT} where k.code = $1 ${lock ? 'for update of k' : ''}`, [
    normal(code),
  ]);
  return row;
}

/** What anyone may learn from a code: valid, revoked or unknown, and the product, business, grade, channel, date. No personal data. */
export async function publicCertificate(db: Queryable, code: string): Promise<PublicCertificate> {
  const k = await certificateRow(db, code);
  if (!k)
    return {
      code: normal(code),
      status: 'unknown',
      product: null,
      business: null,
      call: null,
      channel: null,
      channelLabel: null,
      grade: null,
      issuedOn: null,
      issuedText: null,
      revokedOn: null,
    };
  const issuedOn = localDate(new Date(k.issued_at));
  return {
    code: k.code,
    status: k.revoked_at ? 'revoked' : 'valid',
    product: k.product_name,
    business: k.business_name,
    call: { id: k.call_title_id, en: k.call_title_en },
    channel: k.channel,
    channelLabel: CHANNEL_LABELS[k.channel],
    grade: k.grade,
    issuedOn,
    issuedText: { id: formatDate(issuedOn, 'id'), en: formatDate(issuedOn, 'en') },
    revokedOn: k.revoked_at ? localDate(new Date(k.revoked_at)) : null,
  };
}

/** The certificate for its PDF: the business's owner, the Dinas, and the officers who see the submission. */
export async function certificateFor(db: Queryable, actor: Actor, code: string): Promise<CertificateRow> {
  const k = await certificateRow(db, code);
  const scope = submissionScope(actor, 2);
  const visible =
    k &&
    (
      await db.query(
        `select 1 from curation_submission s join umkm u on u.id = s.umkm_id where s.id = $1 and ${scope.sql}`,
        [k.submission_id, ...scope.params],
      )
    ).length;
  if (!k || !visible) throw notFound({ id: 'Sertifikat tidak ditemukan.', en: 'Certificate not found.' });
  return k;
}

/**
 * The Dinas revokes a certificate: the product is no longer curated for that channel unless another valid
 * certificate says so, and no longer curated at all when none is left. The owner is told.
 */
export async function revokeCertificate(tx: Tx, a: Acting, code: string, reason: string) {
  const k = await certificateRow(tx, code, true);
  if (!k) throw notFound({ id: 'Sertifikat tidak ditemukan.', en: 'Certificate not found.' });
  if (k.revoked_at)
    throw new AppError(409, 'already_revoked', {
      id: 'Sertifikat sudah dicabut.',
      en: 'The certificate is already revoked.',
    });
  await tx.query(
    'update curation_certificate set revoked_at = $2, revoked_by = $3, revoked_reason = $4 where code = $1',
    [k.code, a.now, a.actor.accountId, reason],
  );
  await refreshProductCuration(tx, k.product_id);
  await audit(tx, a.who, {
    action: 'curation.certificate_revoke',
    entityType: 'curation_certificate',
    entityId: k.code,
    umkmId: k.umkm_id,
    before: { revoked: false },
    after: { revoked: true, reason },
  });
  const s = await submissionRow(tx, a.actor, k.submission_id);
  const notices = await announce(tx, s, { kind: 'certificate_revoked', code: k.code, reason });
  return { certificate: await publicCertificate(tx, k.code), notices };
}

/**
 * The owner changed what the kurator judged (name, description, category, halal label, photos): the certificates
 * vouch for a product that no longer exists as judged, so they are revoked with that reason, and a visitor who
 * scans the QR sees "revoked". The product itself returns to "not curated" (src/catalog/products).
 */
export async function revokeForChangedProduct(
  tx: Tx,
  who: AuditActor,
  productId: number,
  at = new Date(),
): Promise<string[]> {
  const reason = 'Produk diubah pemiliknya setelah dikurasi / The product was changed by its owner after curation';
  const revoked = await tx.query<{ code: string; umkm_id: number }>(
    `update curation_certificate set revoked_at = $2, revoked_reason = $3
      where product_id = $1 and revoked_at is null returning code, umkm_id`,
    [productId, at, reason],
  );
  for (const k of revoked)
    await audit(tx, who, {
      action: 'curation.certificate_revoke',
      entityType: 'curation_certificate',
      entityId: k.code,
      umkmId: k.umkm_id,
      before: { revoked: false },
      after: { revoked: true, reason },
    });
  return revoked.map((k) => k.code);
}
