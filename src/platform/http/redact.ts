/**
 * Personal data never reaches a log line (UU 27/2022): NIK-like 16-digit runs and Indonesian phone numbers in URLs
 * are masked, and body fields by these names are redacted by pino.
 */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  '*.nik',
  '*.phone',
  '*.password',
  '*.totp',
  '*.login',
  'body.nik',
  'body.phone',
  'body.password',
];

export function maskPersonal(text: string): string {
  return text
    .replace(/\d{16}/g, (m) => `${m.slice(0, 4)}********${m.slice(12)}`)
    .replace(/(\+?62|%2B62|0)8\d{7,11}/g, '08**********');
}
