// The BAST (berita acara serah terima, handover record) as a one-page A4 PDF drawn on request (nothing stored):
// number, agency, seller, the lines and total, the day of receipt in WIB, the signing PPK by name, and a QR code to
// the public check /verifikasi-bast?nomor=….
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { formatRupiah } from '../../platform/money.ts';
import { formatDate, localDate } from '../../platform/time.ts';
import type { OrderView } from './order-view.ts';

export const bastVerifyPath = (number: string) => `/verifikasi-bast?nomor=${encodeURIComponent(number)}`;

export async function bastPdf(o: OrderView, ppkName: string | null, publicUrl: string): Promise<Buffer> {
  const number = o.bastNumber ?? '';
  const verifyUrl = `${publicUrl}${bastVerifyPath(number)}`;
  const qr = await QRCode.toBuffer(verifyUrl, { type: 'png', width: 220, margin: 1, errorCorrectionLevel: 'M' });
  const day = o.receivedAt ? localDate(new Date(o.receivedAt)) : null;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: number, Subject: `Berita Acara Serah Terima ${number}`, Author: `${o.agency.name} (Pasar Lokal)` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 112;
  doc.font('Helvetica-Bold').fontSize(16).text('BERITA ACARA SERAH TERIMA BARANG', { align: 'center', width });
  doc.font('Helvetica-Oblique').fontSize(11).text('Handover record (BAST)', { align: 'center', width });
  doc.moveDown(0.3).font('Helvetica-Bold').fontSize(12).text(number, { align: 'center', width });
  const row = (label: string, value: string) => {
    doc.moveDown(0.4).font('Helvetica').fontSize(9).fillColor('#555555').text(label, { width });
    doc.font('Helvetica-Bold').fontSize(11).fillColor('#000000').text(value, { width });
  };
  doc.moveDown(1);
  row('Instansi / Agency', `${o.agency.name} (${o.agency.code})${o.unit ? ` - ${o.unit}` : ''}`);
  row('Paket / Package', o.packageName);
  row('Penyedia / Supplier', o.seller.name);
  row('Nomor pesanan / Order', `#${o.id}`);
  row('Alamat pengiriman / Delivered to', o.deliveryAddress);
  row('Tanggal diterima / Received (WIB)', day ? `${formatDate(day, 'id')} / ${formatDate(day, 'en')}` : '-');

  doc.moveDown(1).font('Helvetica-Bold').fontSize(10).text('Barang / Items', { width });
  for (const l of o.lines)
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(
        `${l.lineNo}. ${l.name} - ${l.quantity} ${l.unit} x ${formatRupiah(l.unitPrice)} = ${formatRupiah(l.amount)}`,
        {
          width,
        },
      );
  doc
    .moveDown(0.4)
    .font('Helvetica-Bold')
    .fontSize(11)
    .text(`Nilai / Total: ${formatRupiah(o.total)}`, { width });
  doc
    .moveDown(1.5)
    .font('Helvetica')
    .fontSize(10)
    .text('Pejabat Pembuat Komitmen (PPK) / Commitment officer', { width })
    .font('Helvetica-Bold')
    .text(ppkName ?? '-', { width });

  const qrSize = 120;
  const y = doc.page.height - 56 - qrSize - 20;
  doc.image(qr, doc.page.width - 56 - qrSize, y, { width: qrSize, height: qrSize });
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#333333')
    .text('Periksa keaslian BAST ini dengan memindai kode QR atau membuka:', 56, y + 10, { width: width - qrSize - 20 })
    .text('Check this BAST by scanning the QR code or opening:', { width: width - qrSize - 20 })
    .moveDown(0.4)
    .font('Helvetica-Bold')
    .text(verifyUrl, { width: width - qrSize - 20, link: verifyUrl });
  doc.end();
  return done;
}
