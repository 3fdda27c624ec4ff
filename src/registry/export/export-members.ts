// Export of the filtered register, within the caller's scope, page by page (keyset on umkm.id) so that 385,000
// rows stream out without being held in memory. NIK, phone and email are shown in clear only to roles that may
// see NIK (registryPolicy.seesNik) — and then the export is audited with its row count.
import type { Actor, AuditActor } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit.ts';
import type { Queryable } from '../../platform/db/types.ts';
import { personalDataKeys } from '../../platform/personal-data.ts';
import { localDate } from '../../platform/time.ts';
import type { RowSink } from '../import/spreadsheet.ts';
import { allows } from '../../platform/auth/rules.ts';
import { maskNik, memberScope, registryPolicy } from '../policy.ts';

export interface ExportFilters {
  city?: string; // kota code, 4 digits
  district?: string; // kecamatan, 6 digits
  village?: string; // kelurahan, 10 digits
  fosteringAgencyId?: number;
  sizeClass?: 'micro' | 'small' | 'medium' | 'large';
  kind?: 'jakpreneur' | 'non_jakpreneur' | 'cooperative';
  registeredSince?: string; // YYYY-MM-DD, WIB
}

export const EXPORT_HEADER = [
  'id_umkm',
  'nama_pemilik',
  'nik',
  'no_hp',
  'email',
  'nama_usaha',
  'nib',
  'npwp',
  'kbli',
  'kelurahan',
  'nama_kelurahan',
  'kecamatan',
  'kota',
  'alamat',
  'kode_pos',
  'tahun_mulai',
  'tenaga_kerja',
  'modal',
  'omzet_tahunan',
  'jenis',
  'kelas_usaha',
  'pengampu',
  'jalur_pendaftaran',
  'tanggal_daftar',
  'status',
] as const;
/** Columns kept as text in XLSX (long digit strings). */
export const EXPORT_TEXT_COLUMNS = ['nik', 'no_hp', 'nib', 'npwp', 'kbli', 'kelurahan', 'kode_pos'].map((c) =>
  EXPORT_HEADER.indexOf(c as (typeof EXPORT_HEADER)[number]),
);

const KIND_ID: Record<string, string> = {
  jakpreneur: 'jakpreneur',
  non_jakpreneur: 'non_jakpreneur',
  cooperative: 'koperasi',
};
export const PAGE = 5_000;
/** Excel's sheet holds 1,048,576 rows; beyond this an XLSX export is refused and CSV offered. */
export const XLSX_MAX_ROWS = 1_000_000;

/** The WHERE clause (scope + filters) over umkm `u`, with its parameters numbered from $1. */
export function exportWhere(actor: Actor, f: ExportFilters): { sql: string; params: unknown[] } {
  const scope = memberScope(actor, 1, 'u');
  const params = [...scope.params];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const parts = [scope.sql];
  if (f.village) parts.push(`u.village_code = ${p(f.village)}`);
  if (f.district) parts.push(`u.village_code in (select code from region where parent_code = ${p(f.district)})`);
  if (f.city)
    parts.push(
      `u.village_code in (select v.code from region v join region d on d.code = v.parent_code where d.parent_code = ${p(f.city)})`,
    );
  if (f.fosteringAgencyId)
    parts.push(
      `exists (select 1 from fostering_link fl where fl.umkm_id = u.id and fl.agency_id = ${p(f.fosteringAgencyId)})`,
    );
  if (f.sizeClass) parts.push(`u.size_class = ${p(f.sizeClass)}`);
  if (f.kind) parts.push(`u.kind = ${p(f.kind)}`);
  if (f.registeredSince)
    parts.push(`u.registered_at >= (${p(f.registeredSince)}::date::timestamp at time zone 'Asia/Jakarta')`);
  return { sql: parts.join(' and '), params };
}

export async function countExport(db: Queryable, actor: Actor, f: ExportFilters): Promise<number> {
  const w = exportWhere(actor, f);
  const [r] = await db.query<{ n: number }>(`select count(*)::int8 as n from umkm u where ${w.sql}`, w.params);
  return r?.n ?? 0;
}

