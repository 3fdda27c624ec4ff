// `/pengadaan/instansi`: the agencies (OPD, BUMD) in the caller's scope; the bureau adds agencies and, for the one
// chosen, units, officials (an account linked by email in a role), the yearly goods/services budget and payment
// settings. Officials see their own agency read-only.
import { useState } from 'react';
import type { AgencyDetail, AgencyList } from '../../../../../src/procurement/plans/agency-schema.ts';
import { api } from '../../../app/api.ts';
import { Page } from '../../../app/Page.tsx';
import { RequireSession } from '../../../app/RequireSession.tsx';
import type { Me } from '../../../app/session.ts';
import { LoadStatus, useGet } from '../../../ui/resource.tsx';
import { mayProc, ProcurementNav } from '../common.tsx';
import { Input, MiniForm } from './MiniForm.tsx';
import { TableBox, usePlansI18n } from './parts.tsx';

const ROLES = ['pa_kpa', 'ppk', 'pejabat_pengadaan', 'bendahara'] as const;

export default function AgenciesPage() {
  return <RequireSession>{(me) => <Agencies me={me} />}</RequireSession>;
}

const digits = (s: string) => Number(s.replace(/\D/g, ''));

function Agencies({ me }: { me: Me }) {
  const i18n = usePlansI18n();
  const { t } = i18n;
  const reads = mayProc(me, 'readsAgencyOrders');
  const manages = mayProc(me, 'managesAgencies');
  const list = useGet<AgencyList>(reads ? '/api/procurement/agencies' : null);
  const [openId, setOpenId] = useState<number | null>(null);
  const detail = useGet<AgencyDetail>(openId ? `/api/procurement/agencies/${openId}` : null);
  if (!reads)
    return (
      <Page title={t('plans.agencies.title')}>
        <p className="notice">{t('plans.notAllowed')}</p>
      </Page>
    );
  const saved = (id?: number) => {
    list.reload();
    if (id) setOpenId(id);
    detail.reload();
  };
  const a = detail.status === 'ready' ? detail.data : null;
  const url = (p = '') => `/api/procurement/agencies/${openId}${p}`;
  return (
    <Page title={t('plans.agencies.title')}>
      <ProcurementNav me={me} />
      <p className="lead">{t('plans.agencies.intro')}</p>
      <LoadStatus state={list} onRetry={list.reload} />
      {list.status === 'ready' && (
        <TableBox>
          <table>
            <caption>{t('plans.agencies.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.agencies.code')}</th>
                <th scope="col">{t('plans.agencies.name')}</th>
                <th scope="col">{t('plans.agencies.units')}</th>
                <th scope="col">{t('plans.agencies.officials')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('plans.agencies.open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((x) => (
                <tr key={x.id}>
                  <td>{x.code}</td>
                  <td>{x.name}</td>
                  <td>{x.units}</td>
                  <td>{x.officials}</td>
                  <td>
                    <button type="button" className="button secondary" onClick={() => setOpenId(x.id)}>
                      {t('plans.agencies.open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      )}
      {manages && (
        <MiniForm
          i18n={i18n}
          title={t('plans.agencies.new')}
          send={async (f) => {
            const out = await api<{ id: number }>('/api/procurement/agencies', {
              method: 'POST',
              body: { code: f('code'), name: f('name'), kind: f('kind'), regionCode: f('regionCode') || null },
            });
            saved(out.id);
          }}
        >
          {(err) => (
            <>
              <Input id="ag-code" name="code" label={t('plans.agencies.code')} err={err.code} required />
              <Input id="ag-name" name="name" label={t('plans.agencies.name')} err={err.name} required />
              <label htmlFor="ag-kind">{t('plans.agencies.kind')}</label>
              <select id="ag-kind" name="kind">
                <option value="opd">OPD</option>
                <option value="bumd">BUMD</option>
              </select>
              <Input
                id="ag-region"
                name="regionCode"
                label={t('plans.agencies.kota')}
                err={err.regionCode}
                inputMode="numeric"
              />
            </>
          )}
        </MiniForm>
      )}
      {openId && <LoadStatus state={detail} onRetry={detail.reload} />}
      {a && (
        <section aria-labelledby="ag-detail">
          <h2 id="ag-detail">
            {a.code} · {a.name}
          </h2>
          <p>
            {t('plans.agencies.sla')}: {a.effectiveSlaDays} · {t(`plans.agencies.basis.${a.paymentDaysBasis}` as const)}
          </p>
          <h3>{t('plans.agencies.units')}</h3>
          <ul>
            {a.unitList.map((u) => (
              <li key={u.id}>
                {u.code} · {u.name}
              </li>
            ))}
          </ul>
          <h3>{t('plans.agencies.officials')}</h3>
          <ul>
            {a.officialList.map((o) => (
              <li key={`${o.accountId}-${o.role}`}>
                {o.name} · {t(`plans.role.${o.role}` as const)} · {o.email}
              </li>
            ))}
          </ul>
          <h3>{t('plans.agencies.budget')}</h3>
          <ul>
            {a.budgets.map((b) => (
              <li key={b.year}>
                {b.year}: {i18n.rupiah(b.goodsServicesBudget)}
              </li>
            ))}
          </ul>
          {manages && (
            <>
              <MiniForm
                i18n={i18n}
                title={t('plans.agencies.unitNew')}
                send={async (f) => {
                  await api(url('/units'), { method: 'POST', body: { code: f('code'), name: f('name') } });
                  saved();
                }}
              >
                {(err) => (
                  <>
                    <Input id="un-code" name="code" label={t('plans.agencies.unitCode')} err={err.code} required />
                    <Input id="un-name" name="name" label={t('plans.agencies.unitName')} err={err.name} required />
                  </>
                )}
              </MiniForm>
              <MiniForm
                i18n={i18n}
                title={t('plans.agencies.officialNew')}
                send={async (f) => {
                  await api(url('/officials'), {
                    method: 'PUT',
                    body: {
                      email: f('email'),
                      role: f('role'),
                      name: f('name'),
                      nip: f('nip') || null,
                      unitId: f('unitId') ? Number(f('unitId')) : null,
                    },
                  });
                  saved();
                }}
              >
                {(err) => (
                  <>
                    <Input
                      id="of-email"
                      name="email"
                      type="email"
                      label={t('plans.agencies.email')}
                      err={err.email}
                      required
                    />
                    <label htmlFor="of-role">{t('plans.agencies.role')}</label>
                    <select id="of-role" name="role">
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t(`plans.role.${r}` as const)}
                        </option>
                      ))}
                    </select>
                    <Input id="of-name" name="name" label={t('plans.agencies.officialName')} err={err.name} required />
                    <Input id="of-nip" name="nip" label={t('plans.agencies.nip')} err={err.nip} inputMode="numeric" />
                    <label htmlFor="of-unit">{t('plans.agencies.units')}</label>
                    <select id="of-unit" name="unitId">
                      <option value="">—</option>
                      {a.unitList.map((u) => (
                        <option key={u.id} value={u.id}>
                          {u.name}
                        </option>
                      ))}
                    </select>
                  </>
                )}
              </MiniForm>
              <MiniForm
                i18n={i18n}
                title={t('plans.agencies.budget')}
                send={async (f) => {
                  await api(url('/budget'), {
                    method: 'PUT',
                    body: { year: digits(f('year')), goodsServicesBudget: digits(f('amount')) },
                  });
                  saved();
                }}
              >
                {(err) => (
                  <>
                    <Input
                      id="bu-year"
                      name="year"
                      label={t('plans.agencies.year')}
                      err={err.year}
                      inputMode="numeric"
                      required
                    />
                    <Input
                      id="bu-amount"
                      name="amount"
                      label={t('plans.agencies.amount')}
                      err={err.goodsServicesBudget}
                      inputMode="numeric"
                      required
                    />
                  </>
                )}
              </MiniForm>
              <MiniForm
                i18n={i18n}
                title={t('plans.agencies.payment')}
                send={async (f) => {
                  await api(url(), {
                    method: 'PATCH',
                    body: { paymentSlaDays: f('sla') ? digits(f('sla')) : null, paymentDaysBasis: f('basis') },
                  });
                  saved();
                }}
              >
                {(err) => (
                  <>
                    <Input
                      id="pay-sla"
                      name="sla"
                      label={t('plans.agencies.sla')}
                      err={err.paymentSlaDays}
                      inputMode="numeric"
                    />
                    <label htmlFor="pay-basis">{t('plans.agencies.basis')}</label>
                    <select id="pay-basis" name="basis" defaultValue={a.paymentDaysBasis}>
                      <option value="calendar">{t('plans.agencies.basis.calendar')}</option>
                      <option value="working">{t('plans.agencies.basis.working')}</option>
                    </select>
                  </>
                )}
              </MiniForm>
            </>
          )}
        </section>
      )}
    </Page>
  );
}
