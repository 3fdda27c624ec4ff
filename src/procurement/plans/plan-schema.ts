// Zod schemas of procurement plans (RUP packages), spending outside the platform, the SiRUP import and the public
// opportunities.
import { z } from 'zod';
import { calendarDate, int4Id, int4IdParam } from '../../platform/http/input.ts';

export const KINDS = ['barang', 'pekerjaan_konstruksi', 'jasa_konsultansi', 'jasa_lainnya'] as const;
export const METHODS = [
  'e_purchasing',
  'pengadaan_langsung',
  'penunjukan_langsung',
  'tender',
  'tender_cepat',
  'seleksi',
  'dikecualikan',
] as const;
export const SUPPLIES = ['penyedia', 'swakelola'] as const;
export const PACKAGE_STATUSES = ['planned', 'assigned', 'ready', 'closed'] as const;

const Bi = z.object({ id: z.string(), en: z.string() });
const money = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const PackageParams = z.strictObject({ packageId: int4IdParam() });

const PackageFields = {
  unitId: int4Id().nullable(),
  year: z.number().int().min(2000).max(2100),
  name: z.string().trim().min(3).max(500),
  pagu: money.describe('budget ceiling, whole rupiah'),
  kind: z.enum(KINDS),
  supply: z.enum(SUPPLIES),
  method: z.enum(METHODS),
  categoryCode: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .nullable(),
  kbliCodes: z.array(z.string().regex(/^\d{5}$/)).max(20),
  regionCode: z
    .string()
    .regex(/^\d{4}$/)
    .nullable()
    .describe('kota/kabupaten; null = province-wide'),
  fundingSource: z.string().trim().min(2).max(40),
  selectionFrom: calendarDate().nullable(),
  selectionTo: calendarDate().nullable(),
  executionFrom: calendarDate().nullable(),
  executionTo: calendarDate().nullable(),
  reservedSmall: z.boolean().describe('reserved for micro/small businesses and cooperatives (Usaha Kecil/Koperasi)'),
  reservationExemptReason: z
    .string()
    .trim()
    .max(2000)
    .nullable()
    .describe('required (≥ 20 characters) when a package up to the threshold is not reserved'),
  domestic: z.boolean(),
};

export const PackageInput = z.strictObject({
  agencyId: int4Id(),
  rupCode: z
    .string()
    .regex(/^\d{1,20}$/)
    .describe('Kode RUP'),
  ...PackageFields,
  unitId: PackageFields.unitId.default(null),
  supply: PackageFields.supply.default('penyedia'),
  categoryCode: PackageFields.categoryCode.default(null),
  kbliCodes: PackageFields.kbliCodes.default([]),
  regionCode: PackageFields.regionCode.default(null),
  fundingSource: PackageFields.fundingSource.default('APBD'),
  selectionFrom: PackageFields.selectionFrom.default(null),
  selectionTo: PackageFields.selectionTo.default(null),
  executionFrom: PackageFields.executionFrom.default(null),
  executionTo: PackageFields.executionTo.default(null),
  reservationExemptReason: PackageFields.reservationExemptReason.default(null),
  domestic: PackageFields.domestic.default(true),
});
export type PackageInput = z.infer<typeof PackageInput>;
export const PackagePatch = z.strictObject(
  Object.fromEntries(Object.entries(PackageFields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof PackageFields]: z.ZodOptional<(typeof PackageFields)[K]>;
  },
);
export type PackagePatch = z.infer<typeof PackagePatch>;

export const PackageOut = z.object({
  id: z.number(),
  rupCode: z.string(),
  agencyId: z.number(),
  agencyName: z.string(),
  unitId: z.number().nullable(),
  year: z.number(),
  name: z.string(),
  pagu: z.number(),
  kind: z.enum(KINDS),
  supply: z.enum(SUPPLIES),
  method: z.enum(METHODS),
  categoryCode: z.string().nullable(),
  kbliCodes: z.array(z.string()),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  fundingSource: z.string(),
  selectionFrom: z.string().nullable(),
  selectionTo: z.string().nullable(),
  executionFrom: z.string().nullable(),
  executionTo: z.string().nullable(),
  reservedSmall: z.boolean(),
  reservationExemptReason: z.string().nullable(),
  domestic: z.boolean(),
  status: z.enum(PACKAGE_STATUSES),
  source: z.string(),
});
export type PackageOut = z.infer<typeof PackageOut>;

