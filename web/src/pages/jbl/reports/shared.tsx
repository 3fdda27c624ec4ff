import type { Split } from '../../../../../src/jbl/reports/schema.ts';
import type { AreaI18n } from '../../../i18n/area.ts';
import { messages } from './i18n.ts';

/** Parts the Jumat Beli Lokal report pages share: the share page's chart and scroll box, a date, split cells. */
export { LazyChart } from '../../../ui/chart/LazyChart.tsx';
export { pct, Scroll } from '../../procurement/share/shared.tsx';
export { messages };

export type Msg = AreaI18n<keyof typeof messages.id>;

/** "2026-03-13" → "13 Mar 2026" in the reader's language. */
export function dayName(day: string, lang: 'id' | 'en'): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(lang === 'id' ? 'id-ID' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** The column heads of a split: pre-order and live omzet, then orders, units, omzet in total. */
export function SplitHead({ i18n }: { i18n: Msg }) {
  const { t } = i18n;
  return (
    <>
      <th scope="col" className="num">
        {t('jblr.preorder')}
      </th>
      <th scope="col" className="num">
        {t('jblr.live')}
      </th>
      <th scope="col" className="num">
        {t('jblr.orders')}
      </th>
      <th scope="col" className="num">
        {t('jblr.units')}
      </th>
      <th scope="col" className="num">
        {t('jblr.omzet')}
      </th>
    </>
  );
}

export function SplitCells({ s, i18n }: { s: Split; i18n: Msg }) {
  return (
    <>
      <td className="num">{i18n.rupiah(s.preorder.omzet)}</td>
      <td className="num">{i18n.rupiah(s.live.omzet)}</td>
      <td className="num">{i18n.num(s.total.orders)}</td>
      <td className="num">{i18n.num(s.total.units)}</td>
      <td className="num">{i18n.rupiah(s.total.omzet)}</td>
    </>
  );
}
