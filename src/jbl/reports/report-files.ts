// The Jumat Beli Lokal reports as XLSX workbooks, drawn from the same objects the pages show so the numbers never
// disagree: the edition report (summary, kota, kecamatan, category, seller) and a seller's payout statement.
import ExcelJS from 'exceljs';
import type { EditionReport, PayoutStatement, Slice, Split } from './schema.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export { XLSX as XLSX_TYPE };

const SPLIT_COLUMNS = [
  { header: 'Pesanan pre-order / Pre-order orders', key: 'preOrders', width: 14 },
  { header: 'Unit pre-order / Pre-order units', key: 'preUnits', width: 14 },
  { header: 'Omzet pre-order (Rp)', key: 'preOmzet', width: 18 },
  { header: 'Pesanan sesi langsung / Live orders', key: 'liveOrders', width: 14 },
  { header: 'Unit sesi langsung / Live units', key: 'liveUnits', width: 14 },
  { header: 'Omzet sesi langsung / Live omzet (Rp)', key: 'liveOmzet', width: 18 },
  { header: 'Pesanan / Orders', key: 'orders', width: 12 },
  { header: 'Unit / Units', key: 'units', width: 12 },
  { header: 'Omzet (Rp)', key: 'omzet', width: 18 },
];

const splitCells = (s: Split) => ({
  preOrders: s.preorder.orders,
  preUnits: s.preorder.units,
  preOmzet: s.preorder.omzet,
  liveOrders: s.live.orders,
  liveUnits: s.live.units,
  liveOmzet: s.live.omzet,
  orders: s.total.orders,
  units: s.total.units,
  omzet: s.total.omzet,
});

function sheet(wb: ExcelJS.Workbook, name: string, first: { header: string; key: string; width: number }[]) {
  const ws = wb.addWorksheet(name);
  ws.columns = [...first, ...SPLIT_COLUMNS];
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const k of ['preOmzet', 'liveOmzet', 'omzet']) ws.getColumn(k).numFmt = '#,##0';
  return ws;
}

const NAME = { header: 'Nama / Name', key: 'name', width: 36 };
const CODE = { header: 'Kode / Code', key: 'key', width: 14 };

export async function editionXlsx(r: EditionReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pasar Lokal';
  wb.created = new Date();
  const title = `Jumat Beli Lokal ${r.edition.heldOn} — ${r.edition.host.name}`;
  sheet(wb, 'Ringkasan', [{ header: 'Edisi / Edition', key: 'name', width: 44 }]).addRow({
    name: title,
    ...splitCells(r.total),
  });
  const rows = (ws: ExcelJS.Worksheet, slices: (Slice & Record<string, unknown>)[], extra?: string) => {
    for (const s of slices)
      ws.addRow({ key: s.key, name: s.name.id, ...(extra ? { [extra]: s[extra] } : {}), ...splitCells(s) });
    ws.addRow({ name: 'Jumlah / Total', ...splitCells(r.total) }).font = { bold: true };
  };
  rows(sheet(wb, 'Kota', [CODE, NAME]), r.byKota);
  rows(sheet(wb, 'Kecamatan', [CODE, NAME, { header: 'Kota', key: 'kota', width: 8 }]), r.byKecamatan, 'kota');
  rows(sheet(wb, 'Kategori', [CODE, NAME]), r.byCategory);
  rows(
    sheet(wb, 'Penjual', [
      { header: 'ID penjual / Seller id', key: 'key', width: 12 },
      NAME,
      { header: 'Kecamatan', key: 'kecamatan', width: 10 },
    ]),
    r.bySeller,
    'kecamatan',
  );
  wb.addWorksheet('Keterangan').addRows([
    ['Edisi', title],
    ['Omzet', 'Pesanan per penjual yang dibayar atau sudah diserahkan; kedaluwarsa dan batal tidak dihitung'],
    ['Pre-order', 'Dipesan sebelum pre-order ditutup; sesi langsung: dipesan pada sesi Jumat'],
    ['Kategori', 'Satu pesanan dengan produk dua kategori dihitung di kedua kategori (omzet dan unit per baris)'],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function payoutXlsx(p: PayoutStatement): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pasar Lokal';
  wb.created = new Date();
  const ws = wb.addWorksheet('Per edisi');
  ws.columns = [
    { header: 'Edisi / Edition', key: 'heldOn', width: 14 },
    { header: 'Tuan rumah / Host', key: 'host', width: 24 },
    { header: 'Pesanan via agregator / Orders via aggregator', key: 'aggOrders', width: 16 },
    { header: 'Terutang platform / Owed by the platform (Rp)', key: 'aggTotal', width: 20 },
    { header: 'Pesanan langsung / Direct orders', key: 'directOrders', width: 16 },
    { header: 'Dibayar langsung / Paid directly (Rp)', key: 'directTotal', width: 20 },
    { header: 'Jumlah / Total (Rp)', key: 'total', width: 18 },
  ];
  const line = (x: PayoutStatement['total']) => ({
    aggOrders: x.aggregator.orders,
    aggTotal: x.aggregator.total,
    directOrders: x.direct.orders,
    directTotal: x.direct.total,
    total: x.total,
  });
  for (const e of p.editions) ws.addRow({ heldOn: e.edition.heldOn, host: e.edition.host.name, ...line(e) });
  ws.addRow({ heldOn: 'Jumlah / Total', ...line(p.total) }).font = { bold: true };
  for (const k of ['aggTotal', 'directTotal', 'total']) ws.getColumn(k).numFmt = '#,##0';
  ws.getRow(1).font = { bold: true };
  if (p.selected) {
    const o = wb.addWorksheet(`Pesanan ${p.selected.edition.heldOn}`);
    o.columns = [
      { header: 'Nomor / Number', key: 'number', width: 26 },
      { header: 'Dibayar ke / Paid to', key: 'paidTo', width: 14 },
      { header: 'Status', key: 'status', width: 14 },
      { header: 'Dibayar (UTC) / Paid at (UTC)', key: 'paidAt', width: 24 },
      { header: 'Jumlah / Total (Rp)', key: 'total', width: 16 },
    ];
    for (const x of p.selected.orders) o.addRow({ ...x, paidTo: x.paidTo === 'aggregator' ? 'agregator' : 'penjual' });
    o.getColumn('total').numFmt = '#,##0';
    o.getRow(1).font = { bold: true };
  }
  wb.addWorksheet('Keterangan').addRows([
    ['Penjual', `${p.seller.name} (${p.seller.id})`],
    ['Via agregator', 'Dibayar pembeli ke QRIS agregator platform: platform berutang kepada penjual'],
    ['Langsung', 'Dibayar pembeli ke QRIS milik penjual'],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
