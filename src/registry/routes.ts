import { z } from 'zod';
import { bigintIdParam } from '../platform/http/input.ts';
import { acting, actingAs, signedIn } from '../platform/auth/acting.ts';
import { AppError, notFound } from '../platform/http/problem.ts';
import type { RoutePlugin } from '../platform/http/server.ts';
import { TokenBuckets } from '../platform/rate-limit.ts';
import { correctMember } from './correct-member.ts';
import { getMember, listMembers } from './members.ts';
import { decideDeletion, exportOwnData, listDataRequests, requestDeletion } from './personal-data-rights.ts';
import { deskDistricts, registryPolicy } from './policy.ts';
import { registerMember } from './register-member.ts';
import { revealNik } from './reveal-nik.ts';
import * as S from './schema.ts';
import { validateIdentifier } from './validate-identifier.ts';

const Bi = z.object({ id: z.string(), en: z.string() });
const IdentifierError = z.object({ field: z.string().optional(), code: z.string(), message: Bi });
const umkmParam = z.strictObject({ umkmId: bigintIdParam() });
const noSuchMember = () => notFound({ id: 'UMKM tidak ditemukan.', en: 'No such UMKM.' });

const MESSAGES = {
  registered: { id: 'Pendaftaran berhasil.', en: 'Registered.' },
  linked: {
    id: 'Usaha ini sudah terdaftar; pengampu Anda ditambahkan sebagai pembina.',
    en: 'This business was already registered; your agency was added as a fostering agency.',
  },
  already_registered: { id: 'Usaha ini sudah terdaftar.', en: 'This business is already registered.' },
};

