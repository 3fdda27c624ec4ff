import { useState } from 'react';
import { api } from '../../../app/api.ts';
import { Page } from '../../../app/Page.tsx';
import { Link } from '../../../app/router.tsx';
import type { Me } from '../../../app/session.ts';
import { useAreaI18n } from '../../../i18n/area.ts';
import { SelectField } from '../../../ui/fields.tsx';
import { LoadStatus, useResource } from '../../../ui/resource.tsx';
import { ProcurementNav, RequireProc } from '../common.tsx';
import { messages } from './i18n.ts';
import { statusKey } from './shared.tsx';
import type { PackageList, PackageStatus } from './types.ts';

const STATUSES: PackageStatus[] = ['ready', 'assigned', 'planned', 'closed'];

/** `/pengadaan/paket`: the official's packages by status, the ones waiting for the viewer marked. */
export default function PackagesPage() {
  const { t } = useAreaI18n(messages);
  return (
    <RequireProc rule="readsAgencyOrders" title={t('buying.packages.title')} message={t('buying.packages.notAllowed')}>
      {(me) => <PackagesView me={me} />}
    </RequireProc>
  );
}

function PackagesView({ me }: { me: Me }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const [status, setStatus] = useState<PackageStatus | ''>('');
  const { state, reload } = useResource(
    () => api<PackageList>(`/api/procurement/buying/packages${status ? `?status=${status}` : ''}`),
    [status],
  );
  return (
    <Page title={t('buying.packages.title')}>
      <ProcurementNav me={me} />
      <p className="lead">{t('buying.packages.intro')}</p>
      <SelectField
        name="status"
        label={t('buying.packages.filter')}
        value={status}
        onChange={(e) => setStatus(e.target.value as PackageStatus | '')}
        options={
          <>
            <option value="">{t('buying.status.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(statusKey(s))}
              </option>
            ))}
          </>
        }
      />
      <LoadStatus state={state} onRetry={reload} />
      {state.status === 'ready' && (
        <>
          <p role="status">
            {state.items.length
              ? t('buying.packages.count', { n: i18n.num(state.items.length) })
              : t('buying.packages.empty')}
          </p>
          <ul className="items pb-list">
            {state.items.map((p) => {
              const mine = p.can.assignPpk || p.can.prepare || p.can.buy;
              return (
                <li key={p.id} data-package={p.id} data-status={p.status}>
                  <Link href={`/pengadaan/paket/${p.id}`} className="primary">
                    {p.name}
                  </Link>
                  <span className="secondary">
                    {t(statusKey(p.status))} · {t('buying.packages.pagu', { amount: i18n.rupiah(p.pagu) })} · RUP{' '}
                    {p.rupCode}
                  </span>
                  {mine && <span className="pb-badge">{t('buying.packages.yourTurn')}</span>}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </Page>
  );
}
