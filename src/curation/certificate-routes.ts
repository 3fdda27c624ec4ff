// Certificates: anyone checks a code (rate-limited); the owner and the officers download the PDF; the Dinas revokes.
import type { RoutePlugin } from '../platform/http/server.ts';
import { idempotent } from '../platform/idempotency.ts';
import { TokenBuckets } from '../platform/rate-limit.ts';
import { publicUrl } from '../notifications/whatsapp.ts';
import { certificatePdf } from './certificate-pdf.ts';
import { certificateFor, publicCertificate, revokeCertificate } from './certificates.ts';
import { acting } from '../platform/auth/acting.ts';
import { curationPolicy } from './policy.ts';
import { CertificateParams, PublicCertificate, RevokeBody } from './schema.ts';

export const certificateRoutes: RoutePlugin = (app, { db }) => {
  const buckets = new TokenBuckets(5, 30); // a QR scan is one request; a script walking codes is not

  app.get(
    '/api/curation/certificates/:code',
    {
      config: { access: 'public', crossOrigin: true },
      schema: {
        operationId: 'verifyCurationCertificate',
        tags: ['curation'],
        summary: 'Check a certificate code: valid, revoked or unknown (no personal data)',
        params: CertificateParams,
        response: { 200: PublicCertificate },
      },
    },
    async (req) => {
      buckets.take(req.ip);
      return publicCertificate(db, req.params.code);
    },
  );

  app.get(
    '/api/curation/certificates/:code/pdf',
    {
      config: { access: curationPolicy.readsSubmissions },
      schema: {
        operationId: 'downloadCurationCertificate',
        tags: ['curation'],
        summary: 'The certificate as PDF with its verification QR (the business owner and officers)',
        params: CertificateParams,
      },
    },
    async (req, reply) => {
      const k = await certificateFor(db, req.actor, req.params.code);
      const pdf = await certificatePdf(k, publicUrl(req));
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="sertifikat-kurasi-${k.code}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.post(
    '/api/curation/certificates/:code/revoke',
    {
      config: { access: curationPolicy.managesCalls },
      schema: {
        operationId: 'revokeCurationCertificate',
        tags: ['curation'],
        summary: 'Revoke a certificate (the product leaves that channel); the owner is told',
        params: CertificateParams,
        body: RevokeBody,
        response: { 200: PublicCertificate },
      },
    },
    async (req) => {
      const a = acting(req, curationPolicy.managesCalls);
      const out = await idempotent(db, req, async (tx) => {
        const r = await revokeCertificate(tx, a, req.params.code, req.body.reason);
        return { status: 200, body: r.certificate };
      });
      return out.body;
    },
  );
};
