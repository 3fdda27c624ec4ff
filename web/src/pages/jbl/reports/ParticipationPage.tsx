import { useState } from 'react';
import type { ParticipationRanking, ProvinceTrend } from '../../../../../src/jbl/reports/schema.ts';
import { Page } from '../../../app/Page.tsx';
import { useAreaI18n } from '../../../i18n/area.ts';
import { RequireAbility } from '../../../ui/not-allowed.tsx';
import { LoadStatus, useGet } from '../../../ui/resource.tsx';
import { dayName, type Msg, messages, pct, Scroll } from './shared.tsx';

/**
 * `/jumat-beli-lokal/partisipasi-asn`: the province ranking of agencies by ASN participation in one edition. The
 * Dinas, BPPBJ and auditors see every agency; an agency's officials and ASN see their own row and its place.
 */
export default function ParticipationPage() {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  return (
    <RequireAbility ability="jbl.readsParticipation" title={t('jblr.asn.title')} message={t('jblr.asn.notAllowed')}>
      {() => <RankingView i18n={i18n} />}
    </RequireAbility>
  );
}

function RankingView({ i18n }: { i18n: Msg }) {
  const { t, lang } = i18n;
  const [editionId, setEditionId] = useState<number | null>(null);
  const editions = useGet<ProvinceTrend>('/api/jbl/reports/trend');
  const r = useGet<ParticipationRanking>(`/api/jbl/participation${editionId ? `?editionId=${editionId}` : ''}`);
  const shown = r.status === 'ready' ? r.data.edition : null;
  return (
    <Page title={t('jblr.asn.title')}>
      {editions.status === 'ready' && editions.data.points.length > 0 && (
        <form className="form" onSubmit={(e) => e.preventDefault()}>
          <label className="field">
            <span>{t('jblr.edition')}</span>
            <select
              name="edition"
              value={editionId ?? shown?.id ?? ''}
              onChange={(e) => setEditionId(Number(e.target.value))}
            >
              {[...editions.data.points].reverse().map((p) => (
                <option key={p.edition.id} value={p.edition.id}>
                  {dayName(p.edition.heldOn, lang)} — {p.edition.host.name}
                </option>
              ))}
            </select>
          </label>
        </form>
      )}
      <LoadStatus state={r} onRetry={r.reload} />
      {r.status === 'ready' && <Ranking r={r.data} i18n={i18n} />}
    </Page>
  );
}

function Ranking({ r, i18n }: { r: ParticipationRanking; i18n: Msg }) {
  const { t, lang } = i18n;
  if (!r.edition || r.agencies.length === 0) return <p className="notice">{t('jblr.asn.none')}</p>;
  const target = r.agencies[0]?.target ?? 0;
  return (
    <section aria-labelledby="jblr-ranking">
      <h2 id="jblr-ranking">{t('jblr.asn.ranking')}</h2>
      <p className="muted small">{t('jblr.asn.rankingIntro', { target: i18n.rupiah(target) })}</p>
      <Scroll label={t('jblr.asn.ranking')}>
        <table className="ra-table" data-testid="jbl-asn-ranking">
          <caption>
            {t('jblr.asn.ranking')} — {dayName(r.edition.heldOn, lang)}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('jblr.asn.rank')}
              </th>
              <th scope="col">{t('jblr.asn.agency')}</th>
              <th scope="col" className="num">
                {t('jblr.asn.rate')}
              </th>
              <th scope="col" className="num">
                {t('jblr.asn.buyers')}
              </th>
              <th scope="col" className="num">
                {t('jblr.asn.reached')}
              </th>
              <th scope="col" className="num">
                {t('jblr.asn.spend')}
              </th>
            </tr>
          </thead>
          <tbody>
            {r.agencies.map((a) => (
              <tr key={a.agency.id}>
                <td className="num">{a.rank}</td>
                <th scope="row">
                  <a href={`/jumat-beli-lokal/partisipasi-asn/${a.agency.id}`}>{a.agency.name}</a>
                </th>
                <td className="num">{pct(a.rate, lang)}</td>
                <td className="num">
                  {i18n.num(a.buyers)} / {i18n.num(a.asn)}
                </td>
                <td className="num">{i18n.num(a.reached)}</td>
                <td className="num">{i18n.rupiah(a.spend)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
    </section>
  );
}
