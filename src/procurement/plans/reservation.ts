// The reservation rule (Perpres 12/2021 Pasal 65): a package whose pagu is at most the threshold in force is
// reserved for micro/small businesses and cooperatives, unless a reason of at least 20 characters records why
// (it needs capability they lack). The threshold is an effective-dated setting read for the package's date.
import type { Queryable } from '../../platform/db/types.ts';
import { AppError } from '../../platform/http/problem.ts';
import { settingOn } from '../../platform/settings.ts';

export const MIN_REASON = 20;

export interface Threshold {
  amount: number;
  effectiveFrom: string;
  source: string | null;
}

/** The threshold on a day (YYYY-MM-DD): the latest version effective then. */
export async function thresholdOn(db: Queryable, day: string): Promise<Threshold> {
  const s = await settingOn<number | string>(db, 'procurement.reservation_threshold', day);
  if (!s)
    throw new AppError(500, 'setting_missing', {
      id: 'Ambang paket dicadangkan belum diatur.',
      en: 'The reservation threshold is not configured.',
    });
  return { amount: Number(s.value), effectiveFrom: String(s.effectiveFrom).slice(0, 10), source: s.source };
}

/** The day a package's rules are read for: its selection start, else the first day of its budget year. */
export const packageDay = (p: { year: number; selectionFrom: string | null }) => p.selectionFrom ?? `${p.year}-01-01`;

/** Why a package breaks the rule, or null: pagu ≤ threshold, not reserved and no reason of ≥ 20 characters. */
export function reservationProblem(
  p: { pagu: number; reservedSmall: boolean; reservationExemptReason: string | null },
  t: Threshold,
): { id: string; en: string } | null {
  if (p.reservedSmall || p.pagu > t.amount) return null;
  if ((p.reservationExemptReason?.trim().length ?? 0) >= MIN_REASON) return null;
  const limit = `Rp${t.amount.toLocaleString('id-ID')}`;
  return {
    id: `Paket dengan pagu ≤ ${limit} dicadangkan untuk usaha mikro/kecil dan koperasi; bila tidak, tulis alasannya (minimal ${MIN_REASON} karakter).`,
    en: `A package with a pagu up to ${limit} is reserved for micro/small businesses and cooperatives; otherwise record why (at least ${MIN_REASON} characters).`,
  };
}

export function reservationError(msg: { id: string; en: string }) {
  return new AppError(422, 'reservation_reason_required', msg, [
    { field: 'body.reservationExemptReason', code: 'reservation_reason_required', message: msg },
  ]);
}
