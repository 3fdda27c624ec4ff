// The register import and export tests' world: an admin signed in with TOTP, two fresh fostering agencies (pengampu),
// and the import API as an admin's browser uses it (upload, wait for the dry run, import).
import { expect } from 'vitest';
import { createSession } from '../../src/platform/auth/session.ts';
import type { Db } from '../../src/platform/db/types.ts';
import type { App } from '../../src/platform/http/server.ts';
import { testApp, testDb } from './db.ts';
import { makeAccount, unique } from './factories.ts';
import { generateList, type ListRow } from './generate-list.ts';

/** The worker's database and app, the admin's cookie and two new agencies; set by setUpImport (test files run one at a time per worker). */
export const ik = {} as { db: Db; app: App; admin: string; agencyA: number; agencyB: number };

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function cookieOf(grants: Parameters<typeof makeAccount>[1], totp = false) {
  const acc = await makeAccount(ik.db, grants, { totp });
  const s = await ik.db.transaction((tx) => createSession(tx, acc.id));
  return `pl_session=${s.token}`;
}

export function multipart(file: Buffer, filename: string, type: string) {
  const boundary = `----pl${unique()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

async function waitFor(jobId: number) {
  for (;;) {
    const res = await ik.app.inject({
      method: 'GET',
      url: `/api/registry/import-jobs/${jobId}`,
      headers: { cookie: ik.admin },
    });
    const job = res.json();
    if (!['checking', 'importing'].includes(job.phase)) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function upload(file: Buffer, filename: string, agency: number, type = XLSX) {
  const m = multipart(file, filename, type);
  const res = await ik.app.inject({
    method: 'POST',
    url: `/api/registry/import-jobs?fosteringAgencyId=${agency}`,
    payload: m.payload,
    headers: { cookie: ik.admin, 'content-type': m.contentType },
  });
  expect(res.statusCode, res.body).toBe(202);
  return waitFor(res.json().id);
}

export async function runImport(job: { id: number; rowsTotal: number }) {
  const res = await ik.app.inject({
    method: 'POST',
    url: `/api/registry/import-jobs/${job.id}/import`,
    payload: { rowsTotal: job.rowsTotal },
    headers: { cookie: ik.admin },
  });
  expect(res.statusCode, res.body).toBe(202);
  return waitFor(job.id);
}

export const linksOf = async (agency: number) =>
  (
    await ik.db.query<{ n: number }>('select count(*)::int8 as n from fostering_link where agency_id = $1', [agency])
  )[0]!.n;

/** A generated member list of this many rows, seeded afresh so its NIKs are new to the database. */
export const newList = (rows: number): Promise<ListRow[]> =>
  generateList(ik.db, { rows, seed: Number.parseInt(unique().slice(0, 7), 16) });

/** The worker's database and app, the admin signed in, and two new fostering agencies. */
export async function setUpImport(): Promise<void> {
  ik.db = await testDb();
  ik.app = await testApp();
  ik.admin = await cookieOf([{ role: 'platform_admin' }], true);
  const mk = async () =>
    (
      await ik.db.query<{ id: number }>('insert into fostering_agency (code, name) values ($1, $2) returning id', [
        `IMP-${unique()}`,
        `Pengampu Impor ${unique()}`,
      ])
    )[0]!.id;
  ik.agencyA = await mk();
  ik.agencyB = await mk();
}
