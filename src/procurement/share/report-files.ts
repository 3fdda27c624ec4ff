// The share report as files: an XLSX workbook (one sheet per basis of the period's figures, one for the trend) and a
// printable A4 PDF. Both are drawn from the same ShareReport the page shows, so the numbers never disagree.
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { formatRupiah } from '../../platform/money.ts';
import type { Basis, Figures } from './figures.ts';
import type { ShareReport } from './share.ts';

const pct = (v: number | null) => (v === null ? '-' : `${(Math.round(v * 1000) / 10).toLocaleString('id-ID')}%`);

const BASES = [
  { key: 'committed', id: 'Komitmen', en: 'Commitment' },
  { key: 'realised', id: 'Realisasi', en: 'Realisation' },
] as const;

export async function shareXlsx(r: ShareReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pasar Lokal';
  wb.created = new Date();
  for (const b of BASES) {
    const ws = wb.addWorksheet(`${b.id} ${r.year}`);
    ws.columns = [
      { header: 'Instansi / Agency', key: 'name', width: 40 },
      { header: 'Periode / Period', key: 'period', width: 12 },
      { header: 'UMK di platform (Rp)', key: 'platformUmk', width: 18 },
      { header: 'Total platform (Rp)', key: 'platformTotal', width: 18 },
      { header: 'UMK luar platform (Rp)', key: 'outsideUmk', width: 18 },
      { header: 'Total luar platform (Rp)', key: 'outsideTotal', width: 18 },
      { header: 'Pembilang / Numerator (Rp)', key: 'numerator', width: 20 },
      { header: 'Penyebut / Denominator (Rp)', key: 'denominator', width: 20 },
      { header: 'Porsi UMK / Share', key: 'share', width: 12 },
      { header: 'Terhadap target / Of target', key: 'ofTarget', width: 14 },
      { header: 'Nilai / Grade', key: 'grade', width: 8 },
      { header: 'Bulan belum dilaporkan / Unreported months', key: 'unreported', width: 16 },
    ];
    const row = (name: string, period: string, f: Figures) => {
      const x: Basis = f[b.key];
      ws.addRow({ name, period, ...x, share: x.share, ofTarget: x.ofTarget, unreported: f.unreportedMonths });
    };
    row(r.scope === 'province' ? 'Provinsi DKI Jakarta' : 'Instansi saya', String(r.year), r.total.total);
    for (const p of r.total.byPeriod)
      row(r.scope === 'province' ? 'Provinsi DKI Jakarta' : 'Instansi saya', p.period, p);
    for (const a of r.agencies) {
      row(a.name, String(r.year), a.total);
      if (r.period !== 'year') for (const p of a.byPeriod ?? []) row(a.name, p.period, p);
    }
    ws.getColumn('share').numFmt = '0.0%';
    ws.getColumn('ofTarget').numFmt = '0%';
    for (const k of ['platformUmk', 'platformTotal', 'outsideUmk', 'outsideTotal', 'numerator', 'denominator'])
      ws.getColumn(k).numFmt = '#,##0';
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  const about = wb.addWorksheet('Keterangan');
  about.addRows([
    ['Target porsi UMK', r.target],
    ['Dasar', r.targetSource ?? ''],
    ['Pembilang', 'Belanja ke usaha mikro/kecil dan koperasi: di platform + di luar platform (dilaporkan)'],
    ['Penyebut', 'Seluruh belanja barang/jasa: di platform + di luar platform (dilaporkan)'],
    ['Komitmen', 'Nilai pesanan yang diterima penyedia, pada bulan diterima (WIB)'],
    ['Realisasi', 'Pembayaran (termasuk pajak yang dipotong), pada bulan dibayar (WIB)'],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A printable A4 report: the total on both bases, the denominator explained, and one line per agency. */
export function sharePdf(r: ShareReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    info: { Title: `Porsi UMK ${r.year}`, Author: 'BPPBJ Provinsi DKI Jakarta (Pasar Lokal)' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(16).text(`Porsi belanja UMK ${r.year} / UMK share ${r.year}`);
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(`Target ${pct(r.target)} — ${r.targetSource ?? ''}`)
    .moveDown(0.5);
  const t = r.total.total;
  for (const b of BASES) {
    const x = t[b.key];
    doc
      .font('Helvetica-Bold')
      .fontSize(11)
      .text(`${b.id} / ${b.en}: ${pct(x.share)} (nilai ${x.grade ?? '-'}, ${pct(x.ofTarget)} dari target)`);
    doc
      .font('Helvetica')
      .fontSize(9)
      .text(
        `Pembilang ${formatRupiah(x.numerator)} = UMK di platform ${formatRupiah(x.platformUmk)} + UMK luar platform ${formatRupiah(x.outsideUmk)}`,
      )
      .text(
        `Penyebut ${formatRupiah(x.denominator)} = total platform ${formatRupiah(x.platformTotal)} + luar platform ${formatRupiah(x.outsideTotal)}`,
      )
      .moveDown(0.3);
  }
  doc.text(`Bulan-instansi belanja luar platform yang belum dilaporkan: ${t.unreportedMonths}`).moveDown(0.8);
  const cols = [40, 250, 320, 360, 430, 470];
  doc.font('Helvetica-Bold').fontSize(8);
  const head = ['Instansi', 'Komitmen', 'Nilai', 'Realisasi', 'Nilai', 'Belum lapor'];
  const y0 = doc.y;
  head.forEach((h, i) => {
    doc.text(h, cols[i], y0, { width: (cols[i + 1] ?? 560) - cols[i]! - 4 });
  });
  doc.font('Helvetica');
  for (const a of r.agencies) {
    if (doc.y > doc.page.height - 60) doc.addPage();
    const y = doc.y + 2;
    const cells = [
      a.name,
      pct(a.total.committed.share),
      a.total.committed.grade ?? '-',
      pct(a.total.realised.share),
      a.total.realised.grade ?? '-',
      String(a.total.unreportedMonths),
    ];
    let bottom = y;
    cells.forEach((c, i) => {
      doc.text(c, cols[i], y, { width: (cols[i + 1] ?? 560) - cols[i]! - 4 });
      bottom = Math.max(bottom, doc.y);
    });
    doc.y = bottom;
    doc.x = 40;
  }
  doc.end();
  return done;
}
