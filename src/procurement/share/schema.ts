// Request and response shapes of the UMK share and payment-timeliness routes (the web app imports its types here).
import { z } from 'zod';
import { int4IdParam } from '../../platform/http/input.ts';

const year = z.coerce.number().int().min(2000).max(2100);
export const ShareQuery = z.strictObject({
  year: year.optional(),
  period: z.enum(['month', 'quarter', 'year']).default('month'),
});
export const ProvinceShareQuery = ShareQuery.extend({
  agencyPeriods: z
    .enum(['true', 'false'])
    .optional()
    .describe("true: each agency's figures per period as well (as in the XLSX); the page shows each agency's year"),
});
export const YearQuery = z.strictObject({ year: year.optional() });
export const AgencyParams = z.strictObject({ agencyId: int4IdParam() });
export const OrdersQuery = z.strictObject({
  /** YYYY-MM; the current month (WIB) when absent. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
  unitId: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const BoundaryQuery = z.strictObject({ level: z.enum(['city', 'district', 'village']).default('district') });

const Basis = z.object({
  platformUmk: z.number(),
  platformTotal: z.number(),
  outsideUmk: z.number(),
  outsideTotal: z.number(),
  numerator: z.number(),
  denominator: z.number(),
  share: z.number().nullable(),
  ofTarget: z.number().nullable(),
  grade: z.string().nullable(),
});
const Figures = z.object({ committed: Basis, realised: Basis, orders: z.number(), unreportedMonths: z.number() });
const PeriodFigures = Figures.extend({ period: z.string() });
const Grade = z.object({ grade: z.string(), min: z.number() });

export const ShareReport = z.object({
  year: z.number(),
  period: z.enum(['month', 'quarter', 'year']),
  target: z.number(),
  targetSource: z.string().nullable(),
  grades: z.array(Grade),
  scope: z.enum(['province', 'agencies']),
  total: z.object({ total: Figures, byPeriod: z.array(PeriodFigures) }),
  trend: z.array(PeriodFigures),
  agencies: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      kind: z.string(),
      total: Figures,
      byPeriod: z.array(PeriodFigures).optional(),
    }),
  ),
});

export const AgencyShare = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.string(),
  year: z.number(),
  period: z.enum(['month', 'quarter', 'year']),
  target: z.number(),
  total: Figures,
  byPeriod: z.array(PeriodFigures),
  trend: z.array(PeriodFigures),
  units: z.array(
    z.object({ id: z.number(), name: z.string().nullable(), total: Figures, byPeriod: z.array(PeriodFigures) }),
  ),
});

export const ShareOrders = z.object({
  agencyId: z.number(),
  month: z.string(),
  page: z.number(),
  pageSize: z.number(),
  totalCount: z.number(),
  items: z.array(
    z.object({
      id: z.number(),
      seller: z.string(),
      unitName: z.string().nullable(),
      status: z.string(),
      countsUmk: z.boolean(),
      total: z.number(),
      paidAmount: z.number(),
      acceptedAt: z.string(),
    }),
  ),
});

export const DistrictShares = z.object({
  year: z.number(),
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      cityName: z.string().nullable(),
      committedUmk: z.number(),
      committedTotal: z.number(),
      realisedUmk: z.number(),
      realisedTotal: z.number(),
    }),
  ),
});

const BucketFigure = z.object({
  bucket: z.enum(['0-30', '31-60', '61-90', '90+']),
  orders: z.number(),
  outstanding: z.number(),
});
export const AgeingQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100).describe('overdue bills listed, most overdue first'),
});
export const Ageing = z.object({
  asOf: z.string(),
  /** All overdue bills in scope; `overdue` lists the first `limit` of them. */
  overdueCount: z.number(),
  buckets: z.array(BucketFigure),
  agencies: z.array(
    z.object({ agencyId: z.number(), name: z.string(), buckets: z.array(BucketFigure), overdue: z.number() }),
  ),
  overdue: z.array(
    z.object({
      orderId: z.number(),
      agencyId: z.number(),
      agencyName: z.string(),
      seller: z.string(),
      total: z.number(),
      outstanding: z.number(),
      bastOn: z.string(),
      dueDate: z.string(),
      daysOverdue: z.number(),
      daysSinceBast: z.number(),
      bendahara: z.array(z.string()),
    }),
  ),
});

const PerformanceFigure = z.object({
  paid: z.number(),
  withinSla: z.number(),
  share: z.number(),
  medianDays: z.number(),
});
export const PerformanceReport = z.object({
  year: z.number(),
  slaDays: z.number(),
  province: PerformanceFigure,
  agencies: z.array(PerformanceFigure.extend({ agencyId: z.number(), name: z.string() })),
});

export const Boundaries = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({ code: z.string(), name: z.string(), parentCode: z.string().nullable() }),
      geometry: z.unknown(),
    }),
  ),
});

export type ShareReportT = z.infer<typeof ShareReport>;
export type AgencyShareT = z.infer<typeof AgencyShare>;
export type ShareOrdersT = z.infer<typeof ShareOrders>;
export type DistrictSharesT = z.infer<typeof DistrictShares>;
export type AgeingT = z.infer<typeof Ageing>;
export type PerformanceReportT = z.infer<typeof PerformanceReport>;
export type BoundariesT = z.infer<typeof Boundaries>;
