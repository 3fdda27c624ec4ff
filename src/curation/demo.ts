// Demo curation (npm start, never in production): one open call feeding Jumat Beli Lokal with the demo kurator
// assigned, and submissions of the demo kecamatan at every step, some overdue, made through the same use cases
// as real ones (dated in the past). Also a valid halal certificate for the demo owner's business, so a food
// product can be published in the browser journey.
import { createAccount, grantRole } from '../access/create-account.ts';
import { type DemoAccountRow, demoActor } from '../access/demo-accounts.ts';
import { auditActor, SYSTEM } from '../platform/auth/actor.ts';
import type { Role } from '../platform/auth/roles.ts';
import { audit } from '../platform/audit.ts';
import type { Db, Tx } from '../platform/db/types.ts';
import { localDate } from '../platform/time.ts';
import { createCall, publishCall } from './manage-calls.ts';
import { review } from './review-submission.ts';
import { scoreSubmission } from './score-submission.ts';
import type { Acting } from './steps.ts';
import { submitProduct } from './submit-product.ts';

const DAY = 86_400_000;
const FOOD_CRITERIA = ['taste', 'packaging', 'hygiene', 'halal', 'photo'];

const actorOf = demoActor;

const as = (a: DemoAccountRow, at: Date): Acting => ({
  actor: actorOf(a),
  role: a.role,
  who: auditActor(actorOf(a), a.role, null),
  now: at,
});

/** A valid halal certificate for each of the owner's businesses that has none (the rule for publishing food). */
async function ensureHalal(tx: Tx, ownerId: number): Promise<void> {
  const missing = await tx.query<{ id: number }>(
    `select u.id from umkm u where u.owner_id = $1
        and not exists (select 1 from permit p where p.umkm_id = u.id and p.kind = 'halal' and (p.expires_on is null or p.expires_on > current_date))`,
    [ownerId],
  );
  for (const u of missing) {
    const number = `ID31${String(u.id).padStart(11, '0')}`;
    const [p] = await tx.query<{ id: number }>(
      `insert into permit (umkm_id, kind, number, issued_on, expires_on) values ($1, 'halal', $2, current_date - 200, current_date + 1260)
       on conflict (umkm_id, kind, number) do update set expires_on = excluded.expires_on returning id`,
      [u.id, number],
    );
    await audit(tx, SYSTEM('demo'), {
      action: 'permit.add',
      entityType: 'permit',
      entityId: p!.id,
      umkmId: u.id,
      after: { kind: 'halal', number },
    });
  }
}

/**
 * The account of an owner who submitted online: as the kecamatan desk would make it (unclaimed, the registry
 * phone as login, so the desk can still hand over a claim code), unless one exists.
 */
async function ownerAccount(tx: Tx, ownerId: number): Promise<DemoAccountRow> {
  const [o] = await tx.query<{ full_name: string; account_id: number | null; display_name: string | null }>(
    'select o.full_name, a.id as account_id, a.display_name from owner o left join account a on a.owner_id = o.id where o.id = $1',
    [ownerId],
  );
  let id = o!.account_id;
  if (id === null) {
    const [row] = await tx.query<{ id: number }>(
      `insert into account (display_name, phone_enc, phone_hash, owner_id)
       select o.full_name, o.phone_enc, o.phone_hash, o.id from owner o
        where o.id = $1 and not exists (select 1 from account a where a.phone_hash = o.phone_hash)
       returning id`,
      [ownerId],
    );
    id = row?.id ?? (await createAccount(tx, SYSTEM('demo'), { displayName: o!.full_name, ownerId }));
    if (row)
      await audit(tx, SYSTEM('demo'), {
        action: 'account.create',
        entityType: 'account',
        entityId: id,
        after: { ownerId, claimed: false },
      });
    await grantRole(tx, SYSTEM('demo'), id, 'umkm_owner', '');
  }
  return { id, display_name: o!.display_name ?? o!.full_name, owner_id: ownerId, role: 'umkm_owner', scope_id: '' };
}

/** One published food product each of `n` other owners in the kecamatan; the uncurated first. */
async function candidates(tx: Tx, district: string, notOwner: number, n: number) {
  return tx.query<{ id: number; owner_id: number }>(
    `select * from (
       select distinct on (u.owner_id) p.id, u.owner_id, p.curation_status = 'curated' as curated
         from product p join umkm u on u.id = p.umkm_id join region v on v.code = u.village_code join product_category c on c.code = p.category_code
        where v.parent_code = $1 and u.owner_id <> $2 and p.status = 'published' and c.is_food and u.status = 'active'
        order by u.owner_id, p.curation_status = 'curated', p.id) x
     order by curated, owner_id limit $3`,
    [district, notOwner, n],
  );
}

