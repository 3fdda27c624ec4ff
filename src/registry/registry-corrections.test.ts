// Corrections and personal-data rights: the owner corrects the record, downloads it, asks for deletion.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeAccount } from '../../test/support/factories.ts';
import { newNik, newPhone, registration, rk, session, setUpRegistry } from '../../test/support/registry.ts';
import type { Db } from '../platform/db/types.ts';
import type { App } from '../platform/http/server.ts';

let app: App;
let db: Db;

beforeAll(async () => {
  await setUpRegistry();
  ({ app, db } = rk);
});

describe('corrections and personal-data rights', () => {
  it('the owner corrects sales, the size class moves up with history, and the change is audited without personal data', async () => {
    const acc = await makeAccount(db, [{ role: 'public_buyer' }]);
    const cookie = await session(acc.id);
    const { umkmId } = (
      await app.inject({
        method: 'POST',
        url: '/api/registry/registrations',
        headers: { cookie },
        payload: registration(newNik(), newPhone()),
      })
    ).json();
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/registry/members/${umkmId}`,
      headers: { cookie },
      payload: { annualSales: 3_500_000_000, ownerPhone: newPhone() },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().sizeClass).toBe('small');
    const history = await db.query<{ size_class: string }>(
      'select size_class from size_class_history where umkm_id = $1 order by id',
      [umkmId],
    );
    expect(history.map((h) => h.size_class)).toEqual(['micro', 'small']);
    const [entry] = await db.query<{ after: Record<string, unknown> }>(
      `select after from audit_log where umkm_id = $1 and action = 'registry.correct'`,
      [umkmId],
    );
    expect(entry?.after).toEqual({ annualSales: 3_500_000_000, ownerPhone: 'changed' });
  });

  it('the owner downloads everything held about them, asks for deletion, and an admin erases the person but keeps the business', async () => {
    const acc = await makeAccount(db, [{ role: 'public_buyer' }]);
    const cookie = await session(acc.id);
    const nik = newNik();
    const { umkmId } = (
      await app.inject({
        method: 'POST',
        url: '/api/registry/registrations',
        headers: { cookie },
        payload: registration(nik, newPhone()),
      })
    ).json();
    const mine = await app.inject({ method: 'GET', url: '/api/registry/my-data', headers: { cookie } });
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-disposition']).toContain('attachment');
    expect(mine.json().owner.nik).toBe(nik);
    expect(mine.json().journey[0].stage).toBe(1);
    const req = await app.inject({
      method: 'POST',
      url: '/api/registry/my-data/deletion-requests',
      headers: { cookie },
      payload: { reason: 'Usaha sudah tutup' },
    });
    expect(req.statusCode).toBe(202);
    const admin = await makeAccount(db, [{ role: 'platform_admin' }], { totp: true });
    const list = await app.inject({
      method: 'GET',
      url: '/api/registry/data-requests',
      headers: { cookie: await session(admin.id) },
    });
    expect(list.json().items.find((i: { id: number }) => i.id === req.json().requestId)).toMatchObject({
      ownerName: 'Siti Aminah',
      umkmId,
      reason: 'Usaha sudah tutup',
      status: 'open',
    });
    const decided = await app.inject({
      method: 'POST',
      url: `/api/registry/data-requests/${req.json().requestId}/decision`,
      headers: { cookie: await session(admin.id) },
      payload: { decision: 'done', note: 'Diverifikasi lewat telepon' },
    });
    expect(decided.statusCode).toBe(200);
    const [o] = await db.query<{ full_name: string; nik_enc: Buffer | null; erased_at: Date | null }>(
      'select o.full_name, o.nik_enc, o.erased_at from owner o join umkm u on u.owner_id = o.id where u.id = $1',
      [umkmId],
    );
    expect(o).toMatchObject({ full_name: '(dihapus)', nik_enc: null });
    expect(o?.erased_at).toBeInstanceOf(Date);
    expect((await db.query('select 1 from umkm where id = $1', [umkmId])).length).toBe(1);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json().authenticated).toBe(
      false,
    );
  });
});
