import type { AccountActor, Grant } from '../platform/auth/actor.ts';
import type { Queryable } from '../platform/db/types.ts';
import type { Bilingual } from '../platform/http/problem.ts';
import { formatRupiah } from '../platform/money.ts';
import { formatDate, formatWib } from '../platform/time.ts';

/**
 * Each role's home: that role's real work read from the database — figures, a queue or list, shortcuts —
 * within the role's scope. One section per role the account holds.
 */
export interface Figure {
  label: Bilingual;
  value: number;
  unit: 'count' | 'rupiah' | 'm2' | 'percent';
}
export interface ListItem {
  primary: string;
  secondary: Bilingual; // formatted on the server for each language (money, WIB times, statuses)
  umkmId?: number; // the business the row is about, for pages that act on it (the kecamatan desk)
}

const same = (text: string): Bilingual => ({ id: text, en: text });
const STATUS: Record<string, Bilingual> = {
  draft: { id: 'draf', en: 'draft' },
  published: { id: 'terbit', en: 'published' },
  archived: { id: 'diarsipkan', en: 'archived' },
};
export interface HomeSection {
  role: string;
  scope: { kind: string; id: string; name: string } | null;
  figures: Figure[];
  list: { title: Bilingual; items: ListItem[]; empty: Bilingual } | null;
  shortcuts: { href: string; label: Bilingual }[];
}

const count = async (db: Queryable, sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(sql, params))[0]?.n ?? 0;
const fig = (id: string, en: string, value: number, unit: Figure['unit'] = 'count'): Figure => ({ label: { id, en }, value, unit });

