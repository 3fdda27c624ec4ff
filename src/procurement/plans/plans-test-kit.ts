// Shared by the plans tests: the app over the worker's database, officials of an agency, spreadsheets as users
// upload them (CSV text, XLSX built with ExcelJS) and requests with a file.
import ExcelJS from 'exceljs';
import { testApp, testDb } from '../../../test/support/db.ts';
import { unique } from '../../../test/support/factories.ts';
import { multipartBody, sessionCookie } from '../../../test/support/http.ts';
import { ROLES, type Role } from '../../platform/auth/roles.ts';
import type { Db } from '../../platform/db/types.ts';
import type { App } from '../../platform/http/server.ts';

export async function kit(): Promise<{ db: Db; app: App }> {
  return { db: await testDb(), app: await testApp() };
}

export async function newAgency(db: Db, regionCode: string | null = null): Promise<{ id: number; code: string }> {
  const code = `AG-${unique()}`.toUpperCase();
  const [row] = await db.query<{ id: number }>(
    `insert into agency (code, name, kind, region_code) values ($1, $2, 'opd', $3) returning id`,
    [code, `Dinas Uji ${code}`, regionCode],
  );
  return { id: row!.id, code };
}

/** A logged-in account holding `role` for the agency (province roles: no scope). */
export const cookieAs = (db: Db, role: Role, agencyId?: number, ownerId?: number) =>
  sessionCookie(db, [{ role, scopeId: ROLES[role].scope === 'agency' ? String(agencyId) : '' }], ownerId, {
    totp: ROLES[role].totp,
  });

export async function xlsxOf(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const csvOf = (rows: (string | number)[][], sep = ',') =>
  Buffer.from(
    rows
      .map((r) => r.map((c) => (/[",;\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : c)).join(sep))
      .join('\r\n'),
  );

export function upload(
  app: App,
  url: string,
  cookie: string,
  file: { name: string; data: Buffer },
  fields: Record<string, string> = {},
) {
  const type = file.name.endsWith('.xlsx')
    ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    : 'text/csv';
  const body = multipartBody(fields, { file: { name: file.name, type, data: file.data } });
  return app.inject({ method: 'POST', url, headers: { cookie, ...body.headers }, payload: body.payload });
}
