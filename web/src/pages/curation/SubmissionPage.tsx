import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { ManagedProduct } from '../../../../src/catalog/products/schema.ts';
import { ApiProblem, api } from '../../app/api.ts';
import { Page } from '../../app/Page.tsx';
import type { PageProps } from '../../app/routes.ts';
import { RequireSession } from '../../app/RequireSession.tsx';
import { Link } from '../../app/router.tsx';
import type { Me } from '../../app/session.ts';
import { useAreaI18n } from '../../i18n/area.ts';
import { LoadStatus, useResource } from '../../ui/resource.tsx';
import { ResubmitForm, ReviewForm } from './ReviewForms.tsx';
import { ScoreForm } from './ScoreForm.tsx';
import { messages } from './i18n.ts';
import { type CurationI18n, CurationNav, channelKey, Due, percentText, StatusBadge, WhatsappLinks } from './shared.tsx';
import type { StepResult, Submission } from './types.ts';

type Product = z.infer<typeof ManagedProduct>;

/**
 * `/kurasi/pengajuan/:submissionId`: one submission for everyone who may see it — the owner follows it and
 * resubmits, the officer whose step it is acts on it (the server's `abilities` decide which form shows), and
 * everyone sees the product, the result, the certificate and the history.
 */
export default function SubmissionPage({ params }: PageProps) {
  return <RequireSession>{(me) => <Detail me={me} id={params.submissionId ?? ''} />}</RequireSession>;
}

function Detail({ me, id }: { me: Me; id: string }) {
  const i18n = useAreaI18n(messages);
  const { t } = i18n;
  const valid = /^\d{1,15}$/.test(id);
  const { state, setState, reload } = useResource(
    () => (valid ? api<Submission>(`/api/curation/submissions/${id}`).then((s) => ({ s })) : undefined),
    [id],
  );
  const [step, setStep] = useState<{ result: StepResult; said: string } | null>(null);
  const said = useRef<HTMLParagraphElement>(null);
  // The form just used is gone (the step moved on): the keyboard goes to what happened instead of the page top.
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves when the step changes; the ref is stable
  useEffect(() => said.current?.focus(), [step]);
  const notFound =
    !valid || (state.status === 'error' && state.error instanceof ApiProblem && state.error.status === 404);
  const s = state.status === 'ready' ? state.s : null;

  const acted = (said: string) => (r: StepResult) => {
    setStep({ result: r, said });
    setState({ status: 'ready', s: r.submission });
  };

  return (
    <Page title={s ? s.product.name : t('curation.detail.title')}>
      <CurationNav me={me} />
      {notFound && <p className="notice">{t('curation.detail.notFound')}</p>}
      {!notFound && <LoadStatus state={state} onRetry={reload} />}
      {s && (
        <>
          <Facts s={s} i18n={i18n} />
          {step && (
            <div className="cur-acted">
              <p ref={said} tabIndex={-1} role="status" className="notice">
                {step.said}
              </p>
              <WhatsappLinks links={step.result.whatsapp} />
            </div>
          )}
          {s.abilities.verify && <ReviewForm kind="verify" s={s} onDone={acted(t('curation.review.verify.done'))} />}
          {s.abilities.validate && (
            <ReviewForm kind="validate" s={s} onDone={acted(t('curation.review.validate.done'))} />
          )}
          {s.abilities.score && <ScoreForm s={s} onDone={acted(t('curation.score.done'))} />}
          {s.abilities.resubmit && <ResubmitForm s={s} onDone={acted(t('curation.resubmit.done'))} />}
          <Result s={s} i18n={i18n} />
          <Certificate s={s} i18n={i18n} />
          <ProductInfo productId={s.product.id} i18n={i18n} />
          <History s={s} i18n={i18n} />
        </>
      )}
    </Page>
  );
}

