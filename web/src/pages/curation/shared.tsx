import { useId } from 'react';
import type { Bilingual } from '../../../../src/platform/schema.ts';
import { Link } from '../../app/router.tsx';
import { can, type Me } from '../../app/session.ts';
import { type AreaI18n, useAreaI18n } from '../../i18n/area.ts';
import { messages } from './i18n.ts';
import type { Channel, SubmissionStatus, SubmissionSummary, WhatsappLink } from './types.ts';

/** Parts shared by the curation pages: who sees what, badges, due dates, the WhatsApp links. */

export type CurationI18n = AreaI18n<keyof typeof messages.id>;

/** The curation pages this account may open, as a short menu at the top of each. */
export function CurationNav({ me }: { me: Me }) {
  const { t } = useAreaI18n(messages);
  const links: [string, string][] = [];
  if (can(me, 'curation.submits')) links.push(['/kurasi', t('curation.nav.owner')]);
  if (can(me, 'curation.worksQueue')) links.push(['/kurasi/antrian', t('curation.nav.queue')]);
  if (can(me, 'curation.managesCalls')) links.push(['/kurasi/panggilan', t('curation.nav.calls')]);
  if (can(me, 'curation.watchesOverdue')) links.push(['/kurasi/terlambat', t('curation.nav.overdue')]);
  links.push(['/notifikasi', t('curation.nav.notifications')]);
  return (
    <nav aria-label={t('curation.nav.label')} className="cur-nav">
      <ul>
        {links.map(([href, label]) => (
          <li key={href}>
            <Link href={href}>{label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const TONE: Record<SubmissionStatus, string> = {
  submitted: 'waiting',
  verified: 'waiting',
  validated: 'waiting',
  returned: 'attention',
  passed: 'good',
  not_passed: 'bad',
};

/** The submission's state in words (the server's), its colour only repeating them. */
export function StatusBadge({ status, label }: { status: SubmissionStatus; label: Bilingual }) {
  const { lang } = useAreaI18n(messages);
  return <span className={`cur-badge cur-${TONE[status]}`}>{label[lang]}</span>;
}

/** "86,5%" / "86.5%": the weighted result, one decimal as the server rounds it. */
export const percentText = (n: number, lang: 'id' | 'en') =>
  `${lang === 'id' ? n.toFixed(1).replace('.', ',') : n.toFixed(1)}%`;

export const channelKey = (c: Channel) => `curation.channel.${c}` as const;

/** "Tenggat 6 Mei 2026", or, past it, "Terlambat 2 hari kerja (tenggat 6 Mei 2026)" in the warning style. */
export function Due({ s, i18n }: { s: Pick<SubmissionSummary, 'dueText' | 'overdueDays'>; i18n: CurationI18n }) {
  const { t, lang } = i18n;
  if (!s.dueText) return null;
  if (s.overdueDays > 0)
    return (
      <span className="cur-overdue" data-overdue={s.overdueDays}>
        {t('curation.due.overdue', { n: i18n.num(s.overdueDays), date: s.dueText[lang] })}
      </span>
    );
  return <span className="cur-due">{t('curation.due.on', { date: s.dueText[lang] })}</span>;
}

/** One line per submission in a worklist: product, business and kecamatan, call, step, due date. */
export function SubmissionItem({ s, i18n, action }: { s: SubmissionSummary; i18n: CurationI18n; action?: string }) {
  const { t, lang } = i18n;
  return (
    <li
      data-submission={s.id}
      data-due={s.dueDate ?? undefined}
      className={s.overdueDays > 0 ? 'cur-item is-overdue' : 'cur-item'}
    >
      <span className="primary">
        <Link href={`/kurasi/pengajuan/${s.id}`}>{s.product.name}</Link>{' '}
        <StatusBadge status={s.status} label={s.statusLabel} />
      </span>
      <span className="secondary">
        {s.umkm.name} · {t('curation.item.district', { name: s.umkm.district.name })}
      </span>
      <span className="secondary">
        {s.call.title[lang]} · {t(channelKey(s.call.channel))}
        {s.round > 1 && ` · ${t('curation.item.round', { n: i18n.num(s.round) })}`}
        {s.grade && ` · ${t('curation.item.grade', { grade: s.grade })}`}
      </span>
      <Due s={s} i18n={i18n} />
      {action && (
        <Link href={`/kurasi/pengajuan/${s.id}`} className="button secondary cur-item-action">
          {action}
        </Link>
      )}
    </li>
  );
}

/**
 * The wa.me links a step's answer carries: the platform sends no WhatsApp itself, so the person who acted opens
 * each link to send the prepared message to the next people.
 */
export function WhatsappLinks({ links }: { links: readonly WhatsappLink[] }) {
  const { t } = useAreaI18n(messages);
  const h = useId();
  if (!links.length) return null;
  return (
    <section className="cur-whatsapp" aria-labelledby={h}>
      <h3 id={h}>{t('curation.whatsapp.title')}</h3>
      <p className="hint">{t('curation.whatsapp.intro')}</p>
      <ul className="link-list">
        {links.map((l) => (
          <li key={l.url}>
            <a href={l.url} target="_blank" rel="noopener noreferrer" className="button secondary cur-wa">
              {t('curation.whatsapp.send', { name: l.recipient })}
              <span className="sr-only"> {t('curation.newWindow')}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
