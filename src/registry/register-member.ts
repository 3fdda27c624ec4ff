import { makeOwnerAccount } from '../access/owner-accounts.ts';
import { findAccount, phoneTaken } from '../access/queries.ts';
import { issueAssistedReset } from '../access/credential-reset.ts';
import type { AuditActor } from '../platform/auth/actor.ts';
import { audit } from '../platform/audit.ts';
import { inDistricts } from '../platform/db/scope.ts';
import type { Tx } from '../platform/db/types.ts';
import { AppError, fieldError, validationFailed } from '../platform/http/problem.ts';
import { personalDataKeys } from '../platform/personal-data.ts';
import { checkRegistration } from './check-registration.ts';
import { villagePlace } from './known-regions.ts';
import type { RegistrationInput } from './schema.ts';
import { recomputeSizeClass } from './size-class.ts';

export type Channel = 'self' | 'desk';

export interface Registered {
  outcome: 'registered' | 'linked' | 'already_registered';
  umkmId: number;
  claimCode?: string;
  claimCodeExpiresAt?: string;
}

const invalid = validationFailed;

const outsideDesk = () =>
  new AppError(
    403,
    'outside_scope',
    { id: 'Kelurahan ini di luar kecamatan Anda.', en: 'This kelurahan is outside your kecamatan.' },
    [fieldError('body.business.villageCode', 'outside_scope', 'Di luar kecamatan Anda.', 'Outside your kecamatan.')],
  );

/**
 * A member registered in another kecamatan, refused as not found here: no id, name or kecamatan of it is told.
 * (That the NIK or NIB is taken cannot be hidden — it cannot be registered twice — and self-registration says
 * as much; a 409 naming the other kecamatan would tell a pendamping where someone lives and does business.)
 */
const notInDistrict = (field: string) =>
  new AppError(
    404,
    'not_found',
    {
      id: 'Usaha ini tidak ditemukan di kecamatan Anda. Bila sudah terdaftar di kecamatan lain, pengampu ditautkan di kecamatan tersebut.',
      en: 'No such business in your kecamatan. If it is registered in another kecamatan, the fostering agency is linked there.',
    },
    [fieldError(field, 'not_in_district', 'Tidak ditemukan di kecamatan Anda.', 'Not found in your kecamatan.')],
  );
/** The same NIK or NIB is one member: a second pengampu becomes a link, never a second business. */
async function existingMember(
  tx: Tx,
  nikHash: Buffer,
  nib: string | null,
): Promise<{ umkmId: number; ownerId: number; byNik: boolean } | undefined> {
  const rows = await tx.query<{ umkm_id: number; owner_id: number; by_nik: boolean }>(
    `select u.id as umkm_id, u.owner_id, o.nik_hash = $1 as by_nik from umkm u join owner o on o.id = u.owner_id
      where o.nik_hash = $1 or ($2::text is not null and u.nib = $2)`,
    [nikHash, nib],
  );
  if (rows.length > 1)
    throw new AppError(
      409,
      'nik_nib_conflict',
      {
        id: 'NIK dan NIB ini terdaftar pada dua usaha yang berbeda. Hubungi admin.',
        en: 'This NIK and NIB belong to two different registered businesses. Contact an admin.',
      },
      [fieldError('body.business.nib', 'conflict', 'NIB milik usaha lain.', 'The NIB belongs to another business.')],
    );
  const [r] = rows;
  return r && { umkmId: r.umkm_id, ownerId: r.owner_id, byNik: r.by_nik };
}

/**
 * Registers a member: by the owner on a phone (`self`, linking the caller's account), or by a pendamping at the
 * kecamatan desk (`desk`, creating the owner's account to be claimed with a one-time code). One transaction:
 * owner, business, KBLI, fostering link, P1 of the journey, size class, audit entries.
 */