function Facts({ s, i18n }: { s: Submission; i18n: CurationI18n }) {
  const { t, lang } = i18n;
  return (
    <dl className="cur-facts" data-status={s.status}>
      <div>
        <dt>{t('curation.detail.status')}</dt>
        <dd>
          <StatusBadge status={s.status} label={s.statusLabel} />
          {s.round > 1 && ` ${t('curation.item.round', { n: i18n.num(s.round) })}`}
        </dd>
      </div>
      {s.dueText && (
        <div>
          <dt>{t('curation.detail.due')}</dt>
          <dd>
            <Due s={s} i18n={i18n} />
          </dd>
        </div>
      )}
      <div>
        <dt>{t('curation.detail.call')}</dt>
        <dd>
          {s.call.title[lang]} · {t(channelKey(s.call.channel))}
        </dd>
      </div>
      <div>
        <dt>{t('curation.detail.business')}</dt>
        <dd>
          {s.umkm.name} · {t('curation.item.district', { name: s.umkm.district.name })}
        </dd>
      </div>
      <div>
        <dt>{t('curation.detail.category')}</dt>
        <dd>{s.product.categoryName[lang]}</dd>
      </div>
      {s.grade && (
        <div>
          <dt>{t('curation.detail.grade')}</dt>
          <dd className="cur-grade">{s.grade}</dd>
        </div>
      )}
    </dl>
  );
}

/** The kurator's scores and notes, once decided. */
function Result({ s, i18n }: { s: Submission; i18n: CurationI18n }) {
  const { t, lang } = i18n;
  const r = s.result;
  if (!r) return null;
  return (
    <section aria-labelledby="cur-result-h" className="cur-section" data-result={r.passed ? 'passed' : 'not_passed'}>
      <h2 id="cur-result-h">{t('curation.result.title')}</h2>
      <p className={r.passed ? 'notice cur-passed' : 'notice cur-failed'}>
        {r.passed
          ? r.grade
            ? t('curation.result.passedGrade', { grade: r.grade, percent: percentText(r.percent, lang) })
            : t('curation.result.passed', { percent: percentText(r.percent, lang) })
          : t('curation.result.notPassed', {
              percent: percentText(r.percent, lang),
              pass: percentText(s.rubric.passPercent, lang),
            })}
      </p>
      <ul className="items cur-scores">
        {r.scores.map((x) => (
          <li key={x.criterion}>
            <span className="primary">
              {x.name[lang]}: <strong>{t('curation.result.score', { score: i18n.num(x.score) })}</strong>
            </span>
            <span className="secondary">{t('curation.result.weight', { weight: i18n.num(x.weight) })}</span>
            {x.notes && <span className="cur-note">{x.notes}</span>}
          </li>
        ))}
      </ul>
      {r.notes && (
        <p className="cur-note">
          <strong>{t('curation.result.notes')}:</strong> {r.notes}
        </p>
      )}
      <p className="muted small">
        {t('curation.result.by', { name: r.kuratorName, at: i18n.dateTime(new Date(r.scoredAt)) })}
      </p>
    </section>
  );
}

function Certificate({ s, i18n }: { s: Submission; i18n: CurationI18n }) {
  const { t } = i18n;
  const c = s.certificate;
  if (!c) return null;
  return (
    <section aria-labelledby="cur-cert-h" className="cur-section">
      <h2 id="cur-cert-h">{t('curation.cert.title')}</h2>
      {c.revoked && <p className="notice error">{t('curation.cert.revoked')}</p>}
      <p>
        {t('curation.cert.code')}: <code className="cur-code">{c.code}</code>
      </p>
      <p className="actions">
        <a className="button" href={c.pdfUrl} download={`sertifikat-kurasi-${c.code}.pdf`} data-certificate={c.code}>
          {t('curation.cert.download')}
        </a>
        <Link className="button secondary" href={c.verifyPath}>
          {t('curation.cert.verify')}
        </Link>
      </p>
    </section>
  );
}

