import type { JobOut } from '../../../../src/registry/import/schema.ts';
import { Page } from '../../app/Page.tsx';
import { RequireSession } from '../../app/RequireSession.tsx';
import { Link } from '../../app/router.tsx';
import type { Me } from '../../app/session.ts';
import { useAreaI18n } from '../../i18n/area.ts';
import { useGet } from '../../ui/resource.tsx';
import { messages } from './i18n.ts';
import { can, LoadError, Loading, NotAllowed } from './shared.tsx';

import { PhaseBadge, UploadForm } from './import-parts.tsx';

/** `/admin/impor`: templates, the upload (a dry run starts at once) and the recent jobs to come back to. */
export default function ImportPage() {
  return <RequireSession>{(me) => <ImportHome me={me} />}</RequireSession>;
}

function ImportHome({ me }: { me: Me }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const allowed = can(me, 'registry.imports');
  const jobs = useGet<{ items: JobOut[] }>(allowed ? '/api/registry/import-jobs?limit=20' : null, 'reload');
  if (!allowed)
    return (
      <Page title={t('regadmin.import.title')}>
        <NotAllowed />
      </Page>
    );
  return (
    <Page title={t('regadmin.import.title')}>
      <p className="lead">{t('regadmin.import.intro')}</p>
      <h2>{t('regadmin.import.template')}</h2>
      <p className="actions">
        <a className="button secondary" href="/api/registry/import-template.xlsx" download>
          {t('regadmin.import.templateXlsx')}
        </a>
        <a className="button secondary" href="/api/registry/import-template.csv" download>
          {t('regadmin.import.templateCsv')}
        </a>
      </p>
      <UploadForm heading={t('regadmin.import.upload')} />
      <h2>{t('regadmin.import.jobs')}</h2>
      {jobs.status === 'loading' && <Loading />}
      {jobs.status === 'error' && <LoadError error={jobs.error} onRetry={jobs.reload} />}
      {jobs.status === 'ready' &&
        (jobs.data.items.length === 0 ? (
          <p className="muted">{t('regadmin.import.noJobs')}</p>
        ) : (
          <ul className="items ra-jobs">
            {jobs.data.items.map((j) => (
              <li key={j.id} data-job={j.id}>
                <Link href={`/admin/impor/${j.id}`} className="primary">
                  {t('regadmin.import.job', { id: j.id })}: {j.fileName}
                </Link>
                <span className="secondary">
                  {j.fosteringAgency?.code ?? '—'} · <PhaseBadge phase={j.phase} /> ·{' '}
                  {t('regadmin.import.jobLine', {
                    rows: i18n.num(j.rowsTotal),
                    time: i18n.dateTime(new Date(j.createdAt)),
                  })}
                </span>
              </li>
            ))}
          </ul>
        ))}
    </Page>
  );
}