/** Creates the demo call and its submissions once; returns how many submissions were made. */
export async function createDemoCuration(db: Db, now = new Date()): Promise<number> {
  if (process.env.NODE_ENV === 'production') return 0;
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(7461029)');
    if ((await tx.query('select 1 from curation_call limit 1')).length) return 0;
    const rows = await tx.query<DemoAccountRow>(
      `select a.id, a.display_name, a.owner_id, g.role, g.scope_id from account a join role_grant g on g.account_id = a.id
        where a.email = any($1::text[])`,
      [['admin', 'pendamping', 'kasatpel', 'kurator', 'umkm'].map((w) => `${w}@demo.pasarlokal.id`)],
    );
    const by = (role: Role) => rows.find((r) => r.role === role);
    const [admin, pendamping, kasatpel, kurator, owner] = [
      by('platform_admin'),
      by('pendamping'),
      by('kasatpel'),
      by('kurator'),
      by('umkm_owner'),
    ];
    if (!admin || !pendamping || !kasatpel || !kurator || !owner?.owner_id) return 0;
    await ensureHalal(tx, owner.owner_id);

    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const deadline = localDate(new Date(now.getTime() + 21 * DAY));
    const adminWho = auditActor(actorOf(admin), 'platform_admin', null);
    const callId = await createCall(
      tx,
      adminWho,
      {
        title: {
          id: `Kurasi Jumat Beli Lokal ${deadline.slice(0, 7)}`,
          en: `Jumat Beli Lokal curation ${deadline.slice(0, 7)}`,
        },
        description: {
          id: 'Kurasi produk makanan dan minuman untuk Jumat Beli Lokal: pra-pesan dibuka beberapa hari sebelumnya dan ditutup Kamis 20.00 WIB, lalu sesi belanja langsung hari Jumat.',
          en: 'Curation of food and drink products for Jumat Beli Lokal: pre-orders open a few days before and close Thursday 20:00 WIB, then a live-shopping session on Friday.',
        },
        criteria: {
          id: 'Produk makanan atau minuman yang sudah terbit di katalog, kemasan berlabel, foto produk jelas.',
          en: 'Food or drink products published in the catalogue, labelled packaging, a clear product photo.',
        },
        categoryCodes: [],
        foodOnly: true,
        requirePublished: true,
        // Not required here: the demo's other owners' products are drawn at random, labelled halal or not.
        requiresHalal: false,
        quota: 40,
        deadlineWib: `${deadline}T23:59`,
        channel: 'jbl',
        rubricCode: 'food',
        kuratorIds: [kurator.id],
      },
      ago(30),
    );
    await publishCall(tx, adminWho, actorOf(admin), callId, ago(28));
    await tx.query('update curation_call set created_at = $2, updated_at = $2 where id = $1', [callId, ago(30)]);

    // Other owners of the kecamatan, with (unclaimed) accounts as owners who submitted online would have.
    const products = await candidates(tx, pendamping.scope_id, owner.owner_id, 4);
    const others: DemoAccountRow[] = [];
    for (const c of products) others.push(await ownerAccount(tx, c.owner_id));
    const submit = async (who: DemoAccountRow, productId: number, at: Date) =>
      (await submitProduct(tx, as(who, at), callId, { productId })).submissionId;
    const verify = (id: number, at: Date) =>
      review(tx, as(pendamping, at), 'verify', id, { approve: true, notes: 'Dokumen dan foto lengkap.' });
    const validate = (id: number, at: Date) => review(tx, as(kasatpel, at), 'validate', id, { approve: true });
    let made = 0;
    // The scenarios, oldest first: overdue at verification, overdue at validation, waiting for the kurator, new.
    const plan: ((id: number) => Promise<unknown>)[] = [
      async () => undefined, // submitted 12 days ago: overdue for the pendamping
      async (id) => verify(id, ago(9)), // verified 9 days ago: overdue for the kasatpel
      async (id) => {
        await verify(id, ago(6));
        return validate(id, ago(2)); // validated 2 days ago: the kurator's queue
      },
      async () => undefined, // submitted today
    ];
    const when = [12, 14, 10, 0];
    for (const [i, p] of products.entries()) {
      const who = others.find((o) => o.owner_id === p.owner_id)!;
      const id = await submit(who, p.id, ago(when[i]!));
      await plan[i]!(id);
      made++;
    }

    // The demo owner: one product passed with a certificate, one returned with notes to improve.
    const mine = await tx.query<{ id: number }>(
      `select p.id from product p join umkm u on u.id = p.umkm_id join product_category c on c.code = p.category_code
         join region v on v.code = u.village_code
        where u.owner_id = $1 and v.parent_code = $2 and p.status = 'published' and c.is_food and u.status = 'active' order by p.id limit 2`,
      [owner.owner_id, pendamping.scope_id],
    );
    if (mine[0]) {
      const id = await submit(owner, mine[0].id, ago(20));
      await verify(id, ago(19));
      await validate(id, ago(17));
      await scoreSubmission(tx, as(kurator, ago(15)), id, {
        scores: FOOD_CRITERIA.map((criterion, k) => ({
          criterion,
          score: k === 1 ? 4 : 5,
          notes: k === 1 ? 'Label kemasan bisa lebih jelas.' : undefined,
        })),
        notes: 'Rasa konsisten, kemasan rapi. Layak untuk Jumat Beli Lokal.',
      });
      made++;
    }
    if (mine[1]) {
      const id = await submit(owner, mine[1].id, ago(8));
      await review(tx, as(pendamping, ago(7)), 'verify', id, {
        approve: false,
        notes: 'Foto produk kurang terang dan tanggal kedaluwarsa tidak terlihat. Mohon foto ulang.',
      });
      made++;
    }
    return made;
  });
}
