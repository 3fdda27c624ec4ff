// The template admins fill in: the members sheet with the headers and one example row, and a notes sheet that
// explains every column in Indonesian and English.
import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from './columns.ts';

const TEXT_COLUMNS = new Set(['nik', 'no_hp', 'nib', 'npwp', 'kbli', 'kelurahan', 'kode_pos', 'tanggal_lahir']);

export async function templateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('anggota', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = IMPORT_COLUMNS.map((c) => ({
    header: c.key,
    key: c.key,
    width: Math.max(14, c.key.length + 4),
    ...(TEXT_COLUMNS.has(c.key) ? { style: { numFmt: '@' } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  ws.addRow(
    Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, TEXT_COLUMNS.has(c.key) ? String(c.example) : c.example])),
  );
  const notes = wb.addWorksheet('petunjuk');
  notes.columns = [
    { header: 'kolom', key: 'key', width: 16 },
    { header: 'wajib', key: 'required', width: 8 },
    { header: 'keterangan', key: 'id', width: 70 },
    { header: 'description', key: 'en', width: 70 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of IMPORT_COLUMNS)
    notes.addRow({ key: c.key, required: c.required ? 'ya' : 'tidak', id: c.help.id, en: c.help.en });
  notes.addRow({});
  notes.addRow({
    key: 'catatan',
    id: 'Satu baris = satu usaha. Pengampu dipilih saat mengunggah. NIK atau NIB yang sudah terdaftar tidak membuat usaha baru: pengampu ditambahkan sebagai pengampu berikutnya.',
    en: 'One row = one business. The pengampu is chosen at upload. A NIK or NIB already registered creates no new business: the pengampu is added as another fostering agency.',
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function templateCsv(): string {
  const q = (v: unknown) => (/[",;\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return `\uFEFF${IMPORT_COLUMNS.map((c) => c.key).join(',')}\r\n${IMPORT_COLUMNS.map((c) => q(c.example)).join(',')}\r\n`;
}
