import { useEffect, useState } from 'react';
import { Link } from '../../app/router.tsx';
import { type AreaI18n, useAreaI18n } from '../../i18n/area.ts';
import { useCart } from './cart.ts';
import { cartHref, type Edition, type Shelf, waShare } from './data.ts';
import { messages } from './i18n.ts';

export type Msg = AreaI18n<keyof typeof messages.id>;
export const useJblI18n = (): Msg => useAreaI18n(messages);

/** What the clock counts down to: the pre-order close, the live session's start, or its end while it runs. */
function countdownTarget(e: Edition, now: number): { label: keyof typeof messages.id; at: string } | null {
  if (e.status === 'live' || (Date.parse(e.liveStartsAt) <= now && now < Date.parse(e.liveEndsAt)))
    return { label: 'jbl.countdown.liveEnds', at: e.liveEndsAt };
  if (now < Date.parse(e.preorderClosesAt)) return { label: 'jbl.countdown.preorder', at: e.preorderClosesAt };
  if (now < Date.parse(e.liveStartsAt)) return { label: 'jbl.countdown.live', at: e.liveStartsAt };
  return null;
}

/**
 * A live countdown: the remaining time is a difference of instants, so the phone's own time zone never matters;
 * the moment itself is said in WIB. The ticking figure is hidden from screen readers (it would chatter); they read
 * the label and the WIB time.
 */
export function Countdown({ edition, i18n }: { edition: Edition; i18n: Msg }) {
  const { t } = i18n;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const target = countdownTarget(edition, now);
  if (!target) return null;
  const left = Math.max(0, Math.floor((Date.parse(target.at) - now) / 1000));
  const days = Math.floor(left / 86_400);
  const pad = (n: number) => String(n).padStart(2, '0');
  const clock = `${pad(Math.floor((left % 86_400) / 3600))}:${pad(Math.floor((left % 3600) / 60))}:${pad(left % 60)}`;
  return (
    <p className="jbl-countdown" data-countdown={target.at}>
      <span>{t(target.label)}</span>{' '}
      <strong aria-hidden="true" className="jbl-clock">
        {days > 0 && `${t('jbl.countdown.days', { n: days })} `}
        {clock}
      </strong>
      <span className="sr-only">
        {t('jbl.countdown.spoken', {
          d: days,
          h: Math.floor((left % 86_400) / 3600),
          m: Math.floor((left % 3600) / 60),
        })}
      </span>{' '}
      <span className="jbl-countdown-at">{t('jbl.countdown.at', { at: i18n.dateTime(new Date(target.at)) })}</span>
    </p>
  );
}

/** The selling state as the shelf says it (null: buying is closed now). */
export function SellingNotice({ selling, i18n }: { selling: Shelf['selling']; i18n: Msg }) {
  const { t } = i18n;
  if (selling === null) return <p className="notice">{t('jbl.selling.none')}</p>;
  return <p className="jbl-selling">{t(selling === 'live' ? 'jbl.selling.live' : 'jbl.selling.preorder')}</p>;
}

/** The cart's link with its count, shown on every storefront page of the edition. */
export function CartLink({ editionId, i18n }: { editionId: number; i18n: Msg }) {
  const lines = useCart(editionId);
  const n = lines.reduce((s, l) => s + l.quantity, 0);
  return (
    <Link href={cartHref(editionId)} className="button secondary jbl-cart-link">
      {i18n.t('jbl.cart.link', { n: i18n.num(n) })}
    </Link>
  );
}

/** A WhatsApp share link (opens wa.me with the text and the address). */
export function WaShare({ text, path, label }: { text: string; path: string; label: string }) {
  return (
    <a className="jbl-wa" href={waShare(text, path)} target="_blank" rel="noopener noreferrer">
      {label}
    </a>
  );
}

/** The edition's facts: its Friday and host, the pre-order window and the live session in WIB. */
export function EditionFacts({ edition: e, i18n }: { edition: Edition; i18n: Msg }) {
  const { t, lang } = i18n;
  return (
    <>
      <p className="jbl-when">
        {t('jbl.edition.heldOn', { date: i18n.date(e.heldOn), host: e.host.name })}
        <br />
        {t('jbl.edition.preorder', { opens: e.wib.preorderOpens[lang], closes: e.wib.preorderCloses[lang] })}
        <br />
        {t('jbl.edition.live', { session: e.wib.liveSession[lang] })}
      </p>
      <Countdown edition={e} i18n={i18n} />
    </>
  );
}
