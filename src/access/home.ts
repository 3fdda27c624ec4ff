import type { AccountActor } from '../platform/auth/actor.ts';
import type { Db, Queryable } from '../platform/db/types.ts';
import { fig, type Figure, type ListItem } from '../platform/home-figures.ts';
import type { Bilingual } from '../platform/http/problem.ts';
import { formatWib } from '../platform/time.ts';
import { newestProducts, ownerProducts, allProductsFigure, publishedFigures } from '../catalog/home-figures.ts';
import { kuratorFigures, kuratorQueue, waitingInDistrict } from '../curation/home-figures.ts';
import {
  agencyParticipationShortcut,
  PAGES as JBL,
  sellerJblWork,
  currentEditionShortcut,
  PARTICIPATION_SHORTCUT,
  PAYOUTS_SHORTCUT,
  TREND_SHORTCUT,
} from '../jbl/home-figures.ts';
import {
  type Builder,
  MEMBERS_SHORTCUT,
  FUNNEL_SHORTCUT,
  OVERLAP_SHORTCUT,
  EXPORT_SHORTCUT,
  EXPIRING_SHORTCUT,
  CURATION_QUEUE_SHORTCUT,
  CURATION_OVERDUE_SHORTCUT,
  NOTIFICATIONS_SHORTCUT,
  type HomeSection,
  scopeName,
} from './home-parts.ts';
import { mallFigures } from '../mall/home-figures.ts';
import {
  bureauWork,
  PAGES as PROCUREMENT,
  paKpaWork,
  ppkWork,
  procurementOfficerWork,
  sellerWork,
  treasurerWork,
  type WorkSection,
} from '../procurement/home-figures.ts';
import {
  districtFigures,
  fosteringFigures,
  newestFostered,
  ownerFigures,
  provinceFigures,
  sizeClassFigures,
  unclaimedOwners,
} from '../registry/home-figures.ts';

/**
 * Each role's home: that role's real work read from the database — figures, a queue or list, shortcuts —
 * within the role's scope. One section per role the account holds. Each context offers its own figures and lists
 * (`<context>/home-figures.ts`, from rollups where its tables are large); this file only composes them, and reads
 * access's own tables (accounts, the audit log).
 */
export type { Figure, ListItem };
export type { HomeSection };

