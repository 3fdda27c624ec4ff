// In-app notifications (notifikasi): any context creates them inside its own transaction; each account reads and
// marks its own.
import type { AccountActor } from '../platform/auth/actor.ts';
import type { Queryable } from '../platform/db/types.ts';
import { notFound } from '../platform/http/problem.ts';
import type { Notification } from './schema.ts';
import { messageText, whatsappLink } from './whatsapp.ts';

export interface NewNotification {
  kind: string;
  umkmId: number | null;
  title: { id: string; en: string };
  body: { id: string; en: string };
  link: string | null;
}

/** One notification per (distinct) account, in the caller's transaction. */
export async function notify(tx: Queryable, accountIds: number[], n: NewNotification): Promise<void> {
  const ids = [...new Set(accountIds)];
  if (!ids.length) return;
  await tx.query(
    `insert into notification (account_id, umkm_id, kind, title_id, title_en, body_id, body_en, link)
     select a, $2, $3, $4, $5, $6, $7, $8 from unnest($1::int8[]) as a`,
    [ids, n.umkmId, n.kind, n.title.id, n.title.en, n.body.id, n.body.en, n.link],
  );
}

interface Row {
  id: number;
  kind: string;
  umkm_id: number | null;
  title_id: string;
  title_en: string;
  body_id: string;
  body_en: string;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
}

const present = (r: Row, base: string): Notification => ({
  id: r.id,
  kind: r.kind,
  umkmId: r.umkm_id,
  title: { id: r.title_id, en: r.title_en },
  body: { id: r.body_id, en: r.body_en },
  link: r.link,
  whatsappShare: whatsappLink(null, messageText(r.title_id, r.body_id, r.link, base)),
  createdAt: new Date(r.created_at).toISOString(),
  readAt: r.read_at && new Date(r.read_at).toISOString(),
});

export async function unreadCount(db: Queryable, actor: AccountActor): Promise<number> {
  const [r] = await db.query<{ n: number }>(
    'select count(*)::int8 as n from notification where account_id = $1 and read_at is null',
    [actor.accountId],
  );
  return r?.n ?? 0;
}

/** Newest first, keyset-paginated by id (the cursor is the last id seen). */
export async function listNotifications(
  db: Queryable,
  actor: AccountActor,
  q: { unread?: 'true' | 'false'; limit: number; cursor?: string },
  base: string,
) {
  const before = q.cursor && /^\d{1,18}$/.test(q.cursor) ? Number(q.cursor) : null;
  const rows = await db.query<Row>(
    `select id, kind, umkm_id, title_id, title_en, body_id, body_en, link, created_at, read_at from notification
      where account_id = $1 and ($2::boolean is not true or read_at is null) and ($3::int8 is null or id < $3)
      order by id desc limit $4`,
    [actor.accountId, q.unread === 'true', before, q.limit + 1],
  );
  const page = rows.slice(0, q.limit);
  return {
    unread: await unreadCount(db, actor),
    items: page.map((r) => present(r, base)),
    nextCursor: rows.length > q.limit ? String(page[page.length - 1]!.id) : null,
  };
}

/** Marks one of the caller's notifications read (another account's is "not found"). */
export async function markRead(db: Queryable, actor: AccountActor, id: number) {
  const rows = await db.query<{ read_at: Date | null }>(
    'select read_at from notification where id = $1 and account_id = $2',
    [id, actor.accountId],
  );
  if (!rows.length) throw notFound({ id: 'Notifikasi tidak ditemukan.', en: 'Notification not found.' });
  const marked = await db.query(
    'update notification set read_at = now() where id = $1 and account_id = $2 and read_at is null returning 1',
    [id, actor.accountId],
  );
  return { unread: await unreadCount(db, actor), marked: marked.length };
}

export async function markAllRead(db: Queryable, actor: AccountActor) {
  const marked = await db.query(
    'update notification set read_at = now() where account_id = $1 and read_at is null returning 1',
    [actor.accountId],
  );
  return { unread: 0, marked: marked.length };
}
