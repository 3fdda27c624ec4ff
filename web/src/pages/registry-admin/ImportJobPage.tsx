import { useCallback, useEffect, useState } from 'react';
import type { JobOut } from '../../../../src/registry/import/schema.ts';
import { ApiProblem, api } from '../../app/api.ts';
import { Page } from '../../app/Page.tsx';
import type { PageProps } from '../../app/routes.ts';
import { RequireSession } from '../../app/RequireSession.tsx';
import { Link } from '../../app/router.tsx';
import type { Me } from '../../app/session.ts';
import { useAreaI18n } from '../../i18n/area.ts';
import { FormAlert, problemText } from '../../ui/form.tsx';
import { useResource } from '../../ui/load.ts';
import { messages } from './i18n.ts';
import { can, LoadError, Loading, NotAllowed, ScrollBox } from './shared.tsx';

import { type Msg, PhaseBadge, POLL_MS, type RowError, running, UploadForm } from './import-parts.tsx';

/** `/admin/impor/:jobId`: one job — its dry run's progress, the bad rows or the preview, the import and its result. */
export default function ImportJobPage({ params }: PageProps) {
  return <RequireSession>{(me) => <JobView me={me} id={params.jobId ?? ''} />}</RequireSession>;
}

function JobView({ me, id }: { me: Me; id: string }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  if (!can(me, 'registry.imports'))
    return (
      <Page title={t('regadmin.import.title')}>
        <NotAllowed />
      </Page>
    );
  if (!/^\d{1,15}$/.test(id))
    return (
      <Page title={t('regadmin.import.title')}>
        <p className="notice">{t('regadmin.import.notFound')}</p>
      </Page>
    );
  return <Job key={id} id={id} i18n={i18n} />;
}

