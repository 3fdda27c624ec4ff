// Who hears of each curation event, and what they read: an in-app notification per recipient (created in the
// step's transaction) and, for the person who acted, the recipients to message on WhatsApp (routes.ts turns
// them into wa.me links; phones never enter the stored answer of an idempotent request).
import type { Queryable } from '../platform/db/types.ts';
import { formatDate } from '../platform/time.ts';
import { notify } from '../notifications/notifications.ts';
import type { SubmissionRow } from './submissions.ts';

export interface Notice {
  accountId: number;
  recipient: string;
  role: string;
  title: { id: string; en: string };
  body: { id: string; en: string };
  link: string;
}

export type CurationEvent =
  | { kind: 'submitted' | 'resubmitted' | 'verified' | 'validated'; due: string }
  | { kind: 'returned'; by: 'pendamping' | 'kasatpel'; notes: string }
  | { kind: 'passed'; grade: string | null; percent: number; code: string }
  | { kind: 'not_passed'; percent: number }
  | { kind: 'certificate_revoked'; code: string; reason: string };

interface Recipient {
  id: number;
  display_name: string;
}

const districtOfficers = (db: Queryable, role: 'pendamping' | 'kasatpel', district: string) =>
  db.query<Recipient>(
    `select distinct a.id, a.display_name from account a join role_grant g on g.account_id = a.id
      where g.role = $1 and g.scope_id = $2 and a.status = 'active' order by a.id`,
    [role, district],
  );
const callKurators = (db: Queryable, callId: number) =>
  db.query<Recipient>(
    `select a.id, a.display_name from curation_call_kurator k join account a on a.id = k.account_id where k.call_id = $1 and a.status = 'active' order by a.id`,
    [callId],
  );
const ownerAccounts = (db: Queryable, ownerId: number) =>
  db.query<Recipient>(`select id, display_name from account where owner_id = $1 and status = 'active'`, [ownerId]);

const ROLE_NAME = {
  pendamping: { id: 'pendamping', en: 'the pendamping' },
  kasatpel: { id: 'kasatpel', en: 'the kasatpel' },
};

function message(
  s: SubmissionRow,
  e: CurationEvent,
): { title: { id: string; en: string }; body: { id: string; en: string } } {
  const what = `${s.product_name} (${s.umkm_name})`;
  const call = { id: `"${s.call_title_id}"`, en: `"${s.call_title_en}"` };
  const due = 'due' in e ? { id: formatDate(e.due, 'id'), en: formatDate(e.due, 'en') } : { id: '', en: '' };
  switch (e.kind) {
    case 'submitted':
    case 'resubmitted':
      return {
        title:
          e.kind === 'submitted'
            ? { id: 'Pengajuan kurasi baru', en: 'New curation submission' }
            : { id: 'Pengajuan kurasi diajukan ulang', en: 'Curation submission resubmitted' },
        body: {
          id: `${what} diajukan ke kurasi ${call.id}. Mohon diverifikasi paling lambat ${due.id}.`,
          en: `${what} was submitted to ${call.en}. Please verify it by ${due.en}.`,
        },
      };
    case 'verified':
      return {
        title: { id: 'Pengajuan menunggu validasi', en: 'Submission awaiting validation' },
        body: {
          id: `${what} telah diverifikasi pendamping. Mohon divalidasi paling lambat ${due.id}.`,
          en: `${what} was verified by the pendamping. Please validate it by ${due.en}.`,
        },
      };
    case 'validated':
      return {
        title: { id: 'Produk siap dinilai', en: 'Product ready to score' },
        body: {
          id: `${what} dalam kurasi ${call.id} siap dinilai. Mohon dinilai paling lambat ${due.id}.`,
          en: `${what} in ${call.en} is ready to score. Please score it by ${due.en}.`,
        },
      };
    case 'returned':
      return {
        title: { id: 'Pengajuan dikembalikan', en: 'Submission returned' },
        body: {
          id: `${s.product_name} dikembalikan oleh ${ROLE_NAME[e.by].id} dengan catatan: "${e.notes}" Perbaiki lalu ajukan ulang.`,
          en: `${s.product_name} was returned by ${ROLE_NAME[e.by].en} with the note: "${e.notes}" Improve it, then resubmit.`,
        },
      };
    case 'passed':
      return {
        title: { id: 'Produk lolos kurasi', en: 'Product passed curation' },
        body: {
          id: `${s.product_name} lolos kurasi ${call.id}${e.grade ? ` dengan nilai ${e.grade}` : ''} (${e.percent}%). Sertifikat ${e.code} dapat diunduh.`,
          en: `${s.product_name} passed ${call.en}${e.grade ? ` with grade ${e.grade}` : ''} (${e.percent}%). Certificate ${e.code} can be downloaded.`,
        },
      };
    case 'not_passed':
      return {
        title: { id: 'Produk belum lolos kurasi', en: 'Product did not pass curation' },
        body: {
          id: `${s.product_name} belum lolos kurasi ${call.id} (${e.percent}%). Baca catatan kurator, perbaiki, lalu ajukan ulang.`,
          en: `${s.product_name} did not pass ${call.en} (${e.percent}%). Read the kurator's notes, improve it, then resubmit.`,
        },
      };
    case 'certificate_revoked':
      return {
        title: { id: 'Sertifikat kurasi dicabut', en: 'Curation certificate revoked' },
        body: {
          id: `Sertifikat ${e.code} untuk ${s.product_name} dicabut Dinas: ${e.reason}`,
          en: `Certificate ${e.code} for ${s.product_name} was revoked by the Dinas: ${e.reason}`,
        },
      };
  }
}

/** Notifies the people the event concerns and returns them for the actor's WhatsApp links. */
export async function announce(tx: Queryable, s: SubmissionRow, e: CurationEvent): Promise<Notice[]> {
  const [role, recipients] =
    e.kind === 'submitted' || e.kind === 'resubmitted'
      ? ['pendamping', await districtOfficers(tx, 'pendamping', s.district_code)]
      : e.kind === 'verified'
        ? ['kasatpel', await districtOfficers(tx, 'kasatpel', s.district_code)]
        : e.kind === 'validated'
          ? ['kurator', await callKurators(tx, s.call_id)]
          : ['umkm_owner', await ownerAccounts(tx, s.owner_id)];
  const m = message(s, e);
  const link = `/kurasi/pengajuan/${s.id}`;
  await notify(
    tx,
    recipients.map((r) => r.id),
    { kind: `curation.${e.kind}`, umkmId: s.umkm_id, title: m.title, body: m.body, link },
  );
  return recipients.map((r) => ({
    accountId: r.id,
    recipient: r.display_name,
    role,
    title: m.title,
    body: m.body,
    link,
  }));
}
