import { z } from 'zod';
import { bigintIdParam, calendarDate, int4IdParam } from '../../platform/http/input.ts';
import type { RoutePlugin } from '../../platform/http/server.ts';
import { registryPolicy } from '../policy.ts';
import { funnel } from './funnel.ts';
import { readJourney, recordStage } from './journey.ts';
import type { StageNo } from './stages.ts';
import { acting } from '../../platform/auth/acting.ts';

const Bi = z.object({ id: z.string(), en: z.string() });
const umkmParam = z.strictObject({ umkmId: bigintIdParam() });
const StageCount = z.object({
  stage: z.number(),
  members: z.number(),
  rateFromPrevious: z.number().nullable(),
  rateFromP1: z.number().nullable(),
});

const JourneyOut = z.object({
  umkmId: z.number(),
  name: z.string(),
  reachedCount: z.number(),
  canRecord: z.boolean(),
  stages: z.array(
    z.object({
      stage: z.number(),
      code: z.string(),
      label: Bi,
      reached: z.boolean(),
      reachedOn: z.string().nullable(),
      reachedOnText: Bi.nullable(),
      evidence: z.record(z.string(), z.unknown()).nullable(),
      recordedBy: z.object({ id: z.number(), name: z.string() }).nullable(),
      recordedAt: z.string().nullable(),
      recordedAtWib: Bi.nullable(),
    }),
  ),
});

export const journeyRoutes: RoutePlugin = (app, { db }) => {
  app.get(
    '/api/registry/members/:umkmId/journey',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'getMemberJourney',
        tags: ['registry'],
        summary: "A member's 7P journey (within the caller's scope)",
        params: umkmParam,
        response: { 200: JourneyOut },
      },
    },
    async (req) => readJourney(db, req.actor, req.params.umkmId),
  );

  app.put(
    '/api/registry/members/:umkmId/journey/:stage',
    {
      config: { access: registryPolicy.recordsJourney },
      schema: {
        operationId: 'recordJourneyStage',
        tags: ['registry'],
        summary: 'Record (or correct) that a member reached a 7P stage, with its evidence',
        params: z.strictObject({ umkmId: bigintIdParam(), stage: z.coerce.number().int().min(1).max(7) }),
        body: z.strictObject({
          reachedOn: calendarDate(),
          evidence: z.record(z.string(), z.unknown()),
        }),
        response: { 200: JourneyOut, 201: JourneyOut },
      },
    },
    async (req, reply) => {
      const { umkmId, stage } = req.params;
      const { created } = await db.transaction((tx) =>
        recordStage(tx, req.actor, acting(req, registryPolicy.recordsJourney).role, req.id, {
          umkmId,
          stage: stage as StageNo,
          reachedOn: req.body.reachedOn,
          evidence: req.body.evidence,
        }),
      );
      return reply.code(created ? 201 : 200).send(await readJourney(db, req.actor, umkmId));
    },
  );

  app.get(
    '/api/registry/funnel',
    {
      config: { access: registryPolicy.seesFunnels },
      schema: {
        operationId: 'getJourneyFunnel',
        tags: ['registry'],
        summary: '7P funnel for a pengampu and/or region, optionally broken down; counts and conversion rates',
        querystring: z.strictObject({
          agencyId: int4IdParam().optional(),
          region: z
            .string()
            .regex(/^[0-9]{2,10}$/)
            .optional(),
          groupBy: z.enum(['none', 'agency', 'city', 'district', 'village']).optional(),
        }),
        response: {
          200: z.object({
            slice: z.object({
              agency: z.object({ id: z.number(), name: z.string() }).nullable(),
              region: z.object({ code: z.string(), name: z.string(), level: z.string() }).nullable(),
            }),
            groupBy: z.string(),
            source: z.enum(['live', 'rollup']),
            asOf: z.string(),
            asOfWib: Bi,
            stages: z.array(z.object({ stage: z.number(), code: z.string(), label: Bi })),
            total: z.array(StageCount),
            groups: z.array(z.object({ key: z.string(), name: z.string(), stages: z.array(StageCount) })),
          }),
        },
      },
    },
    async (req) => funnel(db, req.actor, req.query, (e) => req.log.error({ err: e }, 'funnel rollup refresh failed')),
  );
};
