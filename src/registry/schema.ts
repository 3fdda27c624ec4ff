import { z } from 'zod';
import { calendarDate, int4Id, int8 } from '../platform/http/input.ts';

const rupiah = int8(0, 1_000_000_000_000_000);
const Bi = z.object({ id: z.string(), en: z.string() });

export const Registration = z.strictObject({
  owner: z.strictObject({
    fullName: z.string().trim().min(2).max(200),
    nik: z.string().max(40),
    phone: z.string().max(30),
    email: z.email().max(254).optional(),
    gender: z.enum(['male', 'female']).optional().describe('Cross-checked with the NIK when given'),
    birthDate: calendarDate().optional().describe('Cross-checked with the NIK when given'),
  }),
  business: z.strictObject({
    name: z.string().trim().min(2).max(200),
    kind: z.enum(['jakpreneur', 'non_jakpreneur', 'cooperative']).default('jakpreneur'),
    nib: z.string().max(30).optional(),
    npwp: z.string().max(30).optional(),
    kbliCodes: z
      .array(z.string().regex(/^\d{5}$/))
      .min(1)
      .max(5)
      .describe('KBLI 2020 subclasses; the first is the main one'),
    villageCode: z
      .string()
      .regex(/^\d{10}$/)
      .describe('Kelurahan (Kemendagri code)'),
    address: z.string().trim().min(3).max(500),
    postalCode: z.string().max(10),
    startYear: z.number().int().min(1900).max(2100),
    workers: z.number().int().min(0).max(100_000),
    capital: rupiah.describe('Rupiah, excluding land and buildings'),
    annualSales: rupiah.nullable().describe('Rupiah; null for a business without a full year yet'),
    fosteringAgencyId: int4Id().describe('The pengampu'),
  }),
});
export type RegistrationInput = z.infer<typeof Registration>;

export const RegistrationOut = z.object({
  outcome: z.enum(['registered', 'linked', 'already_registered']),
  umkmId: z.number().int(),
  message: Bi,
  claimCode: z.string().optional().describe('Desk registration: the one-time code the owner claims the account with'),
  claimCodeExpiresAt: z.string().optional(),
});

export const MemberOut = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.string(),
  status: z.string(),
  sizeClass: z.string().nullable(),
  nib: z.string().nullable(),
  kbliCodes: z.array(z.string()),
  village: z.object({ code: z.string(), name: z.string(), district: z.string(), city: z.string() }),
  address: z.string(),
  postalCode: z.string().nullable(),
  startYear: z.number().int().nullable(),
  workers: z.number().int().nullable(),
  capital: z.number().int().nullable(),
  annualSales: z.number().int().nullable(),
  registeredAt: z.string(),
  registrationChannel: z.string(),
  owner: z.object({
    fullName: z.string(),
    nikMasked: z.string(),
    gender: z.string().nullable(),
    birthYear: z.number().int().nullable(),
  }),
  fosteringAgencies: z.array(z.object({ id: z.number().int(), name: z.string(), since: z.string() })),
});

export const MemberCorrection = z.strictObject({
  name: z.string().trim().min(2).max(200).optional(),
  address: z.string().trim().min(3).max(500).optional(),
  postalCode: z.string().max(10).optional(),
  workers: z.number().int().min(0).max(100_000).optional(),
  capital: rupiah.optional(),
  annualSales: rupiah.nullable().optional(),
  kbliCodes: z
    .array(z.string().regex(/^\d{5}$/))
    .min(1)
    .max(5)
    .optional(),
  ownerFullName: z.string().trim().min(2).max(200).optional(),
  ownerPhone: z.string().max(30).optional(),
  ownerEmail: z.email().max(254).nullable().optional(),
});

// Types the web app reads (it imports server types only from a context's schema.ts).
export type { Member } from './members.ts';
export type { registryPolicy } from './policy.ts';
/** A personal-data request as the admin sees it (with who is asking). */
export const DataRequestOut = z.object({
  id: z.number().int(),
  ownerId: z.number().int(),
  ownerName: z.string(),
  umkmId: z.number().int().nullable(),
  businessName: z.string().nullable(),
  reason: z.string().nullable(),
  kind: z.string(),
  status: z.string(),
  requestedAt: z.string(),
});