const districtDesk: Builder = async (db, g) => ({
  figures: [...(await districtFigures(db, g.scopeId)), await waitingInDistrict(db, g.scopeId, g.role)],
  list: {
    title: {
      id: 'Antrean: pemilik yang perlu dibantu mengaktifkan akun',
      en: 'Queue: owners to help claim their account',
    },
    empty: { id: 'Tidak ada antrean.', en: 'Nothing waiting.' },
    items: await unclaimedOwners(db, g.scopeId),
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

const buyerAgency: Builder = async (db) => {
  const { available, suppliers } = await publishedFigures(db);
  return { figures: [available, suppliers], list: null, shortcuts: [await currentEditionShortcut(db)] };
};

// e-Order (src/procurement; pages in web/src/pages/procurement): each official's queue in its agency.
const sc = (href: string, id: string, en: string) => ({ href, label: { id, en } });
const queue = (title: Bilingual, w: WorkSection, shortcuts: HomeSection['shortcuts']) => ({
  figures: w.figures,
  list: { title, items: w.items, empty: { id: 'Tidak ada yang menunggu Anda.', en: 'Nothing is waiting for you.' } },
  shortcuts,
});
const agencyOfficial =
  (
    work: (db: Queryable, agencyId: number) => Promise<WorkSection>,
    title: Bilingual,
    shortcuts: HomeSection['shortcuts'],
  ): Builder =>
  async (db, g) =>
    queue(title, await work(db, Number(g.scopeId)), shortcuts);
const SHARE_SHORTCUT = sc(PROCUREMENT.share, 'Porsi belanja UMK', 'UMK share of spending');

const BUILDERS: Record<string, Builder> = {
  platform_admin: async (db, _g, _actor, onError) => ({
    figures: [
      ...(await provinceFigures(db, onError)),
      await allProductsFigure(db),
      fig('Akun', 'Accounts', (await db.query<{ n: number }>('select count(*) as n from account'))[0]?.n ?? 0),
    ],
    list: {
      title: { id: 'Aktivitas terbaru (log audit)', en: 'Latest activity (audit log)' },
      empty: { id: 'Belum ada aktivitas.', en: 'No activity yet.' },
      items: (
        await db.query<{ action: string; actor_label: string; at: Date }>(
          'select action, actor_label, at from audit_log order by id desc limit 8',
        )
      ).map((r) => ({
        primary: r.action,
        secondary: {
          id: `${r.actor_label} · ${formatWib(r.at, 'id')}`,
          en: `${r.actor_label} · ${formatWib(r.at, 'en')}`,
        },
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
      { href: '/jbl/susunan', label: { id: 'Susunan Jumat Beli Lokal', en: 'Jumat Beli Lokal line-up' } },
      NOTIFICATIONS_SHORTCUT,
      TREND_SHORTCUT,
      PARTICIPATION_SHORTCUT,
    ],
  }),
  pengampu_officer: async (db, g) => ({
    figures: await fosteringFigures(db, g.scopeId),
    list: {
      title: { id: 'Binaan terbaru', en: 'Newest members' },
      empty: { id: 'Belum ada binaan.', en: 'No members yet.' },
      items: await newestFostered(db, g.scopeId),
    },
    shortcuts: [MEMBERS_SHORTCUT, FUNNEL_SHORTCUT, OVERLAP_SHORTCUT, EXPORT_SHORTCUT],
  }),
  pendamping: districtDesk,
  kasatpel: districtDesk,
  // The kurator's work: products validated by the kecamatan in the calls they are assigned to, soonest due first.
  kurator: async (db, _g, actor) => ({
    figures: await kuratorFigures(db, actor.accountId),
    list: {
      title: { id: 'Antrean penilaian', en: 'Scoring queue' },
      empty: { id: 'Tidak ada antrean.', en: 'Nothing waiting.' },
      items: await kuratorQueue(db, actor.accountId),
    },
    shortcuts: [CURATION_QUEUE_SHORTCUT, CURATION_OVERDUE_SHORTCUT, NOTIFICATIONS_SHORTCUT],
  }),
  umkm_owner: async (db, _g, actor) => {
    const ownerId = actor.ownerId ?? -1;
    const registry = await ownerFigures(db, ownerId);
    const products = await ownerProducts(db, ownerId);
    const sales = await sellerWork(db, ownerId);
    const fridays = await sellerJblWork(db, ownerId);
    return {
      figures: [registry.businesses, products.figure, registry.expiring, ...sales.figures, ...fridays.figures],
      list: {
        title: { id: 'Produk saya', en: 'My products' },
        empty: {
          id: 'Belum ada produk. Tambahkan produk pertama Anda.',
          en: 'No products yet. Add your first product.',
        },
        items: [...sales.items, ...fridays.items, ...products.items],
      },
      shortcuts: [
        { href: PROCUREMENT.sellerInbox, label: { id: 'Pesanan pemerintah', en: 'Government orders' } },
        { href: PROCUREMENT.statement, label: { id: 'Pendapatan dari pemerintah', en: 'Income from government' } },
        { href: JBL.sellerEditions, label: { id: 'Jumat Beli Lokal saya', en: 'My Buy Local Friday' } },
        { href: '/usaha-saya', label: { id: 'Kelola usaha', en: 'Manage my business' } },
        { href: '/usaha-saya/produk', label: { id: 'Kelola produk', en: 'Manage my products' } },
        { href: '/izin', label: { id: 'Izin usaha saya', en: 'My permits' } },
        { href: '/kurasi', label: { id: 'Ajukan produk ke kurasi', en: 'Submit products to curation' } },
        PAYOUTS_SHORTCUT,
        NOTIFICATIONS_SHORTCUT,
      ],
    };
  },
  pa_kpa: agencyOfficial(paKpaWork, { id: 'Menunggu keputusan Anda', en: 'Awaiting your decision' }, [
    sc(PROCUREMENT.packages, 'Paket pengadaan (RUP)', 'Procurement packages (RUP)'),
    sc(PROCUREMENT.exceptions, 'Pengecualian aturan wajib', 'Mandate exceptions'),
    sc(PROCUREMENT.autodebits, 'Persetujuan autodebit', 'Autodebit approvals'),
    SHARE_SHORTCUT,
    PARTICIPATION_SHORTCUT,
  ]),
  ppk: agencyOfficial(ppkWork, { id: 'Pengiriman menunggu BAST', en: 'Deliveries awaiting a BAST' }, [
    sc(PROCUREMENT.packages, 'Paket pengadaan (RUP)', 'Procurement packages (RUP)'),
    sc(PROCUREMENT.bast, 'Tanda tangan BAST', 'Sign BASTs'),
    SHARE_SHORTCUT,
  ]),
  pejabat_pengadaan: agencyOfficial(
    procurementOfficerWork,
    { id: 'Paket siap dipesan', en: 'Packages ready to order' },
    [sc(PROCUREMENT.packages, 'Paket pengadaan (RUP)', 'Procurement packages (RUP)')],
  ),
  bendahara: agencyOfficial(
    treasurerWork,
    { id: 'Tagihan, jatuh tempo terdekat dulu', en: 'Bills, soonest due first' },
    [sc(PROCUREMENT.payments, 'Pembayaran', 'Payments'), sc(PROCUREMENT.ageing, 'Umur tagihan', 'Payment ageing')],
  ),
  asn_buyer: async (db, g, actor, onError) => {
    const home = await buyerAgency(db, g, actor, onError);
    // The current edition to shop in, then how the ASN's agency is doing.
    return { ...home, shortcuts: [...home.shortcuts, agencyParticipationShortcut(g.scopeId)] };
  },
  bppbj_analyst: async (db) =>
    queue(
      { id: 'Instansi dengan porsi UMK terendah', en: 'Agencies with the lowest UMK share' },
      await bureauWork(db),
      [
        SHARE_SHORTCUT,
        sc(PROCUREMENT.ageing, 'Umur tagihan', 'Payment ageing'),
        sc(PROCUREMENT.exceptions, 'Pengecualian aturan wajib', 'Mandate exceptions'),
        FUNNEL_SHORTCUT,
        OVERLAP_SHORTCUT,
        PARTICIPATION_SHORTCUT,
      ],
    ),
  auditor: async (db) => ({
    figures: [
      fig(
        'Entri log audit',
        'Audit log entries',
        (await db.query<{ n: number }>('select count(*) as n from audit_log'))[0]?.n ?? 0,
      ),
    ],
    list: {
      title: { id: 'Entri terbaru', en: 'Latest entries' },
      empty: { id: 'Belum ada entri.', en: 'No entries yet.' },
      items: (
        await db.query<{ id: number; action: string; entity_type: string; entity_id: string; at: Date }>(
          'select id, action, entity_type, entity_id, at from audit_log order by id desc limit 8',
        )
      ).map((r) => ({
        primary: `#${r.id} ${r.action}`,
        secondary: {
          id: `${r.entity_type} ${r.entity_id} · ${formatWib(r.at, 'id')}`,
          en: `${r.entity_type} ${r.entity_id} · ${formatWib(r.at, 'en')}`,
        },
      })),
    },
    shortcuts: [
      { href: '/log-audit', label: { id: 'Log audit', en: 'Audit log' } },
      FUNNEL_SHORTCUT,
      OVERLAP_SHORTCUT,
      EXPORT_SHORTCUT,
      TREND_SHORTCUT,
      PARTICIPATION_SHORTCUT,
    ],
  }),
  mall_partner: async (db, g) => ({ figures: await mallFigures(db, g.scopeId), list: null, shortcuts: [] }),
  lender_officer: async (db) => ({
    figures: await sizeClassFigures(db),
    list: null,
    shortcuts: [],
  }),
  public_buyer: async (db) => ({
    figures: [(await publishedFigures(db)).available],
    list: {
      title: { id: 'Produk terbaru', en: 'Newest products' },
      empty: { id: 'Belum ada produk.', en: 'No products yet.' },
      items: await newestProducts(db),
    },
    shortcuts: [await currentEditionShortcut(db)],
  }),
};

/**
 * The caller's home. `onError` hears a failed background refresh of the register's rollup (the page is answered
 * from the older copy meanwhile); the route should pass its request logger.
 */
export async function roleHome(
  db: Db,
  actor: AccountActor,
  onError: (e: unknown) => void = (e) => console.error('registry rollup refresh failed', e),
): Promise<HomeSection[]> {
  const sections: HomeSection[] = [];
  for (const g of actor.grants) {
    const build = BUILDERS[g.role];
    if (!build) continue;
    sections.push({ role: g.role, scope: await scopeName(db, g), ...(await build(db, g, actor, onError)) });
  }
  return sections;
}
