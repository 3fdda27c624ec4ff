// The package's PPK attaches a document (KAK/spesifikasi, HPS, SPK template, other). The file is stored before the
// transaction; the route removes it again when the transaction refuses.
import type { Acting } from '../../platform/auth/acting.ts';
import { audit } from '../../platform/audit.ts';
import type { Tx } from '../../platform/db/types.ts';
import { lockPackage, packageState } from './package-row.ts';
import { agencyScope, procurementPolicy } from '../policy.ts';

export const DOCUMENT_KINDS = ['kak', 'hps', 'spk', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export async function addPackageDocument(
  tx: Tx,
  a: Acting,
  packageId: number,
  doc: { kind: DocumentKind; fileName: string; path: string; mime: string },
) {
  const p = await lockPackage(tx, a.actor, packageId, procurementPolicy.preparesPackage, 'ppk_account_id');
  if (p.status !== 'assigned' && p.status !== 'ready') throw packageState(p.status, 'yang ditugaskan / assigned');
  const [d] = await tx.query<{ id: number }>(
    `insert into package_document (package_id, kind, file_name, path, mime, uploaded_by, uploaded_at)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [p.id, doc.kind, doc.fileName, doc.path, doc.mime, a.actor.accountId, a.now],
  );
  await audit(tx, a.who, {
    action: 'procurement.package_document_add',
    entityType: 'procurement_package',
    entityId: p.id,
    after: { documentId: d!.id, kind: doc.kind, fileName: doc.fileName },
  });
  return {
    id: d!.id,
    kind: doc.kind,
    fileName: doc.fileName,
    mime: doc.mime,
    url: `/api/procurement/buying/documents/${d!.id}`,
  };
}

/** A document of a package the reader may read (its agency's officials, the bureau, the auditor); else undefined. */
export async function packageDocument(tx: Tx, a: Acting, documentId: number) {
  const scope = agencyScope(a.actor, procurementPolicy.readsAgencyOrders, 'p.agency_id', 2);
  const [d] = await tx.query<{
    id: number;
    package_id: number;
    kind: string;
    file_name: string;
    path: string;
    mime: string;
  }>(
    `select d.id, d.package_id, d.kind, d.file_name, d.path, d.mime from package_document d
       join procurement_package p on p.id = d.package_id where d.id = $1 and ${scope.sql}`,
    [documentId, ...scope.params],
  );
  return d;
}
