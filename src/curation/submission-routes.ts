// Submissions: owners submit and resubmit; the pendamping verifies, the kasatpel validates, the assigned kurator
// scores; each reads their worklist and the overdue list. Scope is in the SQL: outside it, "not found".
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Rule } from '../platform/auth/rules.ts';
import { bigintIdParam } from '../platform/http/input.ts';
import type { Db, Tx } from '../platform/db/types.ts';
import type { RoutePlugin } from '../platform/http/server.ts';
import { idempotent } from '../platform/idempotency.ts';
import { acting } from '../platform/auth/acting.ts';
import { stepAnswer } from './http.ts';
import { curationPolicy } from './policy.ts';
import { review } from './review-submission.ts';
import * as S from './schema.ts';
import { scoreSubmission } from './score-submission.ts';
import type { Acting, StepOutcome } from './steps.ts';
import { eligibleProducts, resubmit, submitProduct } from './submit-product.ts';
import { getSubmission, listSubmissions, myQueue, overdueList } from './submissions.ts';

/** Runs a step once per Idempotency-Key and answers with the submission and the WhatsApp links. */
async function step(
  db: Db,
  req: FastifyRequest,
  roles: Rule,
  status: number,
  run: (tx: Tx, a: Acting) => Promise<StepOutcome>,
) {
  const a = acting(req, roles);
  const out = await idempotent(db, req, async (tx) => ({ status, body: await run(tx, a) }));
  return { status: out.status, body: await stepAnswer(db, req, out.body) };
}

export const submissionRoutes: RoutePlugin = (app, { db }) => {
  app.get(
    '/api/curation/eligible-products',
    {
      config: { access: curationPolicy.submits },
      schema: {
        operationId: 'listEligibleProducts',
        tags: ['curation'],
        summary: 'My products, each with whether it may be submitted to the call and why not',
        querystring: z.strictObject({ callId: bigintIdParam() }),
        response: { 200: S.EligibleProducts },
      },
    },
    async (req) => eligibleProducts(db, req.actor, req.query.callId),
  );

  app.post(
    '/api/curation/calls/:callId/submissions',
    {
      config: { access: curationPolicy.submits },
      schema: {
        operationId: 'submitToCurationCall',
        tags: ['curation'],
        summary: 'Submit one of my products to an open call',
        params: S.CallParams,
        body: S.SubmitBody,
        response: { 201: S.StepResult },
      },
    },
    async (req, reply) => {
      const out = await step(db, req, curationPolicy.submits, 201, (tx, a) =>
        submitProduct(tx, a, req.params.callId, req.body),
      );
      return reply.code(201).send(out.body);
    },
  );

  app.get(
    '/api/curation/submissions',
    {
      config: { access: curationPolicy.readsSubmissions },
      schema: {
        operationId: 'listCurationSubmissions',
        tags: ['curation'],
        summary: 'Submissions within my scope, newest first',
        querystring: S.SubmissionListQuery,
        response: { 200: S.SubmissionList },
      },
    },
    async (req) => listSubmissions(db, req.actor, req.query),
  );

  app.get(
    '/api/curation/submissions/:submissionId',
    {
      config: { access: curationPolicy.readsSubmissions },
      schema: {
        operationId: 'getCurationSubmission',
        tags: ['curation'],
        summary: 'One submission: status, due date, result, certificate, history, what I may do',
        params: S.SubmissionParams,
        response: { 200: S.Submission },
      },
    },
    async (req) => getSubmission(db, req.actor, req.params.submissionId),
  );

  const reviewRoute = (
    name: 'verify' | 'validate',
    rule: Rule,
    operationId: string,
    body: typeof S.VerifyBody | typeof S.ValidateBody,
    summary: string,
  ) =>
    app.post(
      `/api/curation/submissions/:submissionId/${name}`,
      {
        config: { access: rule },
        schema: {
          operationId,
          tags: ['curation'],
          summary,
          params: S.SubmissionParams,
          body,
          response: { 200: S.StepResult },
        },
      },
      async (req, reply) => {
        const { decision, notes } = req.body as { decision: string; notes?: string };
        const out = await step(db, req, rule, 200, (tx, a) =>
          review(tx, a, name, req.params.submissionId, { approve: decision !== 'return', notes }),
        );
        return reply.code(200).send(out.body);
      },
    );
  reviewRoute(
    'verify',
    curationPolicy.verifies,
    'verifyCurationSubmission',
    S.VerifyBody,
    "The kecamatan's pendamping verifies a submission or returns it with notes",
  );
  reviewRoute(
    'validate',
    curationPolicy.validates,
    'validateCurationSubmission',
    S.ValidateBody,
    "The kecamatan's kasatpel validates a verified submission or returns it with notes",
  );

  app.post(
    '/api/curation/submissions/:submissionId/score',
    {
      config: { access: curationPolicy.scores },
      schema: {
        operationId: 'scoreCurationSubmission',
        tags: ['curation'],
        summary: 'A kurator assigned to the call scores every rubric criterion: passed (grade) or not',
        params: S.SubmissionParams,
        body: S.ScoreBody,
        response: { 200: S.StepResult },
      },
    },
    async (req, reply) => {
      const out = await step(db, req, curationPolicy.scores, 200, (tx, a) =>
        scoreSubmission(tx, a, req.params.submissionId, req.body),
      );
      return reply.code(200).send(out.body);
    },
  );

  app.post(
    '/api/curation/submissions/:submissionId/resubmit',
    {
      config: { access: curationPolicy.submits },
      schema: {
        operationId: 'resubmitCurationSubmission',
        tags: ['curation'],
        summary: 'Resubmit a returned or failed product after improving it (a new round)',
        params: S.SubmissionParams,
        body: S.ResubmitBody,
        response: { 200: S.StepResult },
      },
    },
    async (req, reply) => {
      const out = await step(db, req, curationPolicy.submits, 200, (tx, a) =>
        resubmit(tx, a, req.params.submissionId, req.body),
      );
      return reply.code(200).send(out.body);
    },
  );

  app.get(
    '/api/curation/queue',
    {
      config: { access: curationPolicy.worksQueue },
      schema: {
        operationId: 'myCurationQueue',
        tags: ['curation'],
        summary: 'What waits for my step, soonest due first',
        querystring: S.QueueQuery,
        response: { 200: S.Queue },
      },
    },
    async (req) => myQueue(db, req.actor, req.query.limit),
  );

  app.get(
    '/api/curation/overdue',
    {
      config: { access: curationPolicy.watchesOverdue },
      schema: {
        operationId: 'listOverdueCurationSubmissions',
        tags: ['curation'],
        summary: 'Submissions past their step’s due date (working days, WIB), within my scope',
        response: { 200: S.OverdueList },
      },
    },
    async (req) => overdueList(db, req.actor),
  );
};
