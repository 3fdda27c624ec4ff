// The QR image of a QRIS payload, drawn by `qrcode` (already used for the certificate and BAST verification QR).
// Error correction M, as on printed QRIS stickers; the 4-module quiet zone the QR standard asks for.
import QRCode from 'qrcode';

const OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;

/** An SVG (scales without blur on any phone screen), for the storefront's payment page. */
export function qrisSvg(payload: string): Promise<string> {
  return QRCode.toString(payload, { ...OPTIONS, type: 'svg' });
}

/** A PNG of `width` pixels, for PDFs and for sharing as a picture. */
export function qrisPng(payload: string, width = 400): Promise<Buffer> {
  return QRCode.toBuffer(payload, { ...OPTIONS, type: 'png', width });
}
