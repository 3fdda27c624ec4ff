// Jumat Beli Lokal: editions (this file). HTTP only: schema, access (policy.ts), one use case, the presenter.
import { z } from 'zod';
import { acting } from '../platform/auth/acting.ts';
import type { RoutePlugin } from '../platform/http/server.ts';
import { idempotent } from '../platform/idempotency.ts';
import { decideEdition } from './decide-edition.ts';
import { getEdition, listEditions } from './editions.ts';
import { planEditionYear } from './plan-editions.ts';
import { jblPolicy } from './policy.ts';
import {
  Edition,
  EditionDecisionInput,
  EditionList,
  EditionListQuery,
  EditionParams,
  EditionYearInput,
  EditionYearResult,
} from './schema.ts';
import { transitionEdition } from './transition-edition.ts';

const Empty = z.strictObject({}).optional();
const rule = jblPolicy.managesEditions;

export const jblRoutes: RoutePlugin = (app, { db }) => {
  app.get(
    '/api/jbl/editions',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'listJblEditions',
        tags: ['jbl'],
        summary:
          'Jumat Beli Lokal editions: published ones (open, live, closed, skipped) for everyone; planned ones too for the Dinas',
        querystring: EditionListQuery,
        response: { 200: EditionList },
      },
    },
    async (req) => ({ items: await listEditions(db, req.actor, req.query) }),
  );

  app.get(
    '/api/jbl/editions/:editionId',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getJblEdition',
        tags: ['jbl'],
        summary: 'One edition: host kota, pre-order window and live session (UTC and WIB), holiday and decision',
        params: EditionParams,
        response: { 200: Edition },
      },
    },
    async (req) => getEdition(db, req.actor, req.params.editionId),
  );

  app.post(
    '/api/jbl/editions',
    {
      config: { access: rule },
      schema: {
        operationId: 'planJblEditionYear',
        tags: ['jbl'],
        summary:
          "Plan a year's editions: every Friday not yet planned whose pre-orders have not opened, hosts in rotation, holidays flagged",
        body: EditionYearInput,
        response: { 201: EditionYearResult },
      },
    },
    async (req, reply) => {
      const who = acting(req, rule);
      const out = await idempotent(db, req, async (tx) => ({
        status: 201,
        body: { ids: await planEditionYear(tx, who, req.body) },
      }));
      const all = await listEditions(db, req.actor, { year: req.body.year });
      const ids = new Set(out.body.ids);
      return reply.code(201).send({ created: ids.size, items: all.filter((e) => ids.has(e.id)) });
    },
  );

  app.patch(
    '/api/jbl/editions/:editionId/decision',
    {
      config: { access: rule },
      schema: {
        operationId: 'decideJblEdition',
        tags: ['jbl'],
        summary: 'Skip an edition (a holiday Friday) or move it to another day of its week, with a reason',
        params: EditionParams,
        body: EditionDecisionInput,
        response: { 200: Edition },
      },
    },
    async (req) => {
      const who = acting(req, rule);
      await idempotent(db, req, async (tx) => {
        await decideEdition(tx, who, req.params.editionId, req.body);
        return { status: 200, body: {} };
      });
      return getEdition(db, req.actor, req.params.editionId);
    },
  );

  for (const [verb, operationId, summary] of [
    ['open', 'openJblEdition', 'Open an edition for pre-orders (publishes it; a holiday Friday must be decided first)'],
    ['live', 'startJblEditionLive', 'Start the live-shopping session of an open edition'],
    ['close', 'closeJblEdition', 'Close an open or live edition'],
  ] as const) {
    app.post(
      `/api/jbl/editions/:editionId/${verb}`,
      {
        config: { access: rule },
        schema: { operationId, tags: ['jbl'], summary, params: EditionParams, body: Empty, response: { 200: Edition } },
      },
      async (req) => {
        const who = acting(req, rule);
        await idempotent(db, req, async (tx) => {
          await transitionEdition(tx, who, req.params.editionId, verb);
          return { status: 200, body: {} };
        });
        return getEdition(db, req.actor, req.params.editionId);
      },
    );
  }
};
