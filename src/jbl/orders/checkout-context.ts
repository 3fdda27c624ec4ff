// Everything a checkout reads before it holds stock, in ONE round trip (the storm bench showed the round trips, not
// the work, bounding orders per second): the edition and whether it sells now, whether the pickup hub is in its host
// kota, the hold time and the aggregator merchant in effect (WIB date), and whom each seller of the cart is paid
// through. A line-up item's seller never changes, so reading them before the items are locked is safe.
import type { Tx } from '../../platform/db/types.ts';
import type { QrisMerchant } from '../../platform/qris/encode-qris.ts';
import { localDate } from '../../platform/time.ts';
import { MERCHANT_COLUMNS, type MerchantRow, type Merchants, merchantsFrom } from './merchants.ts';
import { editionNotFound, type Selling, type SellingEdition, notSelling, sellingAt } from './selling.ts';

export interface CheckoutContext {
  friday: string;
  hostCode: string;
  selling: Selling;
  hubInHost: boolean;
  holdMinutes: number;
  merchants: Merchants;
  /** The parent order's id, drawn now so its number is known to the QRIS payloads (a 409 leaves a gap). */
  orderId: number;
}

type EditionJson = SellingEdition & { friday: string; host_region_code: string; live_starts_at: string };

const setting = (key: string) =>
  `(select value from setting where key = '${key}' and effective_from <= $4::date order by effective_from desc limit 1)`;

/** The checkout's context; a 404 for an unpublished edition, a 409 when it does not sell at `now`. */
export async function checkoutContext(
  tx: Tx,
  editionId: number,
  itemIds: number[],
  hubCode: string | null,
  now: Date,
): Promise<CheckoutContext> {
  const [row] = await tx.query<{
    edition: EditionJson | null;
    hub_in_host: boolean;
    hold_minutes: number | null;
    aggregator: QrisMerchant | null;
    sellers: MerchantRow[] | null;
    order_id: number;
  }>(
    `with e as (select status, friday::text as friday, host_region_code, preorder_opens_at, preorder_closes_at, live_starts_at
                  from jbl_edition where id = $1 and status <> 'planned')
     select (select row_to_json(e) from e) as edition,
            exists (select 1 from region r join e on r.parent_code = e.host_region_code
                     where r.code = $3 and r.level = 'district') as hub_in_host,
            ${setting('jbl.hold_minutes')} as hold_minutes,
            ${setting('jbl.aggregator_merchant')} as aggregator,
            (select json_agg(s) from (
               select ${MERCHANT_COLUMNS}
                 from umkm u left join umkm_qris_merchant m on m.umkm_id = u.id
                where u.id in (select umkm_id from jbl_lineup_item where id = any($2::int8[]) and edition_id = $1)) s) as sellers,
            nextval(pg_get_serial_sequence('jbl_order', 'id')) as order_id`,
    [editionId, itemIds, hubCode, localDate(now)],
    { prepare: true },
  );
  const e = row?.edition;
  if (!e) throw editionNotFound();
  const selling = sellingAt(e, now);
  if (!selling) throw notSelling(e, now);
  return {
    friday: e.friday,
    hostCode: e.host_region_code,
    selling,
    hubInHost: row.hub_in_host,
    holdMinutes: Number(row.hold_minutes ?? 15),
    merchants: merchantsFrom(row.sellers ?? [], row.aggregator),
    orderId: Number(row.order_id),
  };
}
