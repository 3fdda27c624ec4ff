import { type ComponentType, lazy, type LazyExoticComponent } from 'react';
import { HomePage } from '../pages/home/HomePage.tsx';
import type { RouteParams } from './match.ts';

export interface PageProps {
  params: RouteParams;
}

export interface Route {
  path: string;
  component: ComponentType<PageProps> | LazyExoticComponent<ComponentType<PageProps>>;
}

/**
 * Every page address of the app. The home page is bundled with the shell (it is where most visits start, and a
 * separate chunk would add a round trip before anything useful shows); every other page is its own chunk, loaded
 * when first visited, so it never weighs on the home page.
 */
export const routes: readonly Route[] = [
  { path: '/', component: HomePage },
  { path: '/masuk', component: lazy(() => import('../pages/access/LoginPage.tsx')) },
  { path: '/aktifkan', component: lazy(() => import('../pages/access/ClaimPage.tsx')) },
  { path: '/lupa-sandi', component: lazy(() => import('../pages/access/ForgotPasswordPage.tsx')) },
  { path: '/atur-ulang', component: lazy(() => import('../pages/access/ResetPasswordPage.tsx')) },
  { path: '/daftar', component: lazy(() => import('../pages/registry/RegisterPage.tsx')) },
  { path: '/beranda', component: lazy(() => import('../pages/account/RoleHomePage.tsx')) },
  { path: '/keamanan/totp', component: lazy(() => import('../pages/account/TotpEnrolPage.tsx')) },
  { path: '/meja-kecamatan', component: lazy(() => import('../pages/desk/DistrictDeskPage.tsx')) },
  { path: '/meja-kecamatan/daftar', component: lazy(() => import('../pages/registry/DeskRegisterPage.tsx')) },
  { path: '/usaha-saya', component: lazy(() => import('../pages/registry/MyBusinessPage.tsx')) },
  // The owner's products (pages/products); "baru" before ":productId", the first match wins.
  { path: '/usaha-saya/produk', component: lazy(() => import('../pages/products/ProductsPage.tsx')) },
  {
    path: '/usaha-saya/produk/baru',
    component: lazy(() => import('../pages/products/ProductEditPage.tsx').then((m) => ({ default: m.NewProductPage }))),
  },
  { path: '/usaha-saya/produk/:productId', component: lazy(() => import('../pages/products/ProductEditPage.tsx')) },
  { path: '/anggota', component: lazy(() => import('../pages/registry/MembersPage.tsx')) },
  {
    path: '/anggota/:id',
    component: lazy(() => import('../pages/registry/MembersPage.tsx').then((m) => ({ default: m.MemberPage }))),
  },
  { path: '/admin/permintaan-data', component: lazy(() => import('../pages/registry/DataRequestsPage.tsx')) },
  // The audit-log reader is access's (pages/access); its texts stay in the register's dictionary.
  { path: '/log-audit', component: lazy(() => import('../pages/access/AuditLogPage.tsx')) },
  // The register's analysis and admin pages (pages/registry-admin).
  { path: '/corong', component: lazy(() => import('../pages/registry-admin/FunnelPage.tsx')) },
  { path: '/tumpang-tindih', component: lazy(() => import('../pages/registry-admin/OverlapPage.tsx')) },
  {
    path: '/izin',
    component: lazy(() =>
      import('../pages/registry-admin/PermitsPages.tsx').then((m) => ({ default: m.ExpiringPage })),
    ),
  },
  { path: '/anggota/:id/izin', component: lazy(() => import('../pages/registry-admin/PermitsPages.tsx')) },
  { path: '/admin/impor', component: lazy(() => import('../pages/registry-admin/ImportPage.tsx')) },
  { path: '/admin/impor/:jobId', component: lazy(() => import('../pages/registry-admin/ImportJobPage.tsx')) },
  { path: '/ekspor', component: lazy(() => import('../pages/registry-admin/ExportPage.tsx')) },
  // The public catalogue: search and the product page (pages/catalog).
  { path: '/cari', component: lazy(() => import('../pages/catalog/SearchPage.tsx')) },
  { path: '/produk/:productId', component: lazy(() => import('../pages/catalog/ProductPage.tsx')) },
  // Jumat Beli Lokal's public storefront (pages/jbl): the current edition, an edition, a product, the cart, and the
  // order's tracking link. "pesanan/:token" and every fixed page under /jumat-beli-lokal come before ":editionId" (at
  // the end of the list): the first match wins.
  { path: '/jumat-beli-lokal', component: lazy(() => import('../pages/jbl/EditionPage.tsx')) },
  { path: '/jumat-beli-lokal/pesanan/:token', component: lazy(() => import('../pages/jbl/TrackPage.tsx')) },
  // Curation (pages/curation): the owner's, the officers' worklists, the Dinas's calls, the public check; and the
  // notifications (pages/notifications, texts still in curation's dictionary).
  { path: '/kurasi', component: lazy(() => import('../pages/curation/OwnerPage.tsx')) },
  { path: '/kurasi/antrian', component: lazy(() => import('../pages/curation/WorklistPages.tsx')) },
  {
    path: '/kurasi/terlambat',
    component: lazy(() => import('../pages/curation/WorklistPages.tsx').then((m) => ({ default: m.OverduePage }))),
  },
  { path: '/kurasi/pengajuan/:submissionId', component: lazy(() => import('../pages/curation/SubmissionPage.tsx')) },
  { path: '/kurasi/panggilan', component: lazy(() => import('../pages/curation/CallsPages.tsx')) },
  {
    path: '/kurasi/panggilan/baru',
    component: lazy(() => import('../pages/curation/CallsPages.tsx').then((m) => ({ default: m.CallFormPage }))),
  },
  {
    path: '/kurasi/panggilan/:callId',
    component: lazy(() => import('../pages/curation/CallsPages.tsx').then((m) => ({ default: m.CallFormPage }))),
  },
  { path: '/notifikasi', component: lazy(() => import('../pages/notifications/NotificationsPage.tsx')) },
  // e-Order buying, the agency side (pages/procurement/buying): packages, the cart, exceptions.
  { path: '/jumat-beli-lokal/edisi', component: lazy(() => import('../pages/jbl/admin/EditionsPage.tsx')) },
  { path: '/pengadaan/paket', component: lazy(() => import('../pages/procurement/buying/PackagesPage.tsx')) },
  { path: '/pengadaan/paket/:packageId', component: lazy(() => import('../pages/procurement/buying/PackagePage.tsx')) },
  { path: '/pengadaan/pengecualian', component: lazy(() => import('../pages/procurement/buying/ExceptionsPage.tsx')) },
  { path: '/verifikasi/:code', component: lazy(() => import('../pages/curation/VerifyPage.tsx')) },
  // procurement/fulfil: after an order is placed — the agency's order, BAST and payment queues (pages/procurement/
  // orders), the seller's inbox and income (pages/procurement/seller), the public BAST check.
  { path: '/pengadaan/pesanan/:orderId', component: lazy(() => import('../pages/procurement/orders/OrderPage.tsx')) },
  { path: '/pengadaan/bast', component: lazy(() => import('../pages/procurement/orders/QueuePages.tsx')) },
  {
    path: '/pengadaan/pembayaran',
    component: lazy(() =>
      import('../pages/procurement/orders/QueuePages.tsx').then((m) => ({ default: m.PaymentsQueuePage })),
    ),
  },
  {
    path: '/pengadaan/autodebit',
    component: lazy(() =>
      import('../pages/procurement/orders/QueuePages.tsx').then((m) => ({ default: m.AutodebitQueuePage })),
    ),
  },
  { path: '/verifikasi-bast', component: lazy(() => import('../pages/procurement/orders/VerifyBastPage.tsx')) },
  { path: '/jual/pesanan', component: lazy(() => import('../pages/procurement/seller/InboxPage.tsx')) },
  { path: '/jual/pesanan/:orderId', component: lazy(() => import('../pages/procurement/seller/SellerOrderPage.tsx')) },
  // Jumat Beli Lokal, the Dinas's side (pages/jbl): an edition's line-up.
  { path: '/jbl/susunan', component: lazy(() => import('../pages/jbl/lineup/LineupPage.tsx')) },
  { path: '/jual/pendapatan', component: lazy(() => import('../pages/procurement/seller/StatementPage.tsx')) },
  // Jumat Beli Lokal, the seller's side (pages/jbl/seller): the editions they are in, one edition's Friday work.
  { path: '/jual/jbl', component: lazy(() => import('../pages/jbl/seller/EditionsPage.tsx')) },
  { path: '/jual/jbl/:editionId', component: lazy(() => import('../pages/jbl/seller/EditionPage.tsx')) },
  // The UMK share and payment timeliness (pages/procurement/share); /kinerja-pembayaran is public.
  { path: '/pengadaan/porsi-umk', component: lazy(() => import('../pages/procurement/share/SharePage.tsx')) },
  {
    path: '/pengadaan/porsi-umk/instansi/:agencyId',
    component: lazy(() => import('../pages/procurement/share/AgencySharePage.tsx')),
  },
  { path: '/pengadaan/umur-tagihan', component: lazy(() => import('../pages/procurement/share/AgeingPage.tsx')) },
  { path: '/kinerja-pembayaran', component: lazy(() => import('../pages/procurement/share/PerformancePage.tsx')) },
  // Jumat Beli Lokal reports (pages/jbl/reports); /jumat-beli-lokal/omzet is public.
  { path: '/jumat-beli-lokal/omzet', component: lazy(() => import('../pages/jbl/reports/TrendPage.tsx')) },
  {
    path: '/jumat-beli-lokal/laporan/:editionId',
    component: lazy(() => import('../pages/jbl/reports/EditionReportPage.tsx')),
  },
  {
    path: '/jumat-beli-lokal/partisipasi-asn',
    component: lazy(() => import('../pages/jbl/reports/ParticipationPage.tsx')),
  },
  {
    path: '/jumat-beli-lokal/partisipasi-asn/:agencyId',
    component: lazy(() => import('../pages/jbl/reports/AgencyParticipationPage.tsx')),
  },
  { path: '/jumat-beli-lokal/pembayaran', component: lazy(() => import('../pages/jbl/reports/PayoutPage.tsx')) },
  // Procurement plans (pages/procurement/plans): agencies, spending outside the platform, RUP, opportunities.
  { path: '/pengadaan/instansi', component: lazy(() => import('../pages/procurement/plans/AgenciesPage.tsx')) },
  { path: '/pengadaan/belanja-luar', component: lazy(() => import('../pages/procurement/plans/SpendingPage.tsx')) },
  { path: '/pengadaan/rup', component: lazy(() => import('../pages/procurement/plans/RupPage.tsx')) },
  { path: '/peluang', component: lazy(() => import('../pages/procurement/plans/OpportunitiesPages.tsx')) },
  {
    path: '/peluang/untuk-anda',
    component: lazy(() =>
      import('../pages/procurement/plans/OpportunitiesPages.tsx').then((m) => ({ default: m.ForMePage })),
    ),
  },
  // The storefront's edition pages last: ":editionId" would otherwise take /jumat-beli-lokal/edisi, /omzet, ….
  { path: '/jumat-beli-lokal/:editionId', component: lazy(() => import('../pages/jbl/EditionPage.tsx')) },
  { path: '/jumat-beli-lokal/:editionId/keranjang', component: lazy(() => import('../pages/jbl/CartPage.tsx')) },
  {
    path: '/jumat-beli-lokal/:editionId/produk/:itemId',
    component: lazy(() => import('../pages/jbl/ItemPage.tsx')),
  },
];

export const NotFoundPage = lazy(() => import('../pages/NotFoundPage.tsx'));
