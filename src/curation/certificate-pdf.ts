// The certificate as a one-page A4 PDF, drawn on request (nothing stored): bilingual title, product and business,
// grade, channel, call, date in WIB, the code, and a QR code to the public verification page.
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { formatDate, localDate } from '../platform/time.ts';
import { CHANNEL_LABELS } from './calls.ts';
import type { CertificateRow } from './certificates.ts';

/** Indonesian / English, once when they are the same. */
const both = (id: string, en: string) => (id === en ? id : `${id} / ${en}`);

export async function certificatePdf(k: CertificateRow, publicUrl: string): Promise<Buffer> {
  const verifyUrl = `${publicUrl}/verifikasi/${k.code}`;
  const qr = await QRCode.toBuffer(verifyUrl, { type: 'png', width: 220, margin: 1, errorCorrectionLevel: 'M' });
  const issued = localDate(new Date(k.issued_at));
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    // The code in the document's properties too, so a file found on a disk says what it is.
    info: {
      Title: `Sertifikat Kurasi ${k.code}`,
      Subject: `Sertifikat kurasi produk ${k.code}: ${k.product_name}`,
      Author: 'Dinas PPKUKM DKI Jakarta (Pasar Lokal)',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 112;
  doc
    .rect(28, 28, doc.page.width - 56, doc.page.height - 56)
    .lineWidth(2)
    .stroke('#1f5f3f');
  doc
    .moveDown(1)
    .font('Helvetica-Bold')
    .fontSize(24)
    .fillColor('#1f5f3f')
    .text('SERTIFIKAT KURASI PRODUK', { align: 'center', width });
  doc
    .font('Helvetica-Oblique')
    .fontSize(14)
    .fillColor('#333333')
    .text('Product Curation Certificate', { align: 'center', width });
  doc
    .moveDown(0.5)
    .font('Helvetica')
    .fontSize(11)
    .text('Dinas PPKUKM Provinsi DKI Jakarta - Jakpreneur', { align: 'center', width });

  doc
    .moveDown(2)
    .fontSize(11)
    .fillColor('#555555')
    .text('Diberikan kepada produk / Awarded to the product', { align: 'center', width });
  doc
    .moveDown(0.3)
    .font('Helvetica-Bold')
    .fontSize(20)
    .fillColor('#000000')
    .text(k.product_name, { align: 'center', width });
  doc.moveDown(0.3).font('Helvetica').fontSize(13).text(k.business_name, { align: 'center', width });

  const row = (label: string, value: string) => {
    doc.moveDown(0.6).font('Helvetica').fontSize(10).fillColor('#555555').text(label, { width });
    doc.font('Helvetica-Bold').fontSize(13).fillColor('#000000').text(value, { width });
  };
  doc.moveDown(1.5);
  row('Nilai / Grade', k.grade ? `${k.grade} (${Number(k.percent)}%)` : `Lolos / Passed (${Number(k.percent)}%)`);
  row('Kanal pemasaran / Sales channel', both(CHANNEL_LABELS[k.channel].id, CHANNEL_LABELS[k.channel].en));
  row('Panggilan kurasi / Curation call', both(k.call_title_id, k.call_title_en));
  row('Tanggal terbit / Issued (WIB)', both(formatDate(issued, 'id'), formatDate(issued, 'en')));
  row('Kode sertifikat / Certificate code', k.code);

  const qrSize = 130;
  const y = doc.page.height - 56 - qrSize - 40;
  doc.image(qr, doc.page.width - 56 - qrSize, y, { width: qrSize, height: qrSize });
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#333333')
    .text('Periksa keaslian sertifikat ini dengan memindai kode QR atau membuka:', 56, y + 10, {
      width: width - qrSize - 20,
    })
    .text('Check this certificate by scanning the QR code or opening:', { width: width - qrSize - 20 })
    .moveDown(0.4)
    .font('Helvetica-Bold')
    .text(verifyUrl, { width: width - qrSize - 20, link: verifyUrl });
  if (k.revoked_at) {
    doc.save().rotate(-30, { origin: [doc.page.width / 2, doc.page.height / 2] });
    doc
      .font('Helvetica-Bold')
      .fontSize(60)
      .fillColor('#b00020')
      .opacity(0.35)
      .text('DICABUT / REVOKED', 0, doc.page.height / 2 - 30, { align: 'center', width: doc.page.width });
    doc.restore();
  }
  doc.end();
  return done;
}
