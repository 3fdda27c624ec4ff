// Whether an edition sells now, and as what: pre-orders while it is open and before the window closes (Thursday
// 20:00 WIB by default), the live session once the admin has started it. The instants are stored UTC, so the
// server's time zone never matters.
import { AppError, notFound } from '../../platform/http/problem.ts';
import { formatWib } from '../../platform/time.ts';

export type Selling = 'preorder' | 'live';

export interface SellingEdition {
  status: string;
  preorder_opens_at: Date | string;
  preorder_closes_at: Date | string;
}

/** What a checkout at `now` would be, or null when the edition does not sell. */
export function sellingAt(e: SellingEdition, now: Date): Selling | null {
  if (e.status === 'live') return 'live';
  const t = now.getTime();
  if (
    e.status === 'open' &&
    t >= new Date(e.preorder_opens_at).getTime() &&
    t < new Date(e.preorder_closes_at).getTime()
  )
    return 'preorder';
  return null;
}

export const editionNotFound = () => notFound({ id: 'Edisi tidak ditemukan.', en: 'Edition not found.' });

/** The 409 for an edition that does not sell at `now`, saying when it does (or that it has ended). */
export function notSelling(e: SellingEdition & { live_starts_at: Date | string }, now: Date): AppError {
  const before = e.status === 'open' && now < new Date(e.preorder_opens_at);
  const closedPreorder = e.status === 'open';
  const at = (d: Date | string, l: 'id' | 'en') => formatWib(new Date(d), l);
  return new AppError(
    409,
    'edition_not_selling',
    before
      ? {
          id: `Pre-order dibuka ${at(e.preorder_opens_at, 'id')}.`,
          en: `Pre-orders open ${at(e.preorder_opens_at, 'en')}.`,
        }
      : closedPreorder
        ? {
            id: `Pre-order sudah ditutup. Belanja lagi saat sesi langsung ${at(e.live_starts_at, 'id')}.`,
            en: `Pre-orders have closed. Shop again at the live session, ${at(e.live_starts_at, 'en')}.`,
          }
        : { id: 'Edisi ini sudah selesai.', en: 'This edition has ended.' },
  );
}