async function scopeName(db: Queryable, g: Grant): Promise<HomeSection['scope']> {
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

/** A permit that ends within the next 30 days, counted in Jakarta days. */
const EXPIRING = `p.expires_on between (now() at time zone 'Asia/Jakarta')::date and (now() at time zone 'Asia/Jakarta')::date + 30`;
const MEMBERS_IN_DISTRICT = `from umkm u join region v on v.code = u.village_code where v.parent_code = $1`;

type Builder = (db: Queryable, g: Grant, actor: AccountActor) => Promise<Omit<HomeSection, 'role' | 'scope'>>;

const MEMBERS_SHORTCUT = { href: '/anggota', label: { id: 'Cari anggota', en: 'Find a member' } }; // no label inside another (“Impor daftar anggota”): links are found by name
// The register's analysis and admin pages (web/src/pages/registry-admin); each role gets the ones its policy allows.
const FUNNEL_SHORTCUT = { href: '/corong', label: { id: 'Corong 7P', en: '7P funnel' } };
const OVERLAP_SHORTCUT = { href: '/tumpang-tindih', label: { id: 'Irisan daftar pengampu', en: 'Pengampu overlap' } };
const EXPORT_SHORTCUT = { href: '/ekspor', label: { id: 'Ekspor daftar anggota', en: 'Export the member list' } };
const EXPIRING_SHORTCUT = { href: '/izin', label: { id: 'Izin akan habis', en: 'Permits expiring' } };
// Curation (src/curation; pages in web/src/pages/curation): the officers' worklist, the overdue list, notifications.
const CURATION_QUEUE_SHORTCUT = { href: '/kurasi/antrian', label: { id: 'Antrean kurasi', en: 'Curation queue' } };
const CURATION_OVERDUE_SHORTCUT = { href: '/kurasi/terlambat', label: { id: 'Kurasi terlambat', en: 'Overdue curation' } };
const NOTIFICATIONS_SHORTCUT = { href: '/notifikasi', label: { id: 'Notifikasi', en: 'Notifications' } };
/** Submissions waiting at a step (status) in a kecamatan. */
const WAITING_IN_DISTRICT = `select count(*) as n from curation_submission s join umkm u on u.id = s.umkm_id join region v on v.code = u.village_code where s.status = $2 and v.parent_code = $1`;

const districtDesk: Builder = async (db, g, actor) => ({
  figures: [
    fig('UMKM di kecamatan ini', 'UMKM in this kecamatan', await count(db, `select count(*) as n ${MEMBERS_IN_DISTRICT}`, [g.scopeId])),
    fig('Pemilik belum mengaktifkan akun', 'Owners who have not claimed their account', await count(db, `select count(*) as n ${MEMBERS_IN_DISTRICT} and not exists (select 1 from account a where a.owner_id = u.owner_id and a.password_hash is not null)`, [g.scopeId])),
    // Permits expiring within 30 days (WIB): the queue is GET /api/registry/permits/expiring.
    fig('Izin akan habis (30 hari)', 'Permits expiring (30 days)', await count(db, `select count(*) as n from permit p join umkm u on u.id = p.umkm_id join region v on v.code = u.village_code where v.parent_code = $1 and ${EXPIRING}`, [g.scopeId])),
    g.role === 'pendamping'
      ? fig('Produk menunggu verifikasi', 'Products awaiting verification', await count(db, WAITING_IN_DISTRICT, [g.scopeId, 'submitted']))
      : fig('Produk menunggu validasi', 'Products awaiting validation', await count(db, WAITING_IN_DISTRICT, [g.scopeId, 'verified'])),
  ],
  list: {
    title: { id: 'Antrean: pemilik yang perlu dibantu mengaktifkan akun', en: 'Queue: owners to help claim their account' },
    empty: { id: 'Tidak ada antrean.', en: 'Nothing waiting.' },
    items: (
      await db.query<{ name: string; village: string; id: number }>(
        `select u.id, u.name, v.name as village ${MEMBERS_IN_DISTRICT}
           and not exists (select 1 from account a where a.owner_id = u.owner_id and a.password_hash is not null)
         order by u.registered_at desc, u.id desc limit 8`,
        [g.scopeId],
      )
    ).map((r) => ({ primary: r.name, secondary: same(`UMKM #${r.id} · ${r.village}`), umkmId: r.id })),
  },
  shortcuts: [
    ...(g.role === 'pendamping'
      ? [
          { href: '/meja-kecamatan', label: { id: 'Meja layanan kecamatan', en: 'Kecamatan desk' } },
          { href: '/meja-kecamatan/daftar', label: { id: 'Daftarkan UMKM baru', en: 'Register a new UMKM' } },
        ]
      : []),
    MEMBERS_SHORTCUT,
    EXPIRING_SHORTCUT,
    FUNNEL_SHORTCUT,
    EXPORT_SHORTCUT,
    CURATION_QUEUE_SHORTCUT,
    CURATION_OVERDUE_SHORTCUT,
    NOTIFICATIONS_SHORTCUT,
  ],
});

const buyerAgency: Builder = async (db) => ({
  figures: [
    fig('Produk UMKM tersedia', 'UMKM products available', await count(db, `select count(*) as n from product where status = 'published'`)),
    fig('UMKM pemasok', 'Supplying UMKM', await count(db, `select count(distinct umkm_id) as n from product where status = 'published'`)),
  ],
  list: null,
  shortcuts: [],
});

const BUILDERS: Record<string, Builder> = {
  platform_admin: async (db) => ({
    figures: [
      fig('Anggota Jakpreneur', 'Jakpreneur members', await count(db, `select count(*) as n from umkm where kind = 'jakpreneur'`)),
      fig('Terdaftar 30 hari terakhir', 'Registered in the last 30 days', await count(db, `select count(*) as n from umkm where registered_at > now() - interval '30 days'`)),
      fig('Produk', 'Products', await count(db, 'select count(*) as n from product')),
      fig('Akun', 'Accounts', await count(db, 'select count(*) as n from account')),
    ],
    list: {
      title: { id: 'Aktivitas terbaru (log audit)', en: 'Latest activity (audit log)' },
      empty: { id: 'Belum ada aktivitas.', en: 'No activity yet.' },
      items: (await db.query<{ action: string; actor_label: string; at: Date }>('select action, actor_label, at from audit_log order by id desc limit 8')).map((r) => ({
        primary: r.action,
        secondary: { id: `${r.actor_label} · ${formatWib(r.at, 'id')}`, en: `${r.actor_label} · ${formatWib(r.at, 'en')}` },
      })),
    },
    shortcuts: [
      MEMBERS_SHORTCUT,
      { href: '/admin/impor', label: { id: 'Impor daftar anggota', en: 'Import member lists' } },
      EXPORT_SHORTCUT,
      FUNNEL_SHORTCUT,
      OVERLAP_SHORTCUT,
      { href: '/admin/permintaan-data', label: { id: 'Permintaan data pribadi', en: 'Personal-data requests' } },
      { href: '/log-audit', label: { id: 'Log audit', en: 'Audit log' } },
      { href: '/kurasi/panggilan', label: { id: 'Panggilan kurasi', en: 'Curation calls' } },
      CURATION_OVERDUE_SHORTCUT,
      NOTIFICATIONS_SHORTCUT,
    ],
  }),
  pengampu_officer: async (db, g) => ({
    figures: [
      fig('UMKM binaan', 'Fostered UMKM', await count(db, 'select count(*) as n from fostering_link where agency_id::text = $1', [g.scopeId])),
      fig('Juga dibina pengampu lain', 'Also fostered by another agency', await count(db, 'select count(*) as n from fostering_link f where f.agency_id::text = $1 and exists (select 1 from fostering_link o where o.umkm_id = f.umkm_id and o.agency_id <> f.agency_id)', [g.scopeId])),
    ],
    list: {
      title: { id: 'Binaan terbaru', en: 'Newest members' },
      empty: { id: 'Belum ada binaan.', en: 'No members yet.' },
      items: (
        await db.query<{ name: string; since: string; id: number }>(
          'select u.id, u.name, f.since from fostering_link f join umkm u on u.id = f.umkm_id where f.agency_id::text = $1 order by f.since desc, u.id desc limit 8',
          [g.scopeId],
        )
      ).map((r) => ({ primary: r.name, secondary: { id: `UMKM #${r.id} · sejak ${formatDate(r.since, 'id')}`, en: `UMKM #${r.id} · since ${formatDate(r.since, 'en')}` } })),
    },
    shortcuts: [MEMBERS_SHORTCUT, FUNNEL_SHORTCUT, OVERLAP_SHORTCUT, EXPORT_SHORTCUT],
  }),
  pendamping: districtDesk,
  kasatpel: districtDesk,
  // The kurator's work: products validated by the kecamatan in the calls they are assigned to, soonest due first.
  kurator: async (db, _g, actor) => ({
    figures: [
      fig('Produk menunggu penilaian', 'Products awaiting scoring', await count(db, `select count(*) as n from curation_submission s join curation_call_kurator k on k.call_id = s.call_id where k.account_id = $1 and s.status = 'validated'`, [actor.accountId])),
      fig('Panggilan kurasi saya', 'My curation calls', await count(db, `select count(*) as n from curation_call_kurator k join curation_call c on c.id = k.call_id where k.account_id = $1 and c.status = 'open'`, [actor.accountId])),
    ],
    list: {
      title: { id: 'Antrean penilaian', en: 'Scoring queue' },
      empty: { id: 'Tidak ada antrean.', en: 'Nothing waiting.' },
      items: (
        await db.query<{ name: string; umkm: string; due_on: string }>(
          `select p.name, u.name as umkm, s.due_on::text as due_on from curation_submission s join curation_call_kurator k on k.call_id = s.call_id
             join product p on p.id = s.product_id join umkm u on u.id = s.umkm_id
            where k.account_id = $1 and s.status = 'validated' order by s.due_on, s.id limit 8`,
          [actor.accountId],
        )
      ).map((r) => ({ primary: r.name, secondary: { id: `${r.umkm} · tenggat ${formatDate(r.due_on, 'id')}`, en: `${r.umkm} · due ${formatDate(r.due_on, 'en')}` } })),
    },
    shortcuts: [CURATION_QUEUE_SHORTCUT, CURATION_OVERDUE_SHORTCUT, NOTIFICATIONS_SHORTCUT],
  }),
  umkm_owner: async (db, _g, actor) => ({
    figures: [
      fig('Usaha saya', 'My businesses', await count(db, 'select count(*) as n from umkm where owner_id = $1', [actor.ownerId ?? -1])),
      fig('Produk saya', 'My products', await count(db, 'select count(*) as n from product p join umkm u on u.id = p.umkm_id where u.owner_id = $1', [actor.ownerId ?? -1])),
      fig('Izin akan habis (30 hari)', 'Permits expiring (30 days)', await count(db, `select count(*) as n from permit p join umkm u on u.id = p.umkm_id where u.owner_id = $1 and ${EXPIRING}`, [actor.ownerId ?? -1])),
    ],
    list: {
      title: { id: 'Produk saya', en: 'My products' },
      empty: { id: 'Belum ada produk. Tambahkan produk pertama Anda.', en: 'No products yet. Add your first product.' },
      items: (
        await db.query<{ name: string; price: number; status: string }>(
          'select p.name, p.price, p.status from product p join umkm u on u.id = p.umkm_id where u.owner_id = $1 order by p.id limit 8',
          [actor.ownerId ?? -1],
        )
      ).map((r) => ({ primary: r.name, secondary: { id: `${formatRupiah(r.price)} · ${STATUS[r.status]?.id ?? r.status}`, en: `${formatRupiah(r.price, 'en')} · ${STATUS[r.status]?.en ?? r.status}` } })),
    },
    shortcuts: [
      { href: '/usaha-saya', label: { id: 'Kelola usaha', en: 'Manage my business' } },
      { href: '/usaha-saya/produk', label: { id: 'Kelola produk', en: 'Manage my products' } },
      { href: '/izin', label: { id: 'Izin usaha saya', en: 'My permits' } },
      { href: '/kurasi', label: { id: 'Ajukan produk ke kurasi', en: 'Submit products to curation' } },
      NOTIFICATIONS_SHORTCUT,
    ],
  }),
  pa_kpa: buyerAgency,
  ppk: buyerAgency,
  pejabat_pengadaan: buyerAgency,
  bendahara: buyerAgency,
  asn_buyer: buyerAgency,
  bppbj_analyst: async (db) => {
    const [share] = await db.query<{ value: number }>(`select value from setting where key = 'procurement.umk_share_min' and effective_from <= current_date order by effective_from desc limit 1`);
    return {
      figures: [fig('Instansi pembeli', 'Buying agencies', await count(db, 'select count(*) as n from agency')), fig('Target porsi UMK', 'UMK share target', Math.round(Number(share?.value ?? 0) * 100), 'percent')],
      list: null,
      shortcuts: [FUNNEL_SHORTCUT, OVERLAP_SHORTCUT],
    };
  },
  auditor: async (db) => ({
    figures: [fig('Entri log audit', 'Audit log entries', await count(db, 'select count(*) as n from audit_log'))],
    list: {
      title: { id: 'Entri terbaru', en: 'Latest entries' },
      empty: { id: 'Belum ada entri.', en: 'No entries yet.' },
      items: (await db.query<{ id: number; action: string; entity_type: string; entity_id: string; at: Date }>('select id, action, entity_type, entity_id, at from audit_log order by id desc limit 8')).map((r) => ({
        primary: `#${r.id} ${r.action}`,
        secondary: { id: `${r.entity_type} ${r.entity_id} · ${formatWib(r.at, 'id')}`, en: `${r.entity_type} ${r.entity_id} · ${formatWib(r.at, 'en')}` },
      })),
    },
    shortcuts: [{ href: '/log-audit', label: { id: 'Log audit', en: 'Audit log' } }, FUNNEL_SHORTCUT, OVERLAP_SHORTCUT, EXPORT_SHORTCUT],
  }),
  mall_partner: async (db, g) => {
    const [m] = await db.query<{ area: number; share: number }>(
      `select effective_floor_m2 as area, (select value::text::numeric from setting where key = 'mall.umkm_floor_share' and effective_from <= current_date order by effective_from desc limit 1)::float8 as share from mall where id::text = $1`,
      [g.scopeId],
    );
    return {
      figures: [fig('Luas lantai efektif', 'Effective floor area', m?.area ?? 0, 'm2'), fig('Kewajiban ruang UMKM', 'UMKM space duty', Math.round((m?.area ?? 0) * (m?.share ?? 0)), 'm2')],
      list: null,
      shortcuts: [],
    };
  },
  lender_officer: async (db) => ({
    figures: [
      fig('UMKM mikro', 'Micro businesses', await count(db, `select count(*) as n from umkm where size_class = 'micro'`)),
      fig('UMKM kecil', 'Small businesses', await count(db, `select count(*) as n from umkm where size_class = 'small'`)),
    ],
    list: null,
    shortcuts: [],
  }),
  public_buyer: async (db) => ({
    figures: [fig('Produk UMKM tersedia', 'UMKM products available', await count(db, `select count(*) as n from product where status = 'published'`))],
    list: {
      title: { id: 'Produk terbaru', en: 'Newest products' },
      empty: { id: 'Belum ada produk.', en: 'No products yet.' },
      items: (await db.query<{ name: string; umkm: string }>(`select p.name, u.name as umkm from product p join umkm u on u.id = p.umkm_id where p.status = 'published' order by p.id desc limit 8`)).map((r) => ({ primary: r.name, secondary: same(r.umkm) })),
    },
    shortcuts: [],
  }),
};

export async function roleHome(db: Queryable, actor: AccountActor): Promise<HomeSection[]> {
  const sections: HomeSection[] = [];
  for (const g of actor.grants) {
    const build = BUILDERS[g.role];
    if (!build) continue;
    sections.push({ role: g.role, scope: await scopeName(db, g), ...(await build(db, g, actor)) });
  }
  return sections;
}
