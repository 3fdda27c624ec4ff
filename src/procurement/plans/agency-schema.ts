// Zod schemas of agencies (OPD, BUMD), their units, officials, yearly budgets and payment settings.
import { z } from 'zod';
import { int4Id, int4IdParam } from '../../platform/http/input.ts';

export const AGENCY_KINDS = ['opd', 'bumd'] as const;
export const OFFICIAL_ROLES = ['pa_kpa', 'ppk', 'pejabat_pengadaan', 'bendahara'] as const;
export type OfficialRole = (typeof OFFICIAL_ROLES)[number];

export const AgencyParams = z.strictObject({ agencyId: int4IdParam() });
export const UnitParams = z.strictObject({ agencyId: int4IdParam(), unitId: int4IdParam() });

const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'letters, digits, . _ - (≤ 40)');
const name = z.string().trim().min(2).max(200);
const regionCode = z
  .string()
  .regex(/^\d{4}$/)
  .describe('kota/kabupaten code (4 digits), e.g. 3174');

export const AgencyInput = z.strictObject({
  code,
  name,
  kind: z.enum(AGENCY_KINDS),
  regionCode: regionCode.nullable().default(null),
  paymentSlaDays: z.number().int().min(1).max(365).nullable().default(null).describe('null: the instance setting'),
  paymentDaysBasis: z.enum(['calendar', 'working']).default('calendar'),
});
export const AgencyPatch = z.strictObject({
  name: name.optional(),
  kind: z.enum(AGENCY_KINDS).optional(),
  regionCode: regionCode.nullable().optional(),
  paymentSlaDays: z.number().int().min(1).max(365).nullable().optional(),
  paymentDaysBasis: z.enum(['calendar', 'working']).optional(),
});
export type AgencyInput = z.infer<typeof AgencyInput>;
export type AgencyPatch = z.infer<typeof AgencyPatch>;

export const UnitInput = z.strictObject({ code, name });
export const UnitPatch = z.strictObject({ code: code.optional(), name: name.optional() });

export const OfficialInput = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(200),
  role: z.enum(OFFICIAL_ROLES),
  name: name.describe('as printed on documents (BAST)'),
  nip: z
    .string()
    .regex(/^\d{18}$/)
    .nullable()
    .default(null)
    .describe('Nomor Induk Pegawai, 18 digits'),
  unitId: int4Id().nullable().default(null),
});
export type OfficialInput = z.infer<typeof OfficialInput>;

export const BudgetInput = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  goodsServicesBudget: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).describe('whole rupiah'),
});

const Unit = z.object({ id: z.number(), code: z.string(), name: z.string() });
const Official = z.object({
  accountId: z.number(),
  email: z.string().nullable(),
  role: z.enum(OFFICIAL_ROLES),
  name: z.string(),
  nip: z.string().nullable(),
  unitId: z.number().nullable(),
});
const Budget = z.object({ year: z.number(), goodsServicesBudget: z.number() });

export const AgencySummary = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(AGENCY_KINDS),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  paymentSlaDays: z.number().nullable(),
  paymentDaysBasis: z.enum(['calendar', 'working']),
  units: z.number(),
  officials: z.number(),
});
export const AgencyList = z.object({ items: z.array(AgencySummary) });
export const AgencyDetail = AgencySummary.extend({
  effectiveSlaDays: z.number().describe('the agency setting or the instance default'),
  unitList: z.array(Unit),
  officialList: z.array(Official),
  budgets: z.array(Budget),
});
export type AgencyDetail = z.infer<typeof AgencyDetail>;

export const MyAgencies = z.object({
  items: z.array(AgencySummary.extend({ roles: z.array(z.enum(OFFICIAL_ROLES)) })),
});

export type AgencyList = z.infer<typeof AgencyList>;