/** What the officers check: the product as the owner manages it, photos included. */
function ProductInfo({ productId, i18n }: { productId: number; i18n: CurationI18n }) {
  const { t } = i18n;
  const { state, reload } = useResource(
    () => api<Product>(`/api/catalog/manage/products/${productId}`).then((p) => ({ p })),
    [productId],
  );
  return (
    <section aria-labelledby="cur-product-h" className="cur-section">
      <h2 id="cur-product-h">{t('curation.product.title')}</h2>
      <LoadStatus state={state} onRetry={reload} secondary />
      {state.status === 'ready' && (
        <>
          {state.p.photos.length > 0 ? (
            <ul className="cur-photos">
              {state.p.photos.map((ph, i) => (
                <li key={ph.id}>
                  <a href={ph.displayUrl} target="_blank" rel="noopener noreferrer">
                    <img
                      src={ph.thumbUrl}
                      alt={t('curation.product.photo', { n: i18n.num(i + 1), name: state.p.name })}
                      width={160}
                      height={Math.round((160 * ph.height) / Math.max(1, ph.width))}
                      loading="lazy"
                    />
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('curation.product.noPhotos')}</p>
          )}
          <dl className="cur-facts">
            <div>
              <dt>{t('curation.product.price')}</dt>
              <dd>
                {i18n.rupiah(state.p.price)} / {state.p.unit}
              </dd>
            </div>
            <div>
              <dt>{t('curation.product.halal')}</dt>
              <dd>{state.p.halal ? t('curation.yes') : t('curation.no')}</dd>
            </div>
            <div>
              <dt>{t('curation.product.minOrder')}</dt>
              <dd>
                {i18n.num(state.p.minOrder)} {state.p.unit}
              </dd>
            </div>
            <div>
              <dt>{t('curation.product.leadTime')}</dt>
              <dd>{t('curation.product.days', { n: i18n.num(state.p.leadTimeDays) })}</dd>
            </div>
            {state.p.kbli && (
              <div>
                <dt>KBLI</dt>
                <dd>
                  {state.p.kbli.code} {state.p.kbli.title}
                </dd>
              </div>
            )}
          </dl>
          {state.p.description && <p className="cur-description">{state.p.description}</p>}
          {state.p.category.food && (
            <p className="muted small">
              {t(
                state.p.business.halalCertificate === 'valid'
                  ? 'curation.product.halalCertValid'
                  : 'curation.product.halalCertMissing',
              )}
            </p>
          )}
          {state.p.canEdit && (
            <p>
              <Link href={`/usaha-saya/produk/${productId}`}>{t('curation.owner.editProduct')}</Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}

const DECISION_KEY = {
  submitted: 'curation.history.submitted',
  resubmitted: 'curation.history.resubmitted',
  verified: 'curation.history.verified',
  validated: 'curation.history.validated',
  returned: 'curation.history.returned',
  passed: 'curation.history.passed',
  not_passed: 'curation.history.not_passed',
} as const;

function History({ s, i18n }: { s: Submission; i18n: CurationI18n }) {
  const { t } = i18n;
  return (
    <section aria-labelledby="cur-history-h" className="cur-section">
      <h2 id="cur-history-h">{t('curation.history.title')}</h2>
      <ol className="cur-history">
        {s.history.map((h, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: entries may repeat; the list is replaced whole, never reordered
          <li key={`${h.at}-${i}`} data-decision={h.decision}>
            <span className="primary">
              {t(DECISION_KEY[h.decision])}
              {s.round > 1 && ` · ${t('curation.item.round', { n: i18n.num(h.round) })}`}
            </span>
            <span className="secondary">
              {h.actorName} ({roleText(h.role, i18n)}) · <time dateTime={h.at}>{i18n.dateTime(new Date(h.at))}</time>
            </span>
            {h.notes && <span className="cur-note">{h.notes}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

const ROLE_KEY: Record<
  string,
  'role.umkm_owner' | 'role.pendamping' | 'role.kasatpel' | 'role.kurator' | 'role.platform_admin'
> = {
  umkm_owner: 'role.umkm_owner',
  pendamping: 'role.pendamping',
  kasatpel: 'role.kasatpel',
  kurator: 'role.kurator',
  platform_admin: 'role.platform_admin',
};
const roleText = (role: string, i18n: CurationI18n) => (ROLE_KEY[role] ? i18n.t(ROLE_KEY[role]) : role);
