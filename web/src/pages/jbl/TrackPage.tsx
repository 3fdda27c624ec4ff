import { useEffect, useState } from 'react';
import { localParts } from '../../../../src/platform/time.ts';
import { ApiProblem, api } from '../../app/api.ts';
import { Page } from '../../app/Page.tsx';
import type { PageProps } from '../../app/routes.ts';
import { Link } from '../../app/router.tsx';
import { LoadStatus, useResource } from '../../ui/resource.tsx';
import { BASE, type OrderView, rejectNotFound, trackHref, waShare } from './data.ts';
import { type Msg, useJblI18n } from './parts.tsx';

type Child = OrderView['children'][number];
const POLL_MS = 10_000;

/**
 * `/jumat-beli-lokal/pesanan/:token`: the order by its secret link (no account needed). Each seller's part with its
 * status, pickup place and, while unpaid, the QRIS to scan with the amount, the order number and the deadline.
 * While any part awaits payment the page asks again every 10 s, so a seller's confirmation shows by itself.
 */
export default function TrackPage({ params }: PageProps) {
  const i18n = useJblI18n();
  const { t } = i18n;
  const token = params.token ?? '';
  const { state, reload } = useResource(
    () =>
      /^[A-Za-z0-9_-]{22}$/.test(token)
        ? api<OrderView>(`/api/jbl/orders/track/${token}`).then((order) => ({ order }))
        : rejectNotFound(),
    [token],
    { keep: 'reload' },
  );
  const order = state.status === 'ready' ? state.order : null;
  const waiting = !!order?.children.some((c) => c.status === 'awaiting_payment');
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [waiting, reload]);
  const notFound = state.status === 'error' && state.error instanceof ApiProblem && state.error.status === 404;
  return (
    <Page title={order ? t('jbl.track.title', { number: order.number }) : t('jbl.title')}>
      {notFound ? <p className="notice">{t('jbl.track.notFound')}</p> : <LoadStatus state={state} onRetry={reload} />}
      {order && <Order order={order} waiting={waiting} i18n={i18n} />}
      <p>
        <Link href={BASE}>{t('jbl.track.more')}</Link>
      </p>
    </Page>
  );
}

function Order({ order: o, waiting, i18n }: { order: OrderView; waiting: boolean; i18n: Msg }) {
  const { t } = i18n;
  return (
    <>
      <p>
        {t('jbl.track.edition', { host: o.edition.host, date: i18n.date(o.edition.heldOn) })}
        <br />
        {t('jbl.track.buyer', { name: o.buyer.name })}
        <br />
        <strong>{t('jbl.track.total', { total: i18n.rupiah(o.total) })}</strong>
      </p>
      <KeepLink order={o} i18n={i18n} />
      {waiting && <p className="muted small">{t('jbl.track.refreshing')}</p>}
      {o.children.map((c) => (
        <ChildPart key={c.number} child={c} i18n={i18n} />
      ))}
    </>
  );
}

function KeepLink({ order: o, i18n }: { order: OrderView; i18n: Msg }) {
  const { t } = i18n;
  const [copied, setCopied] = useState(false);
  const path = trackHref(o.trackingToken);
  const url = `${location.origin}${path}`;
  const copy = () =>
    navigator.clipboard?.writeText(url).then(
      () => setCopied(true),
      () => undefined,
    );
  return (
    <div className="jbl-keep">
      <p>
        {t('jbl.track.keep')}
        <br />
        <a href={path} className="jbl-url">
          {url}
        </a>
      </p>
      <p className="jbl-actions">
        <button type="button" className="button secondary" onClick={copy}>
          {t('jbl.track.copy')}
        </button>
        <a
          className="jbl-wa"
          href={waShare(t('jbl.track.shareText', { number: o.number }), path)}
          target="_blank"
          rel="noopener noreferrer"
        >
          {t('jbl.track.shareWa')}
        </a>
      </p>
      <p role="status" className="jbl-said">
        {copied ? t('jbl.track.copied') : ''}
      </p>
    </div>
  );
}

function ChildPart({ child: c, i18n }: { child: Child; i18n: Msg }) {
  const { t } = i18n;
  const amount = i18n.rupiah(c.total);
  return (
    <section className="jbl-part" data-child={c.number} data-status={c.status} aria-labelledby={`jbl-part-${c.number}`}>
      <h2 id={`jbl-part-${c.number}`}>{t('jbl.track.part', { seller: c.seller.name })}</h2>
      <p>
        {t('jbl.track.number', { number: c.number })}
        <br />
        <strong className={`jbl-status jbl-status-${c.status}`}>{t(`jbl.status.${c.status}`)}</strong>
        <br />
        {t('jbl.track.pickup', { place: c.pickup.place })}
      </p>
      {c.payment && (
        <div className="jbl-pay">
          <p className="jbl-pay-amount">{t('jbl.track.pay', { amount })}</p>
          <div
            className="jbl-qr"
            role="img"
            aria-label={t('jbl.track.qr', { amount, seller: c.seller.name, number: c.number })}
            // The SVG is the server's own QR image of the QRIS payload, not user input.
            // biome-ignore lint/security/noDangerouslySetInnerHtml: server-made QR SVG
            dangerouslySetInnerHTML={{ __html: c.payment.svg }}
          />
          <p className="jbl-pay-number">{c.number}</p>
          <p className="jbl-deadline">
            <strong>{t('jbl.track.payBefore', { time: hhmm(c.payment.holdExpiresAt, i18n.lang) })}</strong>
          </p>
          <p className="muted small">{t(`jbl.track.paidTo.${c.payment.paidTo}`)}</p>
        </div>
      )}
      <h3>{t('jbl.track.lines')}</h3>
      <ul className="jbl-lines">
        {c.lines.map((l) => (
          <li key={l.name}>
            <span className="jbl-line-name">
              {i18n.num(l.quantity)} × {l.name}
            </span>
            <span>{i18n.rupiah(l.amount)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** `14.05` (id) or `14:05` (en), in Jakarta time whatever the phone's zone. */
function hhmm(iso: string, lang: 'id' | 'en'): string {
  const { time } = localParts(new Date(iso));
  return lang === 'id' ? time.replace(':', '.') : time;
}
