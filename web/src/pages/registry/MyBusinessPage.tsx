import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { Bilingual } from '../../../../src/platform/schema.ts';
import { ApiProblem, api } from '../../app/api.ts';
import { Page } from '../../app/Page.tsx';
import { RequireSession } from '../../app/RequireSession.tsx';
import { Link } from '../../app/router.tsx';
import { can, type Me } from '../../app/session.ts';
import { useAreaI18n } from '../../i18n/area.ts';
import { focusFirstError, problemText } from '../../ui/form.tsx';
import { LoadStatus, useResource } from '../../ui/resource.tsx';
import { RupiahField, TextAreaField, TextField } from './fields.tsx';
import { formFieldOf, parseRupiah } from './form-model.ts';
import { isNegative } from '../../ui/rupiah.ts';
import { messages } from './i18n.ts';
import { type Member, MemberDetails } from './MemberDetails.tsx';

/**
 * `/usaha-saya`: the owner's own record in the register, and their rights over it (UU 27/2022): see the NIK,
 * correct what is wrong, download everything held about them, ask for deletion.
 */
export default function MyBusinessPage() {
  return <RequireSession>{(me) => <Mine me={me} />}</RequireSession>;
}

function Mine({ me }: { me: Me }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const owner = can(me, 'registry.ownsData');
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const {
    state,
    setState,
    reload: load,
  } = useResource<{ member: Member | undefined }>(
    // The list is scoped to the caller: an owner sees exactly their own business.
    () =>
      owner
        ? api<{ items: Member[] }>('/api/registry/members?limit=1').then((r) => ({ member: r.items[0] }))
        : Promise.resolve({ member: undefined }),
    [owner],
  );

  return (
    <Page title={t('registry.mine.title')}>
      <LoadStatus state={state} onRetry={load} />
      {state.status === 'ready' && !state.member && (
        <div className="notice">
          <p>{t('registry.mine.none')}</p>
          <p>
            <Link href="/daftar" className="button">
              {t('registry.register.title')}
            </Link>
          </p>
        </div>
      )}
      {state.status === 'ready' && state.member && (
        <>
          {saved && (
            <p className="notice" role="status">
              {t('registry.correct.saved')}
            </p>
          )}
          <MemberDetails member={state.member} canReveal />
          <ul className="link-list">
            <li>
              <Link href="/usaha-saya/produk">{t('registry.mine.products')}</Link>
            </li>
          </ul>
          {editing ? (
            <Correction
              member={state.member}
              onCancel={() => setEditing(false)}
              onSaved={(m) => {
                setState({ status: 'ready', member: m });
                setEditing(false);
                setSaved(true);
              }}
            />
          ) : (
            <p>
              <button
                type="button"
                className="button secondary"
                onClick={() => {
                  setEditing(true);
                  setSaved(false);
                }}
              >
                {t('registry.correct.open')}
              </button>
            </p>
          )}
          <Rights />
        </>
      )}
    </Page>
  );
}