export const registryRoutes: RoutePlugin = (app, { db }) => {
  const buckets = new TokenBuckets(20, 40);
  // "Already registered" tells whether a NIK/NIB is in the register: like failed logins, such answers are limited
  // (per account and per address, 5 and 50 per 15 minutes), so the registration form cannot probe the register.
  const accountRefusals = new TokenBuckets(5 / 900, 5);
  const addressRefusals = new TokenBuckets(50 / 900, 50);

  app.post(
    '/api/identifiers/validate',
    {
      config: { access: 'public', crossOrigin: true },
      schema: {
        operationId: 'validateIdentifier',
        tags: ['registry'],
        summary:
          'Check a NIK, NIB, NPWP, phone number or postal code, with what can be derived from it (changes nothing)',
        body: z.strictObject({
          kind: z.enum(['nik', 'nib', 'npwp', 'phone', 'postal_code']),
          value: z.string().max(100),
        }),
        response: {
          200: z.object({
            valid: z.boolean(),
            errors: z.array(IdentifierError),
            derived: z.record(z.string(), z.unknown()),
          }),
        },
      },
    },
    async (req) => {
      buckets.take(req.ip);
      return validateIdentifier(db, req.body.kind, req.body.value);
    },
  );

  app.post(
    '/api/registry/registrations',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'registerOwnBusiness',
        tags: ['registry'],
        summary: 'An owner registers their own business (the account becomes its owner)',
        body: S.Registration,
        response: { 201: S.RegistrationOut, 200: S.RegistrationOut },
      },
    },
    async (req, reply) => {
      const { actor, who } = actingAs(req, 'umkm_owner'); // the account becomes the business's owner: it acts as one
      const refused = () => {
        accountRefusals.spend(String(actor.accountId));
        addressRefusals.spend(req.ip);
      };
      accountRefusals.check(String(actor.accountId));
      addressRefusals.check(req.ip);
      try {
        const r = await db.transaction((tx) => registerMember(tx, who, req.body, 'self', actor.accountId));
        if (r.outcome === 'already_registered') refused();
        return reply.code(r.outcome === 'registered' ? 201 : 200).send({ ...r, message: MESSAGES[r.outcome] });
      } catch (e) {
        if (e instanceof AppError && e.code === 'already_registered') refused();
        throw e;
      }
    },
  );

  app.post(
    '/api/registry/desk-registrations',
    {
      config: { access: registryPolicy.registersAtDesk },
      schema: {
        operationId: 'registerAtDesk',
        tags: ['registry'],
        summary:
          'A pendamping registers an owner at the kecamatan desk; returns the code the owner claims the account with',
        body: S.Registration,
        response: { 201: S.RegistrationOut, 200: S.RegistrationOut },
      },
    },
    async (req, reply) => {
      const { actor, who } = acting(req, registryPolicy.registersAtDesk);
      const r = await db.transaction((tx) =>
        registerMember(tx, who, req.body, 'desk', undefined, deskDistricts(actor)),
      );
      return reply.code(r.outcome === 'registered' ? 201 : 200).send({ ...r, message: MESSAGES[r.outcome] });
    },
  );

  app.get(
    '/api/registry/members',
    {
      config: { access: registryPolicy.readsMembers },
      schema: {
        operationId: 'listMembers',
        tags: ['registry'],
        summary: 'Members within the caller’s scope, newest first (NIK masked)',
        querystring: z.strictObject({
          q: z.string().max(100).optional(),
          district: z
            .string()
            .regex(/^\d{6}$/)
            .optional(),
          after: bigintIdParam().optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: z.object({ items: z.array(S.MemberOut) }) },
      },
    },
    async (req) => ({ items: await listMembers(db, req.actor, req.query) }),
  );

  app.get(
    '/api/registry/members/:umkmId',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'getMember',
        tags: ['registry'],
        summary: 'One member (NIK masked)',
        params: umkmParam,
        response: { 200: S.MemberOut },
      },
    },
    async (req) => {
      const m = await getMember(db, req.actor, req.params.umkmId);
      if (!m) throw noSuchMember();
      return m;
    },
  );

  app.get(
    '/api/registry/members/:umkmId/nik',
    {
      config: { access: registryPolicy.revealsNik },
      schema: {
        operationId: 'revealMemberNik',
        tags: ['registry'],
        summary: 'The owner’s NIK in clear, for the owner and the roles that check KTPs; every view is audited',
        params: umkmParam,
        response: { 200: z.object({ nik: z.string() }) },
      },
    },
    async (req) => ({ nik: await db.transaction((tx) => revealNik(tx, signedIn(req), req.id, req.params.umkmId)) }),
  );

  app.patch(
    '/api/registry/members/:umkmId',
    {
      config: { access: registryPolicy.corrects },
      schema: {
        operationId: 'correctMember',
        tags: ['registry'],
        summary: 'Correct a member’s record (the owner’s right to correct, or the desk on their behalf)',
        params: umkmParam,
        body: S.MemberCorrection,
        response: { 200: S.MemberOut },
      },
    },
    async (req) => {
      // One round: the correction locks the member within the caller's scope (absent and out of scope alike are
      // not found), and the answer is read in the same transaction.
      const { actor, who } = acting(req, registryPolicy.corrects);
      return db.transaction(async (tx) => {
        await correctMember(tx, who, actor, req.params.umkmId, req.body);
        return (await getMember(tx, actor, req.params.umkmId))!;
      });
    },
  );

  app.get(
    '/api/registry/my-data',
    {
      config: { access: registryPolicy.ownsData },
      schema: {
        operationId: 'downloadMyData',
        tags: ['registry'],
        summary: 'Everything the platform holds about the calling owner (UU 27/2022), as a JSON file',
      },
    },
    async (req, reply) => {
      const actor = signedIn(req);
      if (!actor.ownerId) throw notFound();
      const data = await exportOwnData(db, actor.ownerId);
      return reply
        .header('content-disposition', 'attachment; filename="data-saya-pasar-lokal.json"')
        .type('application/json')
        .send(JSON.stringify(data, null, 2));
    },
  );

  app.post(
    '/api/registry/my-data/deletion-requests',
    {
      config: { access: registryPolicy.ownsData },
      schema: {
        operationId: 'requestMyDeletion',
        tags: ['registry'],
        summary: 'Ask for one’s personal data to be deleted (decided by an admin; what the law requires is kept)',
        body: z.strictObject({ reason: z.string().max(2000).optional() }),
        response: { 202: z.object({ requestId: z.number().int(), message: Bi }) },
      },
    },
    async (req, reply) => {
      const { actor, who } = acting(req, registryPolicy.ownsData);
      const ownerId = actor.ownerId;
      if (!ownerId) throw notFound();
      const id = await db.transaction((tx) => requestDeletion(tx, who, ownerId, req.body.reason));
      return reply.code(202).send({
        requestId: id,
        message: {
          id: 'Permintaan penghapusan diterima dan akan diproses admin.',
          en: 'Deletion request received; an admin will handle it.',
        },
      });
    },
  );

  app.get(
    '/api/registry/data-requests',
    {
      config: { access: registryPolicy.handlesDataRequests },
      schema: {
        operationId: 'listDataRequests',
        tags: ['registry'],
        summary: 'Open personal-data requests',
        response: { 200: z.object({ items: z.array(S.DataRequestOut) }) },
      },
    },
    async () => ({ items: await listDataRequests(db) }),
  );

  app.post(
    '/api/registry/data-requests/:requestId/decision',
    {
      config: { access: registryPolicy.handlesDataRequests },
      schema: {
        operationId: 'decideDataRequest',
        tags: ['registry'],
        summary: 'Decide a deletion request: erase the person, keep what the law requires',
        params: z.strictObject({ requestId: bigintIdParam() }),
        body: z.strictObject({ decision: z.enum(['done', 'rejected']), note: z.string().trim().min(3).max(2000) }),
        response: { 200: z.object({ message: Bi }) },
      },
    },
    async (req) => {
      const { who } = acting(req, registryPolicy.handlesDataRequests);
      await db.transaction((tx) => decideDeletion(tx, who, req.params.requestId, req.body.decision, req.body.note));
      return { message: { id: 'Keputusan disimpan.', en: 'Decision saved.' } };
    },
  );
};
