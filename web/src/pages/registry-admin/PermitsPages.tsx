import { type FormEvent, useRef, useState } from 'react';
import type { Bilingual } from '../../../../src/platform/schema.ts';
import { ApiProblem, upload } from '../../app/api.ts';
import { Page } from '../../app/Page.tsx';
import type { PageProps } from '../../app/routes.ts';
import { RequireSession } from '../../app/RequireSession.tsx';
import { Link } from '../../app/router.tsx';
import type { Me } from '../../app/session.ts';
import { type AreaI18n, useAreaI18n } from '../../i18n/area.ts';
import { Field, FormAlert, focusFirstError, problemText, SubmitButton } from '../../ui/form.tsx';
import { fileSize } from './format.ts';
import { useGet } from '../../ui/resource.tsx';
import { messages } from './i18n.ts';
import { can, LoadError, Loading, NotAllowed, SelectField, useSearchState } from './shared.tsx';

const KINDS = ['nib', 'pirt', 'halal', 'haki', 'bpom', 'other'] as const;
type Kind = (typeof KINDS)[number];
type Status = 'no_expiry' | 'expired' | 'expiring' | 'valid';
export interface Permit {
  id: number;
  umkmId: number;
  kind: Kind;
  kindLabel: Bilingual;
  number: string;
  issuedOn: string | null;
  expiresOn: string | null;
  status: Status;
  daysLeft: number | null;
  document: { mime: string; bytes: number; url: string } | null;
}
interface MemberPermits {
  umkmId: number;
  name: string;
  permits: Permit[];
  missing: { kind: Kind; reason: Bilingual }[];
}
interface Expiring {
  today: string;
  days: number;
  counts: { expiring: number; expired: number };
  items: (Permit & { umkmName: string; village: string })[];
}

const MAX_BYTES = 5 * 1024 * 1024;
type Msg = AreaI18n<keyof typeof messages.id>;

/** berlaku / segera habis / kedaluwarsa: the word carries the meaning, the colour only repeats it. */
export function StatusBadge({ status }: { status: Status }) {
  const { t } = useAreaI18n(messages);
  return <span className={`ra-badge ra-${status}`}>{t(`regadmin.status.${status}`)}</span>;
}

function PermitFacts({ p, i18n }: { p: Permit; i18n: Msg }) {
  const { t } = i18n;
  const days =
    p.daysLeft === null
      ? null
      : p.daysLeft >= 0
        ? t('regadmin.permits.daysLeft', { n: i18n.num(p.daysLeft) })
        : t('regadmin.permits.daysAgo', { n: i18n.num(-p.daysLeft) });
  return (
    <span className="secondary">
      {t('regadmin.permits.number')}: <span className="ra-number">{p.number}</span>
      {p.issuedOn && ` · ${t('regadmin.permits.issuedOn')} ${i18n.date(p.issuedOn)}`}
      {' · '}
      {p.expiresOn
        ? `${t('regadmin.permits.expiresOn')} ${i18n.date(p.expiresOn)}${days ? ` (${days})` : ''}`
        : t('regadmin.permits.noExpiry')}
    </span>
  );
}

/** `/anggota/:id/izin`: a member's permits with their expiry, the document download, and the upload form. */
export default function MemberPermitsPage({ params }: PageProps) {
  return <RequireSession>{(me) => <MemberPermits me={me} id={params.id ?? ''} />}</RequireSession>;
}

