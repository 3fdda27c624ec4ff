// Curation: rubrics and calls (this file), submissions and worklists (submission-routes.ts), certificates
// (certificate-routes.ts). The contract for the web app is the OpenAPI document (/api/openapi.json).
import { z } from 'zod';
import { auditActor } from '../platform/auth/actor.ts';
import type { RoutePlugin } from '../platform/http/server.ts';
import { idempotent } from '../platform/idempotency.ts';
import { getCall, listCalls, listKurators } from './calls.ts';
import { certificateRoutes } from './certificate-routes.ts';
import { closeCall, createCall, publishCall, updateCall } from './manage-calls.ts';
import { curationPolicy } from './policy.ts';
import { listRubrics } from './rubrics.ts';
import { Call, CallInput, CallList, CallListQuery, CallParams, CallPatch, KuratorList, RubricList } from './schema.ts';
import { submissionRoutes } from './submission-routes.ts';

const Empty = z.strictObject({}).optional();

const callRoutes: RoutePlugin = (app, { db }) => {
  app.get(
    '/api/curation/rubrics',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'listCurationRubrics',
        tags: ['curation'],
        summary: 'The rubrics kurators score with (criteria, weights, grade bands)',
        response: { 200: RubricList },
      },
    },
    async () => ({ items: await listRubrics(db) }),
  );

  app.get(
    '/api/curation/kurators',
    {
      config: { access: curationPolicy.managesCalls },
      schema: {
        operationId: 'listKurators',
        tags: ['curation'],
        summary: 'Accounts holding the kurator role, to assign to a call',
        response: { 200: KuratorList },
      },
    },
    async () => listKurators(db),
  );

  app.get(
    '/api/curation/calls',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'listCurationCalls',
        tags: ['curation'],
        summary: 'Curation calls: open ones for everyone; drafts and all for the Dinas',
        querystring: CallListQuery,
        response: { 200: CallList },
      },
    },
    async (req) => ({ items: await listCalls(db, req.actor, req.query) }),
  );

  app.get(
    '/api/curation/calls/:callId',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getCurationCall',
        tags: ['curation'],
        summary: 'One curation call (a draft: the Dinas only)',
        params: CallParams,
        response: { 200: Call },
      },
    },
    async (req) => getCall(db, req.actor, req.params.callId),
  );

  app.post(
    '/api/curation/calls',
    {
      config: { access: curationPolicy.managesCalls },
      schema: {
        operationId: 'createCurationCall',
        tags: ['curation'],
        summary: 'Create a curation call (a draft until published)',
        body: CallInput,
        response: { 201: Call },
      },
    },
    async (req, reply) => {
      const who = auditActor(req.actor, 'platform_admin', req.id);
      const out = await idempotent(db, req, async (tx) => ({
        status: 201,
        body: { callId: await createCall(tx, who, req.body) },
      }));
      return reply.code(201).send(await getCall(db, req.actor, out.body.callId));
    },
  );

  app.patch(
    '/api/curation/calls/:callId',
    {
      config: { access: curationPolicy.managesCalls },
      schema: {
        operationId: 'updateCurationCall',
        tags: ['curation'],
        summary: 'Edit a draft or open call',
        params: CallParams,
        body: CallPatch,
        response: { 200: Call },
      },
    },
    async (req) => {
      const who = auditActor(req.actor, 'platform_admin', req.id);
      await db.transaction((tx) => updateCall(tx, who, req.actor, req.params.callId, req.body));
      return getCall(db, req.actor, req.params.callId);
    },
  );

  for (const [verb, run, summary] of [
    ['publish', publishCall, 'Publish a draft call: owners may submit until the deadline'],
    ['close', closeCall, 'Close an open call: no new submissions; those in progress still get a result'],
  ] as const) {
    app.post(
      `/api/curation/calls/:callId/${verb}`,
      {
        config: { access: curationPolicy.managesCalls },
        schema: {
          operationId: `${verb}CurationCall`,
          tags: ['curation'],
          summary,
          params: CallParams,
          body: Empty,
          response: { 200: Call },
        },
      },
      async (req, reply) => {
        const who = auditActor(req.actor, 'platform_admin', req.id);
        const out = await idempotent(db, req, async (tx) => {
          await run(tx, who, req.actor, req.params.callId);
          return { status: 200, body: { callId: req.params.callId } };
        });
        return reply.code(200).send(await getCall(db, req.actor, out.body.callId));
      },
    );
  }
};

export const curationRoutes: RoutePlugin = async (app, deps) => {
  await callRoutes(app, deps);
  await submissionRoutes(app, deps);
  await certificateRoutes(app, deps);
};
