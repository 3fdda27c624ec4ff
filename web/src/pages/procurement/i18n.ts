import { areaMessages } from '../../i18n/area.ts';

// What every procurement page shares: the one menu of the Pengadaan area (common.tsx), on the agency's side and on
// the seller's. Indonesian first; English has the same keys.
export const messages = areaMessages(
  'procurement',
  {
    'procurement.nav.agency': 'Menu pengadaan',
    'procurement.nav.seller': 'Menu penjualan ke pemerintah',
    'procurement.nav.packages': 'Paket saya',
    'procurement.nav.exceptions': 'Pengecualian',
    'procurement.nav.bast': 'Menunggu BAST',
    'procurement.nav.payments': 'Pembayaran',
    'procurement.nav.autodebit': 'Autodebit',
    'procurement.nav.share': 'Porsi UMK',
    'procurement.nav.ageing': 'Umur tagihan',
    'procurement.nav.agencies': 'Instansi',
    'procurement.nav.spending': 'Belanja di luar platform',
    'procurement.nav.rup': 'RUP',
    'procurement.nav.inbox': 'Pesanan',
    'procurement.nav.statement': 'Pendapatan',
  },
  {
    'procurement.nav.agency': 'Procurement menu',
    'procurement.nav.seller': 'Government sales menu',
    'procurement.nav.packages': 'My packages',
    'procurement.nav.exceptions': 'Exceptions',
    'procurement.nav.bast': 'Awaiting BAST',
    'procurement.nav.payments': 'Payments',
    'procurement.nav.autodebit': 'Autodebit',
    'procurement.nav.share': 'UMK share',
    'procurement.nav.ageing': 'Bill ageing',
    'procurement.nav.agencies': 'Agencies',
    'procurement.nav.spending': 'Spending outside the platform',
    'procurement.nav.rup': 'Procurement plan',
    'procurement.nav.inbox': 'Orders',
    'procurement.nav.statement': 'Income',
  },
);
