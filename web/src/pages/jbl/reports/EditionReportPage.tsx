import type { EditionReport, Slice } from '../../../../../src/jbl/reports/schema.ts';
import type { PageProps } from '../../../app/routes.ts';
import { Page } from '../../../app/Page.tsx';
import { useAreaI18n } from '../../../i18n/area.ts';
import { RequireAbility } from '../../../ui/not-allowed.tsx';
import { LoadStatus, useGet } from '../../../ui/resource.tsx';
import { dayName, type Msg, messages, Scroll, SplitCells, SplitHead } from './shared.tsx';

/**
 * `/jumat-beli-lokal/laporan/:editionId` (the Dinas, auditors): one edition's orders, units and omzet, pre-order vs
 * live, by the seller's kota and kecamatan, by category and by seller, with the XLSX of all of it.
 */
export default function EditionReportPage({ params }: PageProps) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  return (
    <RequireAbility ability="jbl.readsReports" title={t('jblr.report')} message={t('jblr.report.notAllowed')}>
      {() => <ReportView editionId={Number(params.editionId)} i18n={i18n} />}
    </RequireAbility>
  );
}

function ReportView({ editionId, i18n }: { editionId: number; i18n: Msg }) {
  const { t, lang } = i18n;
  const r = useGet<EditionReport>(`/api/jbl/reports/editions/${editionId}`);
  const title =
    r.status === 'ready' ? t('jblr.report.title', { date: dayName(r.data.edition.heldOn, lang) }) : t('jblr.report');
  return (
    <Page title={title}>
      <p>
        <a href="/jumat-beli-lokal/omzet">{t('jblr.trend.title')}</a>
      </p>
      <LoadStatus state={r} onRetry={r.reload} />
      {r.status === 'ready' && (
        <>
          <p>
            {t('jblr.host')}: {r.data.edition.host.name} ·{' '}
            <a className="button secondary" href={`/api/jbl/reports/editions/${editionId}/export.xlsx`} download>
              {t('jblr.report.xlsx')}
            </a>
          </p>
          <Totals r={r.data} i18n={i18n} />
          <Slices title={t('jblr.byKota')} rows={r.data.byKota} i18n={i18n} id="kota" />
          <Slices title={t('jblr.byKecamatan')} rows={r.data.byKecamatan} i18n={i18n} id="kecamatan" />
          <Slices title={t('jblr.byCategory')} rows={r.data.byCategory} i18n={i18n} id="category">
            <p className="muted small">{t('jblr.categoryNote')}</p>
          </Slices>
          <Slices title={t('jblr.bySeller')} rows={r.data.bySeller} i18n={i18n} id="seller" />
        </>
      )}
    </Page>
  );
}

function Totals({ r, i18n }: { r: EditionReport; i18n: Msg }) {
  const { t } = i18n;
  const rows = [
    ['preorder', t('jblr.preorder'), r.total.preorder],
    ['live', t('jblr.live'), r.total.live],
    ['total', t('jblr.total'), r.total.total],
  ] as const;
  return (
    <Scroll label={t('jblr.total')}>
      <table className="ra-table" data-testid="jbl-edition-total">
        <caption>{t('jblr.total')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('jblr.session')}</th>
            <th scope="col" className="num">
              {t('jblr.orders')}
            </th>
            <th scope="col" className="num">
              {t('jblr.units')}
            </th>
            <th scope="col" className="num">
              {t('jblr.omzet')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([k, label, c]) => (
            <tr key={k}>
              <th scope="row">{label}</th>
              <td className="num">{i18n.num(c.orders)}</td>
              <td className="num">{i18n.num(c.units)}</td>
              <td className="num">{i18n.rupiah(c.omzet)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Scroll>
  );
}

function Slices({
  title,
  rows,
  i18n,
  id,
  children,
}: {
  title: string;
  rows: Slice[];
  i18n: Msg;
  id: string;
  children?: React.ReactNode;
}) {
  const { t, lang } = i18n;
  return (
    <section aria-labelledby={`jblr-${id}`}>
      <h2 id={`jblr-${id}`}>{title}</h2>
      {children}
      <Scroll label={title}>
        <table className="ra-table" data-testid={`jbl-by-${id}`}>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('jblr.name')}</th>
              <SplitHead i18n={i18n} />
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.key}>
                <th scope="row">{s.name[lang]}</th>
                <SplitCells s={s} i18n={i18n} />
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
    </section>
  );
}
