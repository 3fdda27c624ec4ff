import type { PackOrder, Packing } from '../../../../../src/jbl/seller/schema.ts';
import { Lines, type SellerI18n } from './parts.tsx';

/**
 * The packing lists: one per kecamatan hub with the paid orders to bring there (number, buyer's first name, lines)
 * and the units to carry, then the orders picked up at the seller's place. It prints alone (the rest of the page is
 * `no-print`); on screen each paid order has its hand-over button.
 */
export function PackingLists({
  packing,
  title,
  i18n,
  busy,
  onHandOver,
}: {
  packing: Packing;
  title: string;
  i18n: SellerI18n;
  busy: string | undefined;
  onHandOver: (number: string) => void;
}) {
  const { t } = i18n;
  const order = (o: PackOrder) => (
    <PackCard key={o.number} o={o} i18n={i18n} busy={busy === o.number} onHandOver={onHandOver} />
  );
  return (
    <section aria-labelledby="jbls-packing" className="jbls-packing">
      <h2 id="jbls-packing">{t('jblSeller.packing.title')}</h2>
      <p className="print-only">{title}</p>
      <button type="button" className="button secondary no-print" onClick={() => window.print()}>
        {t('jblSeller.packing.print')}
      </button>
      {packing.hubs.length === 0 && <p className="muted">{t('jblSeller.packing.empty')}</p>}
      {packing.hubs.map((h) => (
        <section key={h.code} aria-labelledby={`jbls-hub-${h.code}`} className="jbls-hub">
          <h3 id={`jbls-hub-${h.code}`}>
            {t('jblSeller.packing.hub', { hub: h.name })}{' '}
            <span className="muted">({t('jblSeller.packing.units', { n: i18n.num(h.units) })})</span>
          </h3>
          <ul className="proc-cards">{h.orders.map(order)}</ul>
        </section>
      ))}
      <h3>{t('jblSeller.packing.atSeller')}</h3>
      {packing.atSeller.length === 0 ? (
        <p className="muted">{t('jblSeller.packing.atSellerEmpty')}</p>
      ) : (
        <ul className="proc-cards">{packing.atSeller.map(order)}</ul>
      )}
    </section>
  );
}

function PackCard({
  o,
  i18n,
  busy,
  onHandOver,
}: {
  o: PackOrder;
  i18n: SellerI18n;
  busy: boolean;
  onHandOver: (number: string) => void;
}) {
  const { t } = i18n;
  return (
    <li className="proc-card" data-order={o.number} data-status={o.status}>
      <h4 className="jbls-order">
        <code>{o.number}</code>
      </h4>
      <dl>
        <div>
          <dt>{t('jblSeller.buyer')}</dt>
          <dd>{o.buyer}</dd>
        </div>
        <div>
          <dt>{t('jblSeller.total')}</dt>
          <dd>{i18n.rupiah(o.total)}</dd>
        </div>
      </dl>
      <Lines lines={o.lines} i18n={i18n} />
      {o.status === 'handed_over' ? (
        <p className="muted">{t('jblSeller.handedOver', { time: i18n.dateTime(new Date(o.handedOverAt!)) })}</p>
      ) : (
        <button type="button" className="button no-print" disabled={busy} onClick={() => onHandOver(o.number)}>
          {busy ? t('jblSeller.sending') : t('jblSeller.handOver')}
        </button>
      )}
    </li>
  );
}
