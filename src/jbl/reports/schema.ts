// Zod schemas of the Jumat Beli Lokal reports: the edition report and the province trend, ASN participation, the
// sellers' payout statement. Omzet counts seller (child) orders paid or handed over; rupiah are whole numbers.
import { z } from 'zod';
import { bigintIdParam, int4IdParam } from '../../platform/http/input.ts';

const Bi = z.object({ id: z.string(), en: z.string() });

export const EditionParams = z.strictObject({ editionId: bigintIdParam() });
export const AgencyParams = z.strictObject({ agencyId: int4IdParam() });
export const SellerParams = z.strictObject({ umkmId: bigintIdParam() });
export const EditionQuery = z.strictObject({
  editionId: z.coerce.number().int().min(1).optional().describe('default: the latest edition that has opened'),
});
export type EditionQuery = z.infer<typeof EditionQuery>;

/** Orders (seller orders), units and omzet (Rp) of one slice. */
export const Counts = z.object({ orders: z.number(), units: z.number(), omzet: z.number() });
export type Counts = z.infer<typeof Counts>;
/** A slice split by when it was bought: pre-order or the Friday live session, and both. */
export const Split = z.object({ preorder: Counts, live: Counts, total: Counts });
export type Split = z.infer<typeof Split>;

const EditionRef = z.object({
  id: z.number(),
  friday: z.string(),
  heldOn: z.string(),
  status: z.string(),
  host: z.object({ code: z.string(), name: z.string() }),
});
export type EditionRef = z.infer<typeof EditionRef>;

export const Slice = Split.extend({ key: z.string(), name: Bi });
export type Slice = z.infer<typeof Slice>;

export const EditionReport = z.object({
  edition: EditionRef,
  total: Split,
  byKota: z.array(Slice),
  byKecamatan: z.array(Slice.extend({ kota: z.string() })),
  byCategory: z.array(Slice),
  bySeller: z.array(Slice.extend({ kecamatan: z.string() })),
});
export type EditionReport = z.infer<typeof EditionReport>;

/** The province's running total: every published edition's figures and the cumulative omzet (public: totals only). */
export const TrendPoint = Split.extend({
  edition: EditionRef,
  cumulativeOmzet: z.number(),
  cumulativeOrders: z.number(),
});
export const ProvinceTrend = z.object({ points: z.array(TrendPoint), total: Split });
export type ProvinceTrend = z.infer<typeof ProvinceTrend>;

const Participation = z.object({
  asn: z
    .number()
    .describe('ASN of the agency: asn_buyer grants held today, plus buyers in the edition who moved since'),
  buyers: z.number().describe('ASN who bought (a paid seller order) in the edition'),
  reached: z.number().describe('ASN whose paid spend in the edition reached the target'),
  spend: z.number(),
  rate: z.number().nullable().describe('buyers / asn'),
  target: z.number().describe('jbl.asn_min_spend_rupiah in force on the Friday'),
});
export type Participation = z.infer<typeof Participation>;

export const AgencyParticipation = z.object({
  agency: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  trend: z.array(Participation.extend({ edition: EditionRef })),
});
export type AgencyParticipation = z.infer<typeof AgencyParticipation>;

export const ParticipationRanking = z.object({
  edition: EditionRef.nullable(),
  agencies: z.array(
    Participation.extend({
      rank: z.number(),
      agency: z.object({ id: z.number(), code: z.string(), name: z.string() }),
    }),
  ),
});
export type ParticipationRanking = z.infer<typeof ParticipationRanking>;

const PayoutOrder = z.object({
  number: z.string(),
  status: z.enum(['paid', 'handed_over']),
  paidTo: z.enum(['seller', 'aggregator']),
  paidAt: z.string(),
  total: z.number(),
});
const PayoutSums = z.object({
  aggregator: z.object({ orders: z.number(), total: z.number() }).describe('paid to the platform: owed to the seller'),
  direct: z.object({ orders: z.number(), total: z.number() }).describe("paid into the seller's own QRIS"),
  total: z.number(),
});
export const PayoutStatement = z.object({
  seller: z.object({ id: z.number(), name: z.string() }),
  editions: z.array(PayoutSums.extend({ edition: EditionRef })),
  total: PayoutSums,
  selected: z
    .object({ edition: EditionRef, orders: z.array(PayoutOrder) })
    .nullable()
    .describe("the chosen (default: latest) edition's paid orders"),
});
export type PayoutStatement = z.infer<typeof PayoutStatement>;
