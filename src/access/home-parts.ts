// The parts of the role homes (home.ts) that every role's builder shares: the section's shape, the scope's name, and
// the shortcuts to the register's and curation's pages.
import type { AccountActor, Grant } from '../platform/auth/actor.ts';
import type { Db, Queryable } from '../platform/db/types.ts';
import type { Figure, ListItem } from '../platform/home-figures.ts';
import type { Bilingual } from '../platform/http/problem.ts';

export interface HomeSection {
  role: string;
  scope: { kind: string; id: string; name: string } | null;
  figures: Figure[];
  list: { title: Bilingual; items: ListItem[]; empty: Bilingual } | null;
  shortcuts: { href: string; label: Bilingual }[];
}

export async function scopeName(db: Queryable, g: Grant): Promise<HomeSection['scope']> {
  const table: Record<string, string> = {
    fostering_agency: 'select name from fostering_agency where id::text = $1',
    district: 'select name from region where code = $1',
    agency: 'select name from agency where id::text = $1',
    mall: 'select name from mall where id::text = $1',
    lender: 'select name from lender where id::text = $1',
  };
  const sql = table[g.scopeKind];
  if (!sql) return null;
  const [row] = await db.query<{ name: string }>(sql, [g.scopeId]);
  return { kind: g.scopeKind, id: g.scopeId, name: row?.name ?? g.scopeId };
}

export type Builder = (
  db: Db,
  g: Grant,
  actor: AccountActor,
  onError: (e: unknown) => void,
) => Promise<Omit<HomeSection, 'role' | 'scope'>>;

export const MEMBERS_SHORTCUT = { href: '/anggota', label: { id: 'Cari anggota', en: 'Find a member' } }; // no label inside another (“Impor daftar anggota”): links are found by name
// The register's analysis and admin pages (web/src/pages/registry-admin); each role gets the ones its policy allows.
export const FUNNEL_SHORTCUT = { href: '/corong', label: { id: 'Corong 7P', en: '7P funnel' } };
export const OVERLAP_SHORTCUT = {
  href: '/tumpang-tindih',
  label: { id: 'Irisan daftar pengampu', en: 'Pengampu overlap' },
};
export const EXPORT_SHORTCUT = {
  href: '/ekspor',
  label: { id: 'Ekspor daftar anggota', en: 'Export the member list' },
};
export const EXPIRING_SHORTCUT = { href: '/izin', label: { id: 'Izin akan habis', en: 'Permits expiring' } };
// Curation (src/curation; pages in web/src/pages/curation): the officers' worklist, the overdue list, notifications.
export const CURATION_QUEUE_SHORTCUT = {
  href: '/kurasi/antrian',
  label: { id: 'Antrean kurasi', en: 'Curation queue' },
};
export const CURATION_OVERDUE_SHORTCUT = {
  href: '/kurasi/terlambat',
  label: { id: 'Kurasi terlambat', en: 'Overdue curation' },
};
export const NOTIFICATIONS_SHORTCUT = { href: '/notifikasi', label: { id: 'Notifikasi', en: 'Notifications' } };
