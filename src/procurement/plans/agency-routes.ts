// Agencies (OPD, BUMD): the list and one agency for officials and the bureau; units, officials, budgets and
// payment settings kept by the bureau (managesAgencies); an official's own agencies. Registered by plan-routes.ts.
import { z } from 'zod';
import { acting } from '../../platform/auth/acting.ts';
import type { RoutePlugin } from '../../platform/http/server.ts';
import { idempotent } from '../../platform/idempotency.ts';
import * as S from './agency-schema.ts';
import { getAgency, listAgencies, myAgencies } from './agencies.ts';
import { linkOfficial } from './link-official.ts';
import { procurementPolicy as P } from '../policy.ts';
import { createAgency, updateAgency } from './save-agency.ts';
import { addUnit, updateUnit } from './save-unit.ts';
import { setBudget } from './set-budget.ts';

const tags = ['procurement'];

export const agencyRoutes: RoutePlugin = (app, { db }) => {
  app.get(
    '/api/procurement/agencies',
    {
      config: { access: P.readsAgencyOrders },
      schema: {
        operationId: 'listProcurementAgencies',
        tags,
        summary: 'Agencies (OPD, BUMD) within my scope: all for the bureau, my own for an official',
        querystring: z.strictObject({ q: z.string().max(100).optional() }),
        response: { 200: S.AgencyList },
      },
    },
    async (req) => listAgencies(db, req.actor, req.query.q),
  );

  app.get(
    '/api/procurement/agencies/mine',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'listMyAgencies',
        tags,
        summary: 'The agencies I am an official of, with my roles there',
        response: { 200: S.MyAgencies },
      },
    },
    async (req) => myAgencies(db, req.actor),
  );

  app.get(
    '/api/procurement/agencies/:agencyId',
    {
      config: { access: P.readsAgencyOrders },
      schema: {
        operationId: 'getProcurementAgency',
        tags,
        summary: 'One agency with its units, officials, budgets and payment settings (within my scope)',
        params: S.AgencyParams,
        response: { 200: S.AgencyDetail },
      },
    },
    async (req) => getAgency(db, req.actor, req.params.agencyId),
  );

  app.post(
    '/api/procurement/agencies',
    {
      config: { access: P.managesAgencies },
      schema: {
        operationId: 'createProcurementAgency',
        tags,
        summary: 'Add an agency (OPD or BUMD) with its payment settings',
        body: S.AgencyInput,
        response: { 201: S.AgencyDetail },
      },
    },
    async (req, reply) => {
      const a = acting(req, P.managesAgencies);
      const out = await idempotent(db, req, async (tx) => ({ status: 201, body: await createAgency(tx, a, req.body) }));
      return reply.code(201).send(await getAgency(db, req.actor, out.body));
    },
  );

  app.patch(
    '/api/procurement/agencies/:agencyId',
    {
      config: { access: P.managesAgencies },
      schema: {
        operationId: 'updateProcurementAgency',
        tags,
        summary: "Change an agency's name, kind, kota or payment settings (SLA days, calendar or working days)",
        params: S.AgencyParams,
        body: S.AgencyPatch,
        response: { 200: S.AgencyDetail },
      },
    },
    async (req) => {
      const a = acting(req, P.managesAgencies);
      await db.transaction((tx) => updateAgency(tx, a, req.params.agencyId, req.body));
      return getAgency(db, req.actor, req.params.agencyId);
    },
  );

  app.post(
    '/api/procurement/agencies/:agencyId/units',
    {
      config: { access: P.managesAgencies },
      schema: {
        operationId: 'addAgencyUnit',
        tags,
        summary: 'Add a unit (bidang, UPT, suku dinas) to an agency',
        params: S.AgencyParams,
        body: S.UnitInput,
        response: { 201: S.AgencyDetail },
      },
    },
    async (req, reply) => {
      const a = acting(req, P.managesAgencies);
      await db.transaction((tx) => addUnit(tx, a, req.params.agencyId, req.body));
      return reply.code(201).send(await getAgency(db, req.actor, req.params.agencyId));
    },
  );

  app.patch(
    '/api/procurement/agencies/:agencyId/units/:unitId',
    {
      config: { access: P.managesAgencies },
      schema: {
        operationId: 'updateAgencyUnit',
        tags,
        summary: "Change a unit's code or name",
        params: S.UnitParams,
        body: S.UnitPatch,
        response: { 200: S.AgencyDetail },
      },
    },
    async (req) => {
      const a = acting(req, P.managesAgencies);
      await db.transaction((tx) => updateUnit(tx, a, req.params.agencyId, req.params.unitId, req.body));
      return getAgency(db, req.actor, req.params.agencyId);
    },
  );

  app.put(
    '/api/procurement/agencies/:agencyId/officials',
    {
      config: { access: P.managesAgencies },
      schema: {
        operationId: 'linkAgencyOfficial',
        tags,
        summary:
          'Link an existing account (by email) to the agency as PA/KPA, PPK, Pejabat Pengadaan or Bendahara: the official row and the role grant scoped to the agency',
        params: S.AgencyParams,
        body: S.OfficialInput,
        response: { 200: S.AgencyDetail },
      },
    },
    async (req) => {
      const a = acting(req, P.managesAgencies);
      await db.transaction((tx) => linkOfficial(tx, a, req.params.agencyId, req.body));
      return getAgency(db, req.actor, req.params.agencyId);
    },
  );

  app.put(
    '/api/procurement/agencies/:agencyId/budget',
    {
      config: { access: P.managesAgencies },
      schema: {
        operationId: 'setAgencyBudget',
        tags,
        summary: "Set an agency's goods-and-services budget for a year (whole rupiah)",
        params: S.AgencyParams,
        body: S.BudgetInput,
        response: { 200: S.AgencyDetail },
      },
    },
    async (req) => {
      const a = acting(req, P.managesAgencies);
      await db.transaction((tx) => setBudget(tx, a, req.params.agencyId, req.body));
      return getAgency(db, req.actor, req.params.agencyId);
    },
  );
};