export const PackageListQuery = z.strictObject({
  agencyId: z.coerce.number().int().min(1).max(2147483647).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
});
export const PackageList = z.object({
  items: z.array(PackageOut),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  threshold: z.object({ amount: z.number(), effectiveFrom: z.string(), source: z.string().nullable() }),
});

// ---- spending outside the platform ----
export const SpendingInput = z.strictObject({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .describe('YYYY-MM'),
  totalAmount: money,
  umkAmount: money,
});
export const SpendingQuery = z.strictObject({
  agencyId: z.coerce.number().int().min(1).max(2147483647).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const SpendingList = z.object({
  items: z.array(
    z.object({
      agencyId: z.number(),
      agencyCode: z.string(),
      agencyName: z.string(),
      month: z.string(),
      totalAmount: z.number(),
      umkAmount: z.number(),
      source: z.enum(['entered', 'import']),
      reportedAt: z.string(),
    }),
  ),
});
const RowError = z.object({ line: z.number(), field: z.string(), message: Bi });
export const SpendingPreview = z.object({
  kind: z.enum(['csv', 'xlsx']),
  totalRows: z.number(),
  validRows: z.number(),
  errors: z.array(RowError),
  rows: z.array(
    z.object({
      line: z.number(),
      agencyCode: z.string(),
      month: z.string(),
      totalAmount: z.number(),
      umkAmount: z.number(),
    }),
  ),
});
export const ImportResult = z.object({
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  skipped: z.number(),
  errors: z.array(RowError),
});

// ---- SiRUP import ----
export const SirupPreview = z.object({
  kind: z.enum(['csv', 'xlsx']),
  headers: z.array(z.string()),
  fields: z.array(z.object({ field: z.string(), label: Bi, required: z.boolean() })),
  mapping: z.record(z.string(), z.string().nullable()).describe('our field → the file header suggested for it'),
  mappingSource: z.enum(['detected', 'remembered']),
  totalRows: z.number(),
  validRows: z.number(),
  errors: z.array(RowError),
  rows: z.array(
    z.object({
      line: z.number(),
      rupCode: z.string(),
      name: z.string(),
      pagu: z.number(),
      kind: z.enum(KINDS),
      method: z.enum(METHODS),
      reservedSmall: z.boolean(),
      selectionFrom: z.string().nullable(),
      regionCode: z.string().nullable(),
    }),
  ),
});

// ---- opportunities ----
export const OpportunityQuery = z.strictObject({
  category: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .optional(),
  kota: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  kind: z.enum(KINDS).optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
});
export const Opportunity = z.object({
  id: z.number(),
  rupCode: z.string(),
  name: z.string(),
  agencyName: z.string(),
  pagu: z.number(),
  kind: z.enum(KINDS),
  method: z.enum(METHODS),
  categoryCode: z.string().nullable(),
  categoryName: Bi.nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  selectionFrom: z.string().nullable(),
  selectionTo: z.string().nullable(),
  reservedSmall: z.boolean(),
});
export const OpportunityList = z.object({
  items: z.array(Opportunity),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export const ForMeList = z.object({
  items: z.array(
    Opportunity.extend({
      reasons: z.array(z.object({ kind: z.enum(['kbli', 'category', 'kota']), text: Bi })),
    }),
  ),
});

export type PackageList = z.infer<typeof PackageList>;
export type SpendingList = z.infer<typeof SpendingList>;
export type SpendingPreview = z.infer<typeof SpendingPreview>;
export type SirupPreview = z.infer<typeof SirupPreview>;
export type OpportunityList = z.infer<typeof OpportunityList>;
export type ForMeList = z.infer<typeof ForMeList>;
