import { api } from '../../app/api.ts';
import { Page } from '../../app/Page.tsx';
import { RequireSession } from '../../app/RequireSession.tsx';
import { Link } from '../../app/router.tsx';
import type { Me } from '../../app/session.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { problemText } from '../../ui/form.tsx';
import { useResource } from '../../ui/load.ts';
import { figureText, type HomeSection, roleLabel, scopeLabel } from './home-sections.ts';

/** `/beranda`: one card per role the account holds, each with that role's figures, queue and shortcuts. */
export default function RoleHomePage() {
  return <RequireSession>{(me) => <RoleHome me={me} />}</RequireSession>;
}

function RoleHome({ me }: { me: Me }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { state, reload: load } = useResource(() => api<{ sections: HomeSection[] }>('/api/me/home'), []);

  return (
    <Page title={t('dash.title')} heading={t('dash.hello', { name: me.account.displayName })}>
      <p className="muted">{t('dash.roles', { roles: me.roles.map((g) => roleLabel(g.role, t)).join(', ') })}</p>
      {state.status === 'loading' && (
        <p className="muted" role="status">
          {t('app.loading')}
        </p>
      )}
      {state.status === 'error' && (
        <div role="alert" className="notice">
          <p>{problemText(state.error, i18n)}</p>
          <button type="button" className="button" onClick={load}>
            {t('figures.retry')}
          </button>
        </div>
      )}
      {state.status === 'ready' && state.sections.length === 0 && <p className="notice">{t('dash.noRoles')}</p>}
      {state.status === 'ready' &&
        state.sections.map((s, i) => <Section key={`${s.role}-${s.scope?.id ?? i}`} section={s} index={i} />)}
      <section aria-labelledby="security-h" className="role-section">
        <h2 id="security-h">{t('dash.security')}</h2>
        <p>{t('dash.security.text')}</p>
        <p>
          <Link href="/keamanan/totp">{t('totp.title')}</Link>
        </p>
      </section>
    </Page>
  );
}

/** Times inside the server's list text (ISO, UTC) are shown as Jakarta time, as every time in the product is. */

function Section({ section: s, index }: { section: HomeSection; index: number }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const h = `role-${index}-h`;
  return (
    <section aria-labelledby={h} className="role-section" data-role={s.role}>
      <h2 id={h}>{roleLabel(s.role, t)}</h2>
      {s.scope && (
        <p className="scope" data-scope={s.scope.kind}>
          {scopeLabel(s.scope.kind, t)}: <strong>{s.scope.name}</strong>
        </p>
      )}
      {s.figures.length > 0 && (
        <dl className="tiles">
          {s.figures.map((f) => (
            <div key={f.label.en} className="tile">
              <dt>{f.label[lang]}</dt>
              <dd>{figureText(f, i18n)}</dd>
            </div>
          ))}
        </dl>
      )}
      {s.list && (
        <>
          <h3>{s.list.title[lang]}</h3>
          {s.list.items.length === 0 ? (
            <p className="muted">{s.list.empty[lang]}</p>
          ) : (
            <ul className="items">
              {s.list.items.map((it, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: entries may repeat; the list is replaced whole, never reordered
                <li key={`${i}-${it.primary}`}>
                  {it.href ? (
                    <Link href={it.href} className="primary">
                      {it.primary}
                    </Link>
                  ) : (
                    <span className="primary">{it.primary}</span>
                  )}
                  <span className="secondary">{it.secondary[lang]}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {s.shortcuts.length > 0 && (
        <p className="actions">
          {s.shortcuts.map((sc) => (
            <Link key={sc.href} href={sc.href} className="button secondary">
              {sc.label[lang]}
            </Link>
          ))}
        </p>
      )}
    </section>
  );
}