/** Polls the job while it runs (checking or importing); `restart` polls again once the import (or revert) begins. */
function Job({ id, i18n }: { id: string; i18n: Msg }) {
  const { t } = i18n;
  // keep: a poll's answer replaces the job on screen without a "Memuat…" in between.
  const {
    state: job,
    loading,
    setState,
    reload,
  } = useResource(() => api<JobOut>(`/api/registry/import-jobs/${id}`).then((data) => ({ data })), [id], {
    keep: true,
  });
  useEffect(() => {
    if (job.status !== 'ready' || loading || !running(job.data)) return;
    const timer = setTimeout(reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [job, loading, reload]);
  // A poll already on its way answers for the job as it was: reload() drops it, so it cannot undo the new phase.
  const restart = (started?: JobOut) => {
    if (started) setState({ status: 'ready', data: started });
    reload();
  };
  const notFound = job.status === 'error' && job.error instanceof ApiProblem && job.error.status === 404;
  return (
    <Page title={t('regadmin.import.job', { id })}>
      <p>
        <Link href="/admin/impor">{t('regadmin.import.back')}</Link>
      </p>
      {job.status === 'loading' && <Loading />}
      {notFound && <p className="notice">{t('regadmin.import.notFound')}</p>}
      {job.status === 'error' && !notFound && <LoadError error={job.error} onRetry={restart} />}
      {job.status === 'ready' && <JobBody job={job.data} i18n={i18n} onStarted={restart} />}
    </Page>
  );
}

function JobBody({ job, i18n, onStarted }: { job: JobOut; i18n: Msg; onStarted: (job: JobOut) => void }) {
  const { t, lang } = i18n;
  const total = i18n.num(job.rowsTotal);
  return (
    <div className="ra-job" data-phase={job.phase}>
      <p>
        {t('regadmin.import.fileOf', {
          file: job.fileName,
          agency: job.fosteringAgency ? `${job.fosteringAgency.code} — ${job.fosteringAgency.name}` : '—',
        })}
      </p>
      <p role="status" className="ra-phase">
        <PhaseBadge phase={job.phase} />
      </p>
      {job.phase === 'checking' && (
        <Progress
          job={job}
          text={
            job.rowsTotal
              ? t('regadmin.import.checking', { done: i18n.num(job.rowsDone), total })
              : t('regadmin.import.checkingStart')
          }
        />
      )}
      {job.phase === 'importing' && (
        <Progress job={job} text={t('regadmin.import.importing', { done: i18n.num(job.rowsDone), total })} />
      )}
      {job.phase === 'reverting' && (
        <Progress job={job} text={t('regadmin.import.reverting', { done: i18n.num(job.rowsDone) })} />
      )}
      {job.phase === 'reverted' && <p className="notice">{t('regadmin.import.reverted')}</p>}
      {job.canRevert && <Revert job={job} i18n={i18n} onStarted={onStarted} />}
      {job.phase === 'has_errors' && (
        <>
          <p className="notice error">{t('regadmin.import.badRows', { bad: i18n.num(job.rowsBad), total })}</p>
          <RowErrors job={job} i18n={i18n} />
          <UploadForm heading={t('regadmin.import.uploadFixed')} agencyId={job.fosteringAgency?.id} />
        </>
      )}
      {job.phase === 'ready' && job.preview && <Confirm job={job} i18n={i18n} onStarted={onStarted} />}
      {job.phase === 'imported' && (
        <>
          <p className="notice">{t('regadmin.import.done', { total })}</p>
          <dl className="tiles">
            <div className="tile" data-figure="new">
              <dt>{t('regadmin.import.resultNew')}</dt>
              <dd>{i18n.num(job.rowsNew)}</dd>
            </div>
            <div className="tile" data-figure="linked">
              <dt>{t('regadmin.import.resultLinked')}</dt>
              <dd>{i18n.num(job.rowsLinked)}</dd>
            </div>
            <div className="tile" data-figure="unchanged">
              <dt>{t('regadmin.import.resultUnchanged')}</dt>
              <dd>{i18n.num(job.rowsUnchanged)}</dd>
            </div>
          </dl>
        </>
      )}
      {job.phase === 'failed' && (
        <>
          <div role="alert" className="notice error">
            <p>{t('regadmin.import.failed', { message: job.message ? job.message[lang] : t('error.unknown') })}</p>
          </div>
          {job.canImport ? (
            <Confirm job={job} i18n={i18n} onStarted={onStarted} retry />
          ) : (
            <UploadForm heading={t('regadmin.import.uploadFixed')} agencyId={job.fosteringAgency?.id} />
          )}
        </>
      )}
    </div>
  );
}

/** The bar while the job runs: a native progress element, named by the line of text under it. */
function Progress({ job, text }: { job: JobOut; text: string }) {
  const { t } = useAreaI18n(messages);
  return (
    <div className="ra-progress">
      <label htmlFor={`progress-${job.id}`}>{t('regadmin.import.progress')}</label>
      {job.rowsTotal ? (
        <progress
          id={`progress-${job.id}`}
          max={job.rowsTotal}
          value={job.rowsDone}
          aria-describedby={`progress-text-${job.id}`}
        />
      ) : (
        <progress id={`progress-${job.id}`} aria-describedby={`progress-text-${job.id}`} />
      )}
      <p id={`progress-text-${job.id}`} className="muted">
        {text}
      </p>
    </div>
  );
}

function RowErrors({ job, i18n }: { job: JobOut; i18n: Msg }) {
  const { t, lang } = i18n;
  const [items, setItems] = useState<RowError[]>([]);
  const [next, setNext] = useState<number | null | undefined>(undefined); // undefined: first page not yet loaded
  const [state, setState] = useState<{ busy: boolean; error?: unknown }>({ busy: true });
  const load = useCallback(
    (after: number) => {
      setState({ busy: true });
      api<{ items: RowError[]; nextAfterRow: number | null }>(
        `/api/registry/import-jobs/${job.id}/errors?afterRow=${after}&limit=100`,
      ).then(
        (r) => {
          setItems((xs) => (after === 0 ? r.items : [...xs, ...r.items]));
          setNext(r.nextAfterRow);
          setState({ busy: false });
        },
        (error: unknown) => setState({ busy: false, error }),
      );
    },
    [job.id],
  );
  useEffect(() => load(0), [load]);
  return (
    <section aria-labelledby="import-errors">
      <h2 id="import-errors">{t('regadmin.import.errors')}</h2>
      <p className="actions">
        <a className="button secondary" href={`/api/registry/import-jobs/${job.id}/errors.csv`} download>
          {t('regadmin.import.reportCsv')}
        </a>
        <a className="button secondary" href={`/api/registry/import-jobs/${job.id}/errors.xlsx`} download>
          {t('regadmin.import.reportXlsx')}
        </a>
      </p>
      {items.length > 0 && (
        <ScrollBox label={t('regadmin.import.errors')} hint={false}>
          <table className="ra-table ra-errors" data-testid="import-errors">
            <caption className="sr-only">{t('regadmin.import.errors')}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('regadmin.import.col.row')}
                </th>
                <th scope="col">{t('regadmin.import.col.column')}</th>
                <th scope="col">{t('regadmin.import.col.message')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: entries may repeat; the list is replaced whole, never reordered
                <tr key={`${e.row}-${e.column}-${i}`} data-row={e.row} data-column={e.column}>
                  <td className="num">{i18n.num(e.row)}</td>
                  <td>
                    <code>{e.column}</code>
                  </td>
                  <td>{e.message[lang]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      {state.busy && <Loading />}
      {state.error !== undefined && <LoadError error={state.error} onRetry={() => load(items.at(-1)?.row ?? 0)} />}
      {!state.busy && next != null && (
        <button type="button" className="button secondary" onClick={() => load(next)}>
          {t('regadmin.import.moreErrors')}
        </button>
      )}
    </section>
  );
}

/** The preview of a clean file and the confirmation, which repeats the row count the admin saw. */
/** An import that runs, was interrupted, or failed part-way can be undone: its members are removed again. */
function Revert({ job, i18n, onStarted }: { job: JobOut; i18n: Msg; onStarted: (job: JobOut) => void }) {
  const { t } = i18n;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function start() {
    setBusy(true);
    setError(null);
    try {
      onStarted(await api<JobOut>(`/api/registry/import-jobs/${job.id}/revert`, { method: 'POST' }));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }
  return (
    <section className="ra-revert">
      <p className="muted">{t('regadmin.import.revertHint', { done: i18n.num(job.rowsNew) })}</p>
      <FormAlert>{error ? problemText(error, i18n) : null}</FormAlert>
      <button type="button" className="button secondary" disabled={busy} onClick={start}>
        {t('regadmin.import.revert')}
      </button>
    </section>
  );
}

function Confirm({
  job,
  i18n,
  onStarted,
  retry = false,
}: {
  job: JobOut;
  i18n: Msg;
  onStarted: (job: JobOut) => void;
  retry?: boolean;
}) {
  const { t } = i18n;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function start() {
    setBusy(true);
    setError(null);
    try {
      onStarted(
        await api<JobOut>(`/api/registry/import-jobs/${job.id}/import`, {
          method: 'POST',
          body: { rowsTotal: job.rowsTotal },
        }),
      );
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="import-preview">
      <h2 id="import-preview">{t('regadmin.import.ready', { total: i18n.num(job.rowsTotal) })}</h2>
      {job.preview && (
        <dl className="tiles">
          <div className="tile" data-figure="new">
            <dt>{t('regadmin.import.previewNew')}</dt>
            <dd>{i18n.num(job.preview.create)}</dd>
          </div>
          <div className="tile" data-figure="link">
            <dt>{t('regadmin.import.previewLink')}</dt>
            <dd>{i18n.num(job.preview.link)}</dd>
          </div>
          <div className="tile" data-figure="unchanged">
            <dt>{t('regadmin.import.previewUnchanged')}</dt>
            <dd>{i18n.num(job.preview.unchanged)}</dd>
          </div>
        </dl>
      )}
      <p className="muted">{t('regadmin.import.confirmHint')}</p>
      <FormAlert>{error ? problemText(error, i18n) : null}</FormAlert>
      <button type="button" className="button" disabled={busy} onClick={start}>
        {busy
          ? t('regadmin.import.starting')
          : retry
            ? t('regadmin.import.retryImport')
            : t('regadmin.import.confirm', { total: i18n.num(job.rowsTotal) })}
      </button>
    </section>
  );
}