interface ExportRow {
  id: number;
  full_name: string;
  nik_enc: Buffer | null;
  nik_region: string;
  nik_last4: string;
  phone_enc: Buffer | null;
  email: string | null;
  name: string;
  nib: string | null;
  npwp: string | null;
  kbli: string;
  village_code: string;
  village_name: string;
  district_name: string;
  city_name: string;
  address: string;
  postal_code: string | null;
  start_year: number | null;
  workers: number | null;
  capital: number | null;
  annual_sales: number | null;
  kind: string;
  size_class: string | null;
  agencies: string | null;
  registration_channel: string;
  registered_at: Date;
  status: string;
  erased: boolean;
}

const UNREADABLE = '(tidak terbaca)';
const maskPhone = (e164: string) => `${e164.slice(0, 6)}****${e164.slice(-3)}`;

/**
 * Writes every member matching the filters in the caller's scope to `sink`, then ends it. Returns the number of
 * rows written. With NIK in clear, one audit entry records who exported how many rows with which filters.
 */
export async function exportMembers(
  db: Queryable,
  actor: Actor,
  who: AuditActor,
  f: ExportFilters,
  sink: RowSink,
): Promise<number> {
  const clear = allows(actor, registryPolicy.seesNik);
  const keys = personalDataKeys();
  const w = exportWhere(actor, f);
  let after = 0;
  let count = 0;
  try {
    for (;;) {
      const rows = await db.query<ExportRow>(
        `select u.id, o.full_name, o.nik_enc, o.nik_region, o.nik_last4, o.phone_enc, o.email, u.name, u.nib, u.npwp,
                concat_ws(';', u.kbli_code, (select string_agg(k.kbli_code, ';' order by k.kbli_code) from umkm_kbli k where k.umkm_id = u.id)) as kbli,
                u.village_code, v.name as village_name, d.name as district_name, c.name as city_name, u.address, u.postal_code,
                u.start_year, u.workers, u.capital, u.annual_sales, u.kind, u.size_class,
                (select string_agg(fa.code, ';' order by fa.code) from fostering_link fl join fostering_agency fa on fa.id = fl.agency_id where fl.umkm_id = u.id) as agencies,
                u.registration_channel, u.registered_at, u.status, o.erased_at is not null as erased
           from umkm u join owner o on o.id = u.owner_id
           join region v on v.code = u.village_code join region d on d.code = v.parent_code join region c on c.code = d.parent_code
          where ${w.sql} and u.id > $${w.params.length + 1}
          order by u.id limit ${PAGE}`,
        [...w.params, after],
      );
      // One unreadable value (a row sealed under another key) must not break off a 385,000-row download.
      const open = (sealed: Buffer) => {
        try {
          return keys.decrypt(sealed);
        } catch {
          return UNREADABLE;
        }
      };
      for (const r of rows) {
        const nik = r.erased || !r.nik_enc ? '' : clear ? open(r.nik_enc) : maskNik(r.nik_region, r.nik_last4);
        const phone = r.phone_enc && !r.erased ? open(r.phone_enc) : '';
        await sink.add([
          r.id,
          r.full_name,
          nik,
          clear || phone === UNREADABLE ? phone : phone && maskPhone(phone),
          clear ? (r.email ?? '') : r.email ? '***' : '',
          r.name,
          r.nib ?? '',
          r.npwp ?? '',
          r.kbli,
          r.village_code,
          r.village_name,
          r.district_name,
          r.city_name,
          r.address,
          r.postal_code ?? '',
          r.start_year,
          r.workers,
          r.capital,
          r.annual_sales,
          KIND_ID[r.kind] ?? r.kind,
          r.size_class ?? '',
          r.agencies ?? '',
          r.registration_channel,
          localDate(r.registered_at),
          r.status,
        ]);
      }
      count += rows.length;
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.id;
    }
    await sink.end();
  } finally {
    // Even an interrupted download is on record: with NIK in clear, what left the system must be known.
    if (clear)
      await audit(db, who, {
        action: 'registry.export_unmasked',
        entityType: 'registry_export',
        entityId: who.requestId ?? 'export',
        after: { rows: count, filters: f },
      });
  }
  return count;
}
