// Helpers for `app.inject` tests: a logged-in account's cookie, the usual people around a test world, and a
// multipart body as a browser sends it.
import { createSession } from '../../src/platform/auth/session.ts';
import type { Db } from '../../src/platform/db/types.ts';
import { makeAccount, unique, type World } from './factories.ts';

/** A new account with these grants, logged in: its session cookie. `ownerId` makes it that owner's account. */
export async function sessionCookie(
  db: Db,
  grants: Parameters<typeof makeAccount>[1],
  ownerId?: number,
  opts: { totp?: boolean } = {},
): Promise<string> {
  const acc = await makeAccount(db, grants, opts);
  if (ownerId) await db.query('update account set owner_id = $2 where id = $1', [acc.id, ownerId]);
  return `pl_session=${(await db.transaction((tx) => createSession(tx, acc.id))).token}`;
}

/**
 * The people around a test world: its business's owner, the pendamping of its kecamatan (the desk), and a
 * pendamping of a kecamatan in another kota (Jakarta Timur) who must not see it.
 */
export async function worldPeople(db: Db, world: World): Promise<{ owner: string; desk: string; outsider: string }> {
  const [other] = await db.query<{ code: string }>(
    `select code from region where level = 'district' and code like '3175%' order by code limit 1`,
  );
  return {
    owner: await sessionCookie(db, [{ role: 'umkm_owner' }], world.ownerId),
    desk: await sessionCookie(db, [{ role: 'pendamping', scopeId: world.district }]),
    outsider: await sessionCookie(db, [{ role: 'pendamping', scopeId: other!.code }]),
  };
}

export interface UploadFile {
  name: string;
  type: string;
  data: Buffer;
}

/** A multipart/form-data body as a browser sends it: the text fields, then the files (by field name). */
export function multipartBody(fields: Record<string, string>, files: Record<string, UploadFile> = {}) {
  const boundary = `----pl${unique()}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const [k, f] of Object.entries(files))
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${k}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