/** The correctable fields; only what changed is sent, so the audit log records exactly the correction. */
function Correction({
  member: m,
  onSaved,
  onCancel,
}: {
  member: Member;
  onSaved: (m: Member) => void;
  onCancel: () => void;
}) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const initial = {
    name: m.name,
    address: m.address,
    postalCode: m.postalCode ?? '',
    workers: m.workers === null ? '' : String(m.workers),
    capital: m.capital === null ? '' : String(m.capital),
    annualSales: m.annualSales === null ? '' : String(m.annualSales),
    ownerFullName: m.owner.fullName,
    ownerPhone: '',
    ownerEmail: '',
  };
  const [v, setV] = useState(initial);
  const [errors, setErrors] = useState<Record<string, Bilingual>>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.querySelector('input')?.focus(), []);
  const set = (k: keyof typeof v) => (value: string) => {
    setV((x) => ({ ...x, [k]: value }));
    setErrors((e) => {
      const { [k]: _, ...rest } = e;
      return rest;
    });
  };
  const err = (k: string) => errors[k]?.[i18n.lang];

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body: Record<string, unknown> = {};
    const found: Record<string, Bilingual> = {};
    for (const k of ['name', 'address', 'postalCode', 'ownerFullName'] as const) {
      if (v[k].trim() === initial[k]) continue;
      if (!v[k].trim()) found[k] = i18n.msg('registry.err.required');
      else body[k] = v[k].trim();
    }
    if (v.workers !== initial.workers) {
      if (!/^\d+$/.test(v.workers.trim())) found.workers = i18n.msg('registry.err.number');
      else body.workers = Number(v.workers.trim());
    }
    if (v.capital !== initial.capital) {
      if (!v.capital) found.capital = i18n.msg('registry.err.required');
      else if (isNegative(v.capital)) found.capital = i18n.msg('registry.err.negative');
      else body.capital = parseRupiah(v.capital);
    }
    if (v.annualSales !== initial.annualSales) {
      if (isNegative(v.annualSales)) found.annualSales = i18n.msg('registry.err.negative');
      else body.annualSales = parseRupiah(v.annualSales);
    }
    if (v.ownerPhone.trim()) body.ownerPhone = v.ownerPhone.trim();
    if (v.ownerEmail.trim()) body.ownerEmail = v.ownerEmail.trim();
    setErrors(found);
    setFailure(undefined);
    if (Object.keys(found).length) return focusFirstError(form.current);
    if (Object.keys(body).length === 0) return onCancel();
    setBusy(true);
    try {
      onSaved(await api<Member>(`/api/registry/members/${m.id}`, { method: 'PATCH', body }));
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiProblem) {
        const placed: Record<string, Bilingual> = {};
        for (const fe of error.errors) placed[formFieldOf(fe.field)] ??= fe.message;
        setErrors(placed);
      }
      setFailure(error);
      focusFirstError(form.current);
    }
  }

  return (
    <form ref={form} className="form" noValidate onSubmit={submit} aria-busy={busy} aria-labelledby="correct-h">
      <h2 id="correct-h">{t('registry.correct.title')}</h2>
      <p className="hint">{t('registry.correct.intro')}</p>
      {failure !== undefined && (
        <div role="alert" className="notice error">
          <p>{problemText(failure, i18n)}</p>
        </div>
      )}
      <TextField
        name="name"
        label={t('registry.business.name')}
        value={v.name}
        onChange={(e) => set('name')(e.target.value)}
        error={err('name')}
      />
      <TextField
        name="ownerFullName"
        label={t('registry.owner.fullName')}
        autoComplete="name"
        value={v.ownerFullName}
        onChange={(e) => set('ownerFullName')(e.target.value)}
        error={err('ownerFullName')}
      />
      <TextField
        name="ownerPhone"
        label={t('registry.correct.phone')}
        hint={t('registry.correct.phone.hint')}
        optional
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        value={v.ownerPhone}
        onChange={(e) => set('ownerPhone')(e.target.value)}
        error={err('ownerPhone')}
      />
      <TextField
        name="ownerEmail"
        label={t('registry.correct.email')}
        hint={t('registry.correct.phone.hint')}
        optional
        type="email"
        autoComplete="email"
        autoCapitalize="none"
        value={v.ownerEmail}
        onChange={(e) => set('ownerEmail')(e.target.value)}
        error={err('ownerEmail')}
      />
      <TextAreaField
        name="address"
        label={t('registry.business.address')}
        autoComplete="street-address"
        value={v.address}
        onChange={(e) => set('address')(e.target.value)}
        error={err('address')}
      />
      <TextField
        name="postalCode"
        label={t('registry.business.postalCode')}
        inputMode="numeric"
        autoComplete="postal-code"
        maxLength={10}
        value={v.postalCode}
        onChange={(e) => set('postalCode')(e.target.value)}
        error={err('postalCode')}
      />
      <TextField
        name="workers"
        label={t('registry.business.workers')}
        inputMode="numeric"
        autoComplete="off"
        value={v.workers}
        onChange={(e) => set('workers')(e.target.value)}
        error={err('workers')}
      />
      <RupiahField
        name="capital"
        label={t('registry.business.capital')}
        value={v.capital}
        onDigits={set('capital')}
        error={err('capital')}
      />
      <RupiahField
        name="annualSales"
        label={t('registry.business.annualSales')}
        hint={t('registry.business.annualSales.hint')}
        optional
        value={v.annualSales}
        onDigits={set('annualSales')}
        error={err('annualSales')}
      />
      <p className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('registry.submitting') : t('registry.correct.save')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('registry.cancel')}
        </button>
      </p>
    </form>
  );
}

/** Download everything held about me; ask for deletion (a dialog says what the law makes us keep). */
function Rights() {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [answer, setAnswer] = useState<Bilingual>();

  async function send(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      const r = await api<{ requestId: number; message: Bilingual }>('/api/registry/my-data/deletion-requests', {
        method: 'POST',
        body: reason.trim() ? { reason: reason.trim() } : {},
      });
      setAnswer(r.message);
      dialog.current?.close();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="rights-h" className="role-section">
      <h2 id="rights-h">{t('registry.rights.title')}</h2>
      <p>{t('registry.rights.intro')}</p>
      <p className="actions">
        <a className="button secondary" href="/api/registry/my-data" download>
          {t('registry.rights.download')}
        </a>
        <button
          ref={opener}
          type="button"
          className="button secondary"
          onClick={() => dialog.current?.showModal()}
          disabled={answer !== undefined}
        >
          {t('registry.rights.delete')}
        </button>
      </p>
      {answer && (
        <p className="notice" role="status">
          {answer[i18n.lang]}
        </p>
      )}
      <dialog ref={dialog} aria-labelledby="delete-h" className="dialog" onClose={() => opener.current?.focus()}>
        <form method="dialog" onSubmit={send} noValidate>
          <h2 id="delete-h">{t('registry.rights.delete.title')}</h2>
          <p>{t('registry.rights.delete.erased')}</p>
          <p>{t('registry.rights.delete.kept')}</p>
          <p>{t('registry.rights.delete.decided')}</p>
          <TextAreaField
            name="reason"
            label={t('registry.rights.delete.reason')}
            optional
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          {failure !== undefined && (
            <p role="alert" className="field-error">
              {problemText(failure, i18n)}
            </p>
          )}
          <p className="actions">
            <button type="submit" className="button" disabled={busy}>
              {busy ? t('registry.submitting') : t('registry.rights.delete.confirm')}
            </button>
            <button type="button" className="button secondary" onClick={() => dialog.current?.close()}>
              {t('registry.cancel')}
            </button>
          </p>
        </form>
      </dialog>
    </section>
  );
}
