// Jumat Beli Lokal: an edition's line-up for the Dinas (the admin view with reasons, build, add, remove). HTTP only:
// schema, access (policy.ts), one use case, the presenter. The public storefront reads line-ups elsewhere.
import { z } from 'zod';
import { acting } from '../platform/auth/acting.ts';
import type { RoutePlugin } from '../platform/http/server.ts';
import { idempotent } from '../platform/idempotency.ts';
import { addToLineup, removeFromLineup } from './adjust-lineup.ts';
import { buildLineup } from './build-lineup.ts';
import { getLineup } from './lineup.ts';
import { Lineup, LineupAddInput, LineupRemoveInput } from './lineup-schema.ts';
import { jblPolicy } from './policy.ts';
import { EditionParams } from './schema.ts';

const Empty = z.strictObject({}).optional();
const rule = jblPolicy.managesLineup;
const base = '/api/jbl/editions/:editionId/lineup';

export const jblLineupRoutes: RoutePlugin = (app, { db }) => {
  app.get(
    base,
    {
      config: { access: jblPolicy.seesLineup },
      schema: {
        operationId: 'getJblLineup',
        tags: ['jbl'],
        summary:
          "An edition's line-up for the Dinas: every item with why it was chosen, removed ones with their reason",
        params: EditionParams,
        response: { 200: Lineup },
      },
    },
    async (req) => getLineup(db, req.params.editionId),
  );

  app.post(
    `${base}/build`,
    {
      config: { access: rule },
      schema: {
        operationId: 'buildJblLineup',
        tags: ['jbl'],
        summary:
          "Fill a planned or open edition's line-up by the fair rotation (kecamatan quotas); again replaces the rotation's picks, keeps the city picks",
        params: EditionParams,
        body: Empty,
        response: { 200: Lineup },
      },
    },
    async (req) => {
      const who = acting(req, rule);
      await idempotent(db, req, async (tx) => {
        await buildLineup(tx, who, req.params.editionId);
        return { status: 200, body: {} };
      });
      return getLineup(db, req.params.editionId);
    },
  );

  app.post(
    `${base}/items`,
    {
      config: { access: rule },
      schema: {
        operationId: 'addJblLineupItem',
        tags: ['jbl'],
        summary: 'Add a city-office pick to the line-up, with a reason (on top of the kecamatan quotas)',
        params: EditionParams,
        body: LineupAddInput,
        response: { 201: Lineup },
      },
    },
    async (req, reply) => {
      const who = acting(req, rule);
      await idempotent(db, req, async (tx) => ({
        status: 201,
        body: { id: await addToLineup(tx, who, req.params.editionId, req.body) },
      }));
      return reply.code(201).send(await getLineup(db, req.params.editionId));
    },
  );

  app.post(
    `${base}/remove`,
    {
      config: { access: rule },
      schema: {
        operationId: 'removeJblLineupItem',
        tags: ['jbl'],
        summary: 'Take an item out of the line-up, with a reason: it sells nothing more; orders already placed stay',
        params: EditionParams,
        body: LineupRemoveInput,
        response: { 200: Lineup },
      },
    },
    async (req) => {
      const who = acting(req, rule);
      await idempotent(db, req, async (tx) => {
        await removeFromLineup(tx, who, req.params.editionId, req.body);
        return { status: 200, body: {} };
      });
      return getLineup(db, req.params.editionId);
    },
  );
};
