// Parts the import pages share: the job's phase badge, the upload form, the polling rule.
import { type FormEvent, useRef, useState } from 'react';
import type { Bilingual } from '../../../../src/platform/schema.ts';
import type { JobOut } from '../../../../src/registry/import/schema.ts';
import { ApiProblem, upload } from '../../app/api.ts';
import { navigate } from '../../app/router.tsx';
import { type AreaI18n, useAreaI18n } from '../../i18n/area.ts';
import { Field, FormAlert, focusFirstError, problemText, SubmitButton } from '../../ui/form.tsx';
import { useResource } from '../../ui/load.ts';
import { referenceList } from '../../ui/reference-list.ts';
import { messages } from './i18n.ts';
import { type Agency, itemsOf, SelectField } from './shared.tsx';
import { AgencyOptions } from './filters.tsx';

export type Msg = AreaI18n<keyof typeof messages.id>;
export interface RowError {
  row: number;
  column: string;
  code: string;
  message: Bilingual;
}
export const POLL_MS = 700;
export const running = (j: JobOut) => j.phase === 'checking' || j.phase === 'importing' || j.phase === 'reverting';

export function PhaseBadge({ phase }: { phase: JobOut['phase'] }) {
  const { t } = useAreaI18n(messages);
  return <span className={`ra-badge ra-phase-${phase}`}>{t(`regadmin.phase.${phase}`)}</span>;
}

/** Pengampu + file → POST import-jobs (multipart) → the job's page, where the dry run's progress shows. */
export function UploadForm({ heading, agencyId }: { heading: string; agencyId?: number }) {
  const i18n = useAreaI18n(messages);
  const { t, lang } = i18n;
  const agencies = itemsOf(useResource(...referenceList<Agency>('/api/registry/fostering-agencies')));
  const form = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ agency?: Bilingual; file?: Bilingual }>({});
  const [alert, setAlert] = useState<unknown>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const agency = String(data.get('agency') ?? '');
    const file = data.get('file');
    const local: typeof errors = {};
    if (!agency) local.agency = i18n.msg('regadmin.import.chooseAgencyFirst');
    if (!(file instanceof File) || file.size === 0) local.file = i18n.msg('regadmin.import.chooseFile');
    setErrors(local);
    setAlert(null);
    if (Object.keys(local).length) return focusFirstError(form.current);
    const body = new FormData();
    body.set('file', file as File);
    setBusy(true);
    try {
      const job = await upload<JobOut>(`/api/registry/import-jobs?fosteringAgencyId=${agency}`, body);
      navigate(`/admin/impor/${job.id}`);
    } catch (err) {
      // The server's refusal of the file (type, size, unreadable) belongs next to the file field.
      const fields = err instanceof ApiProblem ? err.fieldErrors() : {};
      if (fields['querystring.fosteringAgencyId']) setErrors({ agency: fields['querystring.fosteringAgencyId'] });
      else if (err instanceof ApiProblem && err.bilingual && err.status !== 0 && err.status < 500)
        setErrors({ file: err.bilingual });
      else setAlert(err);
      focusFirstError(form.current);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="import-upload">
      <h2 id="import-upload">{heading}</h2>
      <form ref={form} className="form ra-form" noValidate onSubmit={submit} aria-labelledby="import-upload">
        <FormAlert>{alert ? problemText(alert, i18n) : null}</FormAlert>
        <SelectField
          name="agency"
          label={t('regadmin.agency')}
          hint={t('regadmin.import.agencyHint')}
          error={errors.agency?.[lang]}
          defaultValue={agencyId ? String(agencyId) : ''}
          key={agencies.length}
        >
          <option value="">{t('regadmin.import.chooseAgency')}</option>
          <AgencyOptions agencies={agencies} />
        </SelectField>
        <Field
          name="file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          label={t('regadmin.import.file')}
          hint={t('regadmin.import.fileHint')}
          error={errors.file?.[lang]}
        />
        <SubmitButton busy={busy} busyText={t('regadmin.import.uploading')}>
          {t('regadmin.import.check')}
        </SubmitButton>
      </form>
    </section>
  );
}
