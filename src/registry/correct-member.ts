import type { Actor, AuditActor } from '../platform/auth/actor.ts';
import { audit } from '../platform/audit.ts';
import type { Tx } from '../platform/db/types.ts';
import { AppError, type FieldError, validationFailed } from '../platform/http/problem.ts';
import { personalDataKeys } from '../platform/personal-data.ts';
import { normalizePhone, postalPrefixesByCity, validatePostalCode } from './identifiers.ts';
import { memberScope } from './policy.ts';
import type { MemberCorrection } from './schema.ts';
import { recomputeSizeClass } from './size-class.ts';
import type { z } from 'zod';

type Correction = z.infer<typeof MemberCorrection>;

const COLUMNS: [keyof Correction, string][] = [
  ['name', 'name'],
  ['address', 'address'],
  ['postalCode', 'postal_code'],
  ['workers', 'workers'],
  ['capital', 'capital'],
  ['annualSales', 'annual_sales'],
];

/**
 * Corrects a member's record (the owner's right to correct, or the desk on their behalf), within the actor's scope
 * (outside it the member is not found). Audited with before
 * and after; personal fields appear in the audit log only as "changed". Size class is recomputed.
 */
export async function correctMember(
  tx: Tx,
  who: AuditActor,
  actor: Actor,
  umkmId: number,
  c: Correction,
): Promise<void> {
  const scope = memberScope(actor, 2);
  const [cur] = await tx.query<Record<string, unknown> & { owner_id: number; city: string }>(
    `select u.*, d.parent_code as city from umkm u join region v on v.code = u.village_code join region d on d.code = v.parent_code
      where u.id = $1 and ${scope.sql} for update of u`,
    [umkmId, ...scope.params],
  );
  if (!cur) throw new AppError(404, 'not_found', { id: 'UMKM tidak ditemukan.', en: 'No such UMKM.' });
  const errors: FieldError[] = [];
  if (c.postalCode !== undefined) {
    const p = validatePostalCode(c.postalCode, { prefixes: postalPrefixesByCity()[cur.city] });
    if (!p.ok) errors.push({ field: 'body.postalCode', code: p.error.code, message: p.error.message });
  }
  const phone = c.ownerPhone === undefined ? undefined : normalizePhone(c.ownerPhone, { mobileOnly: true });
  if (phone && !phone.ok)
    errors.push({ field: 'body.ownerPhone', code: phone.error.code, message: phone.error.message });
  if (c.kbliCodes) {
    const known = await tx.query<{ code: string }>(
      `select code from kbli where level = 'subclass' and code = any($1::text[])`,
      [c.kbliCodes],
    );
    c.kbliCodes.forEach((k, i) => {
      if (!known.some((x) => x.code === k))
        errors.push({
          field: `body.kbliCodes.${i}`,
          code: 'unknown_kbli',
          message: { id: `KBLI ${k} tidak dikenal.`, en: `Unknown KBLI ${k}.` },
        });
    });
  }
  if (errors.length) throw validationFailed(errors);

  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [key, col] of COLUMNS) {
    if (c[key] === undefined || c[key] === cur[col]) continue;
    before[key] = cur[col];
    after[key] = c[key];
    await tx.query(`update umkm set ${col} = $2, updated_at = now() where id = $1`, [umkmId, c[key]]);
  }
  if (c.kbliCodes) {
    await tx.query('update umkm set kbli_code = $2 where id = $1', [umkmId, c.kbliCodes[0]]);
    await tx.query('delete from umkm_kbli where umkm_id = $1', [umkmId]);
    await tx.query(
      'insert into umkm_kbli (umkm_id, kbli_code) select $1, k from unnest($2::text[]) k on conflict do nothing',
      [umkmId, c.kbliCodes.slice(1)],
    );
    after.kbliCodes = c.kbliCodes;
  }
  const keys = personalDataKeys();
  if (c.ownerFullName !== undefined) {
    await tx.query('update owner set full_name = $2 where id = $1', [cur.owner_id, c.ownerFullName]);
    after.ownerFullName = 'changed';
  }
  if (phone?.ok) {
    await tx.query('update owner set phone_enc = $2, phone_hash = $3 where id = $1', [
      cur.owner_id,
      keys.encrypt(phone.value.e164),
      keys.hash(phone.value.e164),
    ]);
    after.ownerPhone = 'changed';
  }
  if (c.ownerEmail !== undefined) {
    await tx.query('update owner set email = $2 where id = $1', [cur.owner_id, c.ownerEmail?.toLowerCase() ?? null]);
    after.ownerEmail = 'changed';
  }
  if (!Object.keys(after).length) return;
  await recomputeSizeClass(tx, umkmId, who.accountId);
  await audit(tx, who, { action: 'registry.correct', entityType: 'umkm', entityId: umkmId, umkmId, before, after });
}