function MemberPermits({ me, id }: { me: Me; id: string }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const valid = /^\d{1,15}$/.test(id);
  const data = useGet<MemberPermits>(valid ? `/api/registry/members/${id}/permits` : null, 'reload');
  const owner = can(me, 'registry.ownsData') && !can(me, 'registry.readsAll') && !can(me, 'registry.registersAtDesk');
  const notFound = !valid || (data.status === 'error' && data.error instanceof ApiProblem && data.error.status === 404);
  const title =
    data.status === 'ready' ? t('regadmin.permits.of', { name: data.data.name }) : t('regadmin.permits.title');
  return (
    <Page title={title}>
      <ul className="link-list ra-links">
        <li>
          <Link href={owner ? '/usaha-saya' : `/anggota/${id}`}>{t('regadmin.permits.back')}</Link>
        </li>
        {can(me, 'registry.watchesPermitExpiry') && (
          <li>
            <Link href="/izin">{t('regadmin.permits.toExpiring')}</Link>
          </li>
        )}
      </ul>
      {notFound && <p className="notice">{t('regadmin.permits.notFound')}</p>}
      {!notFound && data.status === 'loading' && <Loading />}
      {!notFound && data.status === 'error' && <LoadError error={data.error} onRetry={data.reload} />}
      {data.status === 'ready' && (
        <>
          {data.data.missing.length > 0 && (
            <div className="notice ra-missing">
              <p>
                <strong>{t('regadmin.permits.missing')}</strong>
              </p>
              <ul>
                {data.data.missing.map((m) => (
                  <li key={m.kind}>
                    {t(`regadmin.kind.${m.kind}`)} — {m.reason[i18n.lang]}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {data.data.permits.length === 0 ? (
            <p className="muted">{t('regadmin.permits.empty')}</p>
          ) : (
            <ul className="items ra-permits">
              {data.data.permits.map((p) => (
                <li key={p.id} data-permit={p.id}>
                  <span className="primary">
                    {p.kindLabel[i18n.lang]} <StatusBadge status={p.status} />
                  </span>
                  <PermitFacts p={p} i18n={i18n} />
                  {p.document ? (
                    <a href={p.document.url} download className="ra-download">
                      {t('regadmin.permits.document', { size: fileSize(p.document.bytes, i18n.lang) })}
                    </a>
                  ) : (
                    <span className="secondary">{t('regadmin.permits.noDocument')}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
          {can(me, 'registry.managesPermits') ? (
            <PermitForm umkmId={data.data.umkmId} onSaved={data.reload} />
          ) : (
            <p className="muted">{t('regadmin.permits.cannotAdd')}</p>
          )}
        </>
      )}
    </Page>
  );
}

type Errors = Partial<Record<'kind' | 'number' | 'issuedOn' | 'expiresOn' | 'document', Bilingual>>;

function PermitForm({ umkmId, onSaved }: { umkmId: number; onSaved: () => void }) {
  const i18n = useAreaI18n(messages);
  const { t, lang } = i18n;
  const form = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [alert, setAlert] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const file = data.get('document');
    const local: Errors = {};
    if (!String(data.get('number') ?? '').trim()) local.number = i18n.msg('regadmin.permits.required');
    if (file instanceof File && file.size > MAX_BYTES) local.document = i18n.msg('regadmin.permits.fileTooLarge');
    // An empty file input still sends an empty part: leave it out, the document is optional.
    if (file instanceof File && file.size === 0 && !file.name) data.delete('document');
    for (const k of ['issuedOn', 'expiresOn']) if (!data.get(k)) data.delete(k);
    setSaved(null);
    setAlert(null);
    setErrors(local);
    if (Object.keys(local).length) return focusFirstError(form.current);
    setBusy(true);
    try {
      const p = await upload<Permit>(`/api/registry/members/${umkmId}/permits`, data);
      form.current?.reset();
      setSaved(p.number);
      onSaved();
    } catch (err) {
      const fields = err instanceof ApiProblem ? err.fieldErrors() : {};
      setErrors(fields as Errors);
      setAlert(err);
      focusFirstError(form.current);
    } finally {
      setBusy(false);
    }
  }

  const err = (k: keyof Errors) => errors[k]?.[lang];
  return (
    <section aria-labelledby="permit-add">
      <h2 id="permit-add">{t('regadmin.permits.add')}</h2>
      {saved && (
        <p role="status" className="notice">
          {t('regadmin.permits.saved', { number: saved })}
        </p>
      )}
      <form ref={form} className="form ra-form" noValidate onSubmit={submit} aria-labelledby="permit-add">
        <FormAlert>{alert ? problemText(alert, i18n) : null}</FormAlert>
        <SelectField name="kind" label={t('regadmin.permits.kind')} error={err('kind')} defaultValue="pirt">
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`regadmin.kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <Field
          name="number"
          label={t('regadmin.permits.numberField')}
          error={err('number')}
          autoComplete="off"
          maxLength={100}
          required
        />
        <Field name="issuedOn" type="date" label={t('regadmin.permits.issuedOnField')} error={err('issuedOn')} />
        <Field
          name="expiresOn"
          type="date"
          label={t('regadmin.permits.expiresOnField')}
          hint={t('regadmin.permits.expiresOnHint')}
          error={err('expiresOn')}
        />
        <Field
          name="document"
          type="file"
          accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
          label={t('regadmin.permits.file')}
          hint={t('regadmin.permits.fileHint')}
          error={err('document')}
        />
        <SubmitButton busy={busy} busyText={t('regadmin.permits.saving')}>
          {t('regadmin.permits.save')}
        </SubmitButton>
      </form>
    </section>
  );
}

/** `/izin`: permits that expire soon or have expired — the owner's own, or the kecamatan's queue for the desk. */
export function ExpiringPage() {
  return <RequireSession>{(me) => <ExpiringView me={me} />}</RequireSession>;
}

function ExpiringView({ me }: { me: Me }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const allowed = can(me, 'registry.watchesPermitExpiry');
  const [f, setF] = useSearchState(['hari'] as const);
  const days = ['30', '60', '90'].includes(f.hari) ? f.hari : '30';
  const data = useGet<Expiring>(allowed ? `/api/registry/permits/expiring?days=${days}` : null, 'reload');
  const isOwner = can(me, 'registry.ownsData');
  const mine = useGet<{ items: { id: number }[] }>(
    allowed && isOwner ? '/api/registry/members?limit=1' : null,
    'reload',
  );
  if (!allowed)
    return (
      <Page title={t('regadmin.expiring.title')}>
        <NotAllowed />
      </Page>
    );
  return (
    <Page title={t('regadmin.expiring.title')}>
      <p className="lead">{t('regadmin.expiring.intro', { days: i18n.num(Number(days)) })}</p>
      {isOwner && mine.status === 'ready' && mine.data.items[0] && (
        <p>
          <Link href={`/anggota/${mine.data.items[0].id}/izin`} className="button secondary">
            {t('regadmin.expiring.myPermits')}
          </Link>
        </p>
      )}
      <form className="form ra-filters" aria-label={t('regadmin.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          name="hari"
          label={t('regadmin.expiring.days')}
          value={days}
          onChange={(e) => setF({ hari: e.target.value === '30' ? '' : e.target.value })}
        >
          {['30', '60', '90'].map((d) => (
            <option key={d} value={d}>
              {t('regadmin.expiring.daysOption', { n: d })}
            </option>
          ))}
        </SelectField>
      </form>
      {data.status === 'loading' && <Loading />}
      {data.status === 'error' && <LoadError error={data.error} onRetry={data.reload} />}
      {data.status === 'ready' && (
        <>
          <p role="status" className="ra-counts">
            {t('regadmin.expiring.counts', {
              expiring: i18n.num(data.data.counts.expiring),
              expired: i18n.num(data.data.counts.expired),
            })}
          </p>
          {data.data.items.length === 0 ? (
            <p className="notice">{t('regadmin.expiring.empty')}</p>
          ) : (
            <ul className="items ra-permits">
              {data.data.items.map((p) => (
                <li key={p.id} data-permit={p.id}>
                  <span className="primary">
                    <Link href={`/anggota/${p.umkmId}/izin`}>{p.umkmName}</Link> <StatusBadge status={p.status} />
                  </span>
                  <span className="secondary">
                    {p.kindLabel[i18n.lang]} · {p.village}
                  </span>
                  <PermitFacts p={p} i18n={i18n} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Page>
  );
}
