import type { PackOrder, SellerEdition } from '../../../../../src/jbl/seller/schema.ts';
import type { AreaI18n } from '../../../i18n/area.ts';
import type { messages } from './i18n.ts';

export type SellerI18n = AreaI18n<keyof typeof messages.id>;

/** An order's lines: "2 × Kue Lapis Legit (pcs)". */
export function Lines({ lines, i18n }: { lines: PackOrder['lines']; i18n: SellerI18n }) {
  return (
    <ul className="jbls-lines">
      {lines.map((l) => (
        <li key={l.lineId}>
          <strong>{i18n.num(l.quantity)} ×</strong> {l.name} <span className="muted">({l.unit})</span>
        </li>
      ))}
    </ul>
  );
}

/** Where the buyer picks the order up. */
export const pickupText = (p: SellerEdition['awaiting'][number]['pickup'], i18n: SellerI18n) =>
  p.kind === 'hub'
    ? i18n.t('jblSeller.pickup.hub', { hub: p.hubName ?? p.hubCode ?? '' })
    : i18n.t('jblSeller.pickup.seller');

/** The prepare list: per product, the units paid (and handed over) and those held awaiting payment with the expiry. */
export function PrepareList({ prepare, i18n }: { prepare: SellerEdition['prepare']; i18n: SellerI18n }) {
  const { t } = i18n;
  const units = (n: number, unit: string) => t('jblSeller.prepare.units', { n: i18n.num(n), unit });
  return (
    <section aria-labelledby="jbls-prepare" className="no-print">
      <h2 id="jbls-prepare">{t('jblSeller.prepare.title')}</h2>
      {prepare.every((p) => p.paid + p.awaiting === 0) ? <p className="muted">{t('jblSeller.prepare.empty')}</p> : null}
      <ul className="proc-cards">
        {prepare.map((p) => (
          <li key={p.itemId} className="proc-card" data-item={p.itemId}>
            <h3>
              {p.name}
              <span className="secondary">{p.business}</span>
            </h3>
            <dl>
              <div>
                <dt>{t('jblSeller.prepare.paid')}</dt>
                <dd>
                  <strong>{units(p.paid, p.unit)}</strong>
                </dd>
              </div>
              <div>
                <dt>{t('jblSeller.prepare.handedOver')}</dt>
                <dd>{units(p.handedOver, p.unit)}</dd>
              </div>
              <div>
                <dt>{t('jblSeller.prepare.awaiting')}</dt>
                <dd>
                  {units(p.awaiting, p.unit)}
                  {p.lastHoldExpiresAt && (
                    <span className="secondary">
                      {t('jblSeller.prepare.until', { time: i18n.dateTime(new Date(p.lastHoldExpiresAt)) })}
                    </span>
                  )}
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
