// Zod schemas of an edition's line-up (the admin view and its changes). Routes in lineup-routes.ts, roles in policy.ts.
import { z } from 'zod';
import { bigintId } from '../platform/http/input.ts';
import { EDITION_STATUSES } from './schema.ts';

const Bi = z.object({ id: z.string(), en: z.string() });
const Named = z.object({ code: z.string(), name: z.string() });
const reason = z.string().trim().min(5).max(500).describe('why, in the admin’s words (at least 5 characters)');

export const LINEUP_PICKS = ['rotation', 'city_pick', 'adjustment'] as const;

export const LineupAddInput = z.strictObject({ productId: bigintId(), reason });
export type LineupAddInput = z.infer<typeof LineupAddInput>;

export const LineupRemoveInput = z.strictObject({ itemId: bigintId(), reason });
export type LineupRemoveInput = z.infer<typeof LineupRemoveInput>;

export const LineupItem = z.object({
  id: z.number().int(),
  product: z.object({ id: z.number().int(), name: z.string() }),
  seller: z.object({ id: z.number().int(), name: z.string() }),
  kecamatan: Named,
  category: z.object({ code: z.string(), name: Bi }),
  price: z.number().int().describe('whole rupiah'),
  stockInitial: z.number().int(),
  stock: z.number().int().describe('still for sale'),
  held: z.number().int(),
  sold: z.number().int(),
  pick: z.enum(LINEUP_PICKS),
  round: z.number().int().nullable().describe('the rotation round of the seller’s turn (rotation picks)'),
  reason: Bi.describe('why it was chosen'),
  removed: z.object({ at: z.string(), reason: z.string() }).nullable(),
});
export type LineupItem = z.infer<typeof LineupItem>;

export const Lineup = z.object({
  edition: z.object({
    id: z.number().int(),
    friday: z.string(),
    heldOn: z.string(),
    status: z.enum(EDITION_STATUSES),
    host: Named,
  }),
  quota: z.number().int().describe('products per kecamatan (jbl.kecamatan_quota on the Friday)'),
  cityPicks: z.object({ used: z.number().int(), limit: z.number().int() }),
  kecamatan: z
    .array(Named.extend({ listed: z.number().int() }))
    .describe("listed: the rotation's items not removed, against the quota"),
  items: z.array(LineupItem),
});
export type Lineup = z.infer<typeof Lineup>;
