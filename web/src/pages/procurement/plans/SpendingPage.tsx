// `/pengadaan/belanja-luar`: an agency's spending outside the platform — one month entered, or a CSV/XLSX checked
// (preview) and imported; the recorded months below.
import { type FormEvent, useState } from 'react';
import type { AgencyList } from '../../../../../src/procurement/plans/agency-schema.ts';
import type { SpendingList, SpendingPreview } from '../../../../../src/procurement/plans/plan-schema.ts';
import { api, ApiProblem } from '../../../app/api.ts';
import { Page } from '../../../app/Page.tsx';
import { RequireSession } from '../../../app/RequireSession.tsx';
import type { Me } from '../../../app/session.ts';
import { FormAlert, problemText } from '../../../ui/form.tsx';
import { LoadStatus, useGet } from '../../../ui/resource.tsx';
import { mayProc, ProcurementNav } from '../common.tsx';
import { ImportBox } from './ImportBox.tsx';
import { TableBox, usePlansI18n } from './parts.tsx';

export default function SpendingPage() {
  return <RequireSession>{(me) => <Spending me={me} />}</RequireSession>;
}

function Spending({ me }: { me: Me }) {
  const i18n = usePlansI18n();
  const { t } = i18n;
  const reports = mayProc(me, 'reportsOutsideSpending');
  const agencies = useGet<AgencyList>(reports ? '/api/procurement/agencies' : null);
  const list = useGet<SpendingList>(reports ? '/api/procurement/outside-spending' : null);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  if (!reports)
    return (
      <Page title={t('plans.spending.title')}>
        <p className="notice">{t('plans.notAllowed')}</p>
      </Page>
    );

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setFields({});
    try {
      await api(`/api/procurement/agencies/${f.get('agencyId')}/outside-spending`, {
        method: 'PUT',
        body: {
          month: f.get('month'),
          totalAmount: Number(String(f.get('totalAmount')).replace(/\D/g, '')),
          umkAmount: Number(String(f.get('umkAmount') || '0').replace(/\D/g, '')),
        },
      });
      setMsg({ ok: true, text: t('plans.saved') });
      list.reload();
    } catch (err) {
      if (err instanceof ApiProblem)
        setFields(Object.fromEntries(Object.entries(err.fieldErrors()).map(([k, v]) => [k, v[i18n.lang]])));
      setMsg({ ok: false, text: problemText(err, i18n) });
    }
  };

  return (
    <Page title={t('plans.spending.title')}>
      <ProcurementNav me={me} />
      <p className="lead">{t('plans.spending.intro')}</p>
      <h2>{t('plans.spending.entry')}</h2>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <label htmlFor="sp-agency">{t('plans.spending.agency')}</label>
        <select id="sp-agency" name="agencyId" required>
          {agencies.status === 'ready' &&
            agencies.data.items.map((a) => (
              <option key={a.id} value={a.id}>
                {a.code} · {a.name}
              </option>
            ))}
        </select>
        <label htmlFor="sp-month">{t('plans.spending.month')}</label>
        <input id="sp-month" name="month" type="month" required aria-invalid={fields.month ? true : undefined} />
        {fields.month && <p className="field-error">{fields.month}</p>}
        <label htmlFor="sp-total">{t('plans.spending.total')}</label>
        <input id="sp-total" name="totalAmount" inputMode="numeric" required />
        <label htmlFor="sp-umk">{t('plans.spending.umk')}</label>
        <input id="sp-umk" name="umkAmount" inputMode="numeric" aria-invalid={fields.umkAmount ? true : undefined} />
        {fields.umkAmount && <p className="field-error">{fields.umkAmount}</p>}
        <button type="submit" className="button">
          {t('plans.save')}
        </button>
        {msg && (msg.ok ? <p role="status">{msg.text}</p> : <FormAlert>{msg.text}</FormAlert>)}
      </form>

      <h2>{t('plans.spending.import')}</h2>
      <p className="muted">{t('plans.spending.importHint')}</p>
      <ImportBox<SpendingPreview>
        i18n={i18n}
        id="sp-import"
        previewUrl="/api/procurement/outside-spending/import/preview"
        importUrl="/api/procurement/outside-spending/import"
        onDone={list.reload}
      />

      <LoadStatus state={list} onRetry={list.reload} />
      {list.status === 'ready' && (
        <TableBox>
          <table>
            <caption>{t('plans.spending.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.spending.agency')}</th>
                <th scope="col">{t('plans.spending.month')}</th>
                <th scope="col">{t('plans.spending.total')}</th>
                <th scope="col">{t('plans.spending.umk')}</th>
                <th scope="col">{t('plans.spending.source')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((s) => (
                <tr key={`${s.agencyId}-${s.month}`}>
                  <td>{s.agencyCode}</td>
                  <td>{s.month}</td>
                  <td>{i18n.rupiah(s.totalAmount)}</td>
                  <td>{i18n.rupiah(s.umkAmount)}</td>
                  <td>{t(`plans.spending.source.${s.source}` as const)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      )}
    </Page>
  );
}