export async function registerMember(
  tx: Tx,
  who: AuditActor,
  r: RegistrationInput,
  channel: Channel,
  selfAccountId?: number,
  deskDistricts: readonly string[] = [],
): Promise<Registered> {
  if (channel === 'desk') {
    // The desk registers only in its own kecamatan (a kelurahan unknown altogether is the validation's to refuse).
    const place = await villagePlace(tx, r.business.villageCode);
    if (place && !deskDistricts.includes(place.district)) throw outsideDesk();
  }
  const c = await checkRegistration(tx, r);
  const self = channel === 'self' && selfAccountId !== undefined ? await findAccount(tx, selfAccountId) : undefined;
  if (self) {
    const [own] = self.owner_id
      ? await tx.query<{ id: number }>('select id from umkm where owner_id = $1', [self.owner_id])
      : [];
    if (own) return { outcome: 'already_registered', umkmId: own.id }; // one business per owner
  }
  const keys = personalDataKeys();
  const nikHash = keys.hash(c.nik);
  const existing = await existingMember(tx, nikHash, c.nib);
  if (existing) {
    if (channel === 'self') {
      const mine = self !== undefined && self.owner_id === existing.ownerId;
      if (mine) return { outcome: 'already_registered', umkmId: existing.umkmId };
      // Typing someone's NIK must never hand over their business: claiming goes through the kecamatan desk.
      throw new AppError(
        409,
        'already_registered',
        {
          id: 'NIK atau NIB ini sudah terdaftar. Datang ke meja layanan kecamatan dengan KTP untuk mengaktifkan akun Anda.',
          en: 'This NIK or NIB is already registered. Visit the kecamatan desk with your KTP to claim your account.',
        },
        [fieldError('body.owner.nik', 'already_registered', 'Sudah terdaftar.', 'Already registered.')],
      );
    }
    // The desk links only a member of its own kecamatan: linking one elsewhere would put it under this
    // desk's pengampu (widening that agency's scope). Scope in the WHERE clause, so such a member is not found.
    const [inDistrict] = await tx.query(`select 1 from umkm u where u.id = $1 and ${inDistricts('u', '$2')}`, [
      existing.umkmId,
      deskDistricts,
    ]);
    if (!inDistrict) throw notInDistrict(existing.byNik ? 'body.owner.nik' : 'body.business.nib');
    const linked = await tx.query(
      `insert into fostering_link (umkm_id, agency_id, since) values ($1, $2, (now() at time zone 'Asia/Jakarta')::date) on conflict do nothing returning 1`,
      [existing.umkmId, r.business.fosteringAgencyId],
    );
    if (!linked.length) return { outcome: 'already_registered', umkmId: existing.umkmId };
    await audit(tx, who, {
      action: 'registry.fostering_link',
      entityType: 'umkm',
      entityId: existing.umkmId,
      umkmId: existing.umkmId,
      after: { fosteringAgencyId: r.business.fosteringAgencyId },
    });
    return { outcome: 'linked', umkmId: existing.umkmId };
  }
  if (await phoneTaken(tx, keys.hash(c.phone), selfAccountId ?? null))
    throw invalid([
      fieldError(
        'body.owner.phone',
        'phone_taken',
        'Nomor HP ini sudah dipakai akun lain.',
        'This phone number is used by another account.',
      ),
    ]);

  const [owner] = await tx.query<{ id: number }>(
    `insert into owner (full_name, nik_enc, nik_hash, nik_last4, nik_region, phone_enc, phone_hash, email, gender, birth_date)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
    [
      r.owner.fullName,
      keys.encrypt(c.nik),
      nikHash,
      c.nik.slice(12),
      c.nik.slice(0, 6),
      keys.encrypt(c.phone),
      keys.hash(c.phone),
      r.owner.email?.toLowerCase() ?? null,
      c.gender,
      c.birthDate,
    ],
  );
  const b = r.business;
  const [umkm] = await tx.query<{ id: number }>(
    `insert into umkm (owner_id, name, kind, nib, npwp, kbli_code, village_code, address, postal_code, start_year, workers, capital, annual_sales, registration_channel, registered_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) returning id`,
    [
      owner!.id,
      b.name,
      b.kind,
      c.nib,
      c.npwp,
      b.kbliCodes[0],
      c.place.village,
      b.address,
      b.postalCode.trim(),
      b.startYear,
      b.workers,
      b.capital,
      b.annualSales,
      channel,
      who.accountId,
    ],
  );
  const umkmId = umkm!.id;
  if (b.kbliCodes.length > 1)
    await tx.query(
      'insert into umkm_kbli (umkm_id, kbli_code) select $1, c from unnest($2::text[]) c on conflict do nothing',
      [umkmId, b.kbliCodes.slice(1)],
    );
  await tx.query(
    `insert into fostering_link (umkm_id, agency_id, since) values ($1, $2, (now() at time zone 'Asia/Jakarta')::date)`,
    [umkmId, b.fosteringAgencyId],
  );
  await tx.query(
    `insert into journey_stage (umkm_id, stage, reached_on, evidence, recorded_by) values ($1, 1, (now() at time zone 'Asia/Jakarta')::date, $2, $3)`,
    [umkmId, JSON.stringify({ channel }), who.accountId],
  );
  await recomputeSizeClass(tx, umkmId, who.accountId);
  await audit(tx, who, {
    action: 'registry.register',
    entityType: 'umkm',
    entityId: umkmId,
    umkmId,
    after: {
      channel,
      name: b.name,
      kind: b.kind,
      village: c.place.village,
      fosteringAgencyId: b.fosteringAgencyId,
      ownerId: owner!.id,
    },
  });

  if (channel === 'self' && selfAccountId !== undefined) {
    await makeOwnerAccount(tx, who, selfAccountId, owner!.id);
    return { outcome: 'registered', umkmId };
  }
  const issued = await issueAssistedReset(tx, who, {
    umkm_id: umkmId,
    owner_id: owner!.id,
    full_name: r.owner.fullName,
    phone_enc: keys.encrypt(c.phone),
    phone_hash: keys.hash(c.phone),
    account_id: null,
  });
  return { outcome: 'registered', umkmId, claimCode: issued.code, claimCodeExpiresAt: issued.expiresAt };
}
