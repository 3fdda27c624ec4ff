// Open contracting data (OCDS 1.1), public: every plan and order as releases, paged by cursor, and the record of
// one contracting process. Anyone may read it, from any site (open data), and caches may keep it for a minute.
import { publicUrl } from '../../notifications/whatsapp.ts';
import type { RoutePlugin } from '../../platform/http/server.ts';
import { getRecord } from './get-record.ts';
import { listReleases } from './list-releases.ts';
import { RecordPackage, RecordParams, ReleasePackage, ReleaseQuery } from './schema.ts';

export const ocdsRoutes: RoutePlugin = (app, { db }) => {
  app.get(
    '/api/ocds/releases',
    {
      config: { access: 'public', crossOrigin: true },
      schema: {
        operationId: 'listOcdsReleases',
        tags: ['procurement'],
        summary:
          'OCDS 1.1 release package: releases of every plan and order, oldest first; since/until filter the release date, links.next pages on',
        querystring: ReleaseQuery,
        response: { 200: ReleasePackage },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return listReleases(db, req.query, publicUrl(req));
    },
  );

  app.get(
    '/api/ocds/records/:ocid',
    {
      config: { access: 'public', crossOrigin: true },
      schema: {
        operationId: 'getOcdsRecord',
        tags: ['procurement'],
        summary:
          'OCDS 1.1 record package of one contracting process (RUP package): its releases and the compiled release',
        params: RecordParams,
        response: { 200: RecordPackage },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return getRecord(db, req.params.ocid, publicUrl(req));
    },
  );
};
