import { type FormEvent, useCallback, useState } from 'react';
import { ApiProblem, api } from '../../app/api.ts';
import type { PageProps } from '../../app/routes.ts';
import { Page } from '../../app/Page.tsx';
import { RequireSession } from '../../app/RequireSession.tsx';
import { Link } from '../../app/router.tsx';
import { can, type Me, scopeIdsOf } from '../../app/session.ts';
import { useAreaI18n } from '../../i18n/area.ts';
import { LoadError, Loading, LoadMore, LoadStatus, useResource } from '../../ui/resource.tsx';
import { SelectField, TextField } from './fields.tsx';
import { messages } from './i18n.ts';
import { type Region, referenceList } from './lookups.ts';
import { type Member, MemberDetails } from './MemberDetails.tsx';
import { NotAllowedPage } from '../../ui/not-allowed.tsx';

const PAGE = 20;

/** `/anggota`: the members within the caller's scope (the server decides the scope), by name and kecamatan. */
export default function MembersPage() {
  return <RequireSession>{(me) => <Members me={me} />}</RequireSession>;
}

type Loaded = { items: Member[]; more: boolean; loadingMore: boolean; moreError?: unknown };

function Members({ me }: { me: Me }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  // An owner reads their own business on its own page; the list is for those who read others.
  const allowed = can(me, 'registry.readsMembers') && me.roles.some((g) => g.scopeKind !== 'own');
  const ownDistricts = scopeIdsOf(me, 'district');
  const { state: districts } = useResource(...referenceList<Region>(allowed ? '/api/regions?level=district' : null));
  const [query, setQuery] = useState({ q: '', district: '' });
  const [typed, setTyped] = useState({ q: '', district: '' });

  const url = useCallback(
    (after?: number) => {
      const p = new URLSearchParams({ limit: String(PAGE) });
      if (query.q.trim()) p.set('q', query.q.trim());
      if (query.district) p.set('district', query.district);
      if (after) p.set('after', String(after));
      return `/api/registry/members?${p}`;
    },
    [query],
  );

  const { state, setState, reload } = useResource<Loaded>(
    () =>
      allowed
        ? api<{ items: Member[] }>(url()).then((r) => ({
            items: r.items,
            more: r.items.length === PAGE,
            loadingMore: false,
          }))
        : undefined,
    [allowed, url],
  );

  function loadMore() {
    if (state.status !== 'ready') return;
    const last = state.items.at(-1)?.id;
    setState({ ...state, loadingMore: true, moreError: undefined });
    api<{ items: Member[] }>(url(last)).then(
      (r) =>
        setState((s) =>
          s.status === 'ready'
            ? { status: 'ready', items: [...s.items, ...r.items], more: r.items.length === PAGE, loadingMore: false }
            : s,
        ),
      (error: unknown) => setState((s) => (s.status === 'ready' ? { ...s, loadingMore: false, moreError: error } : s)),
    );
  }

  function search(e: FormEvent) {
    e.preventDefault();
    setQuery(typed);
  }

  if (!allowed)
    return <NotAllowedPage title={t('registry.members.title')} message={t('registry.members.notAllowed')} />;
  const districtOptions =
    districts.status === 'ready'
      ? districts.items.filter((d) => ownDistricts.length === 0 || ownDistricts.includes(d.code))
      : [];
  return (
    <Page title={t('registry.members.title')}>
      <form className="form filters" role="search" onSubmit={search} aria-label={t('registry.members.search')}>
        <TextField
          name="q"
          label={t('registry.members.q')}
          type="search"
          autoComplete="off"
          value={typed.q}
          onChange={(e) => setTyped((x) => ({ ...x, q: e.target.value }))}
        />
        <SelectField
          name="district"
          label={t('registry.district')}
          value={typed.district}
          onChange={(e) => setTyped((x) => ({ ...x, district: e.target.value }))}
          options={
            <>
              <option value="">{t('registry.members.allDistricts')}</option>
              {districtOptions.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}
                </option>
              ))}
            </>
          }
        />
        <button type="submit" className="button">
          {t('registry.members.searchButton')}
        </button>
      </form>
      {/* The list's region is busy from the click on "Cari" until the new answer shows: the status line only ever
          counts the rows below it, never the last search's. */}
      <div className="members-results" aria-busy={state.status === 'loading'}>
        {state.status === 'loading' && <Loading />}
        {state.status === 'error' && (
          <LoadError
            error={state.error}
            onRetry={reload}
            message={
              state.error instanceof ApiProblem && state.error.status === 403
                ? t('registry.members.notAllowed')
                : undefined
            }
          />
        )}
        {state.status === 'ready' && (
          <>
            <p role="status" className="muted">
              {state.items.length === 0
                ? t('registry.members.empty')
                : t('registry.members.shown', { n: i18n.num(state.items.length) })}
            </p>
            <ul className="items members">
              {state.items.map((m) => (
                <li key={m.id} data-umkm={m.id}>
                  <Link href={`/anggota/${m.id}`} className="primary">
                    {m.name}
                  </Link>
                  <span className="secondary">
                    {m.owner.fullName} · {m.village.name}, {m.village.district} · UMKM #{m.id}
                  </span>
                  <span className="secondary">
                    <code>{m.owner.nikMasked}</code> · {m.fosteringAgencies.map((a) => a.name).join('; ')}
                  </span>
                </li>
              ))}
            </ul>
            <LoadMore
              more={state.more}
              busy={state.loadingMore}
              error={state.moreError}
              label={t('registry.loadMore')}
              onLoad={loadMore}
            />
          </>
        )}
      </div>
    </Page>
  );
}

/** `/anggota/:id`: one member; 404 when absent or outside the caller's scope (the two look the same). */
export function MemberPage({ params }: PageProps) {
  return <RequireSession>{(me) => <OneMember me={me} id={params.id ?? ''} />}</RequireSession>;
}

function OneMember({ me, id }: { me: Me; id: string }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  // A malformed id is a 404 without asking the server.
  const { state, reload } = useResource(
    () =>
      /^\d+$/.test(id)
        ? api<Member>(`/api/registry/members/${id}`).then((member) => ({ member }))
        : Promise.reject(new ApiProblem(404, 'not_found', undefined)),
    [id],
  );
  const title = state.status === 'ready' ? state.member.name : t('registry.member.title');
  const notFound = state.status === 'error' && state.error instanceof ApiProblem && state.error.status === 404;
  return (
    <Page title={title}>
      <p>
        <Link href="/anggota">{t('registry.member.back')}</Link>
      </p>
      {notFound && <p className="notice">{t('registry.member.notFound')}</p>}
      {!notFound && <LoadStatus state={state} onRetry={reload} />}
      {state.status === 'ready' && <MemberDetails member={state.member} canReveal={can(me, 'registry.revealsNik')} />}
    </Page>
  );
}
