// WhatsApp without a WhatsApp API: links that open WhatsApp with the message typed in (https://wa.me/…?text=).
// The person who caused an event gets links addressed to each recipient whose phone we hold (decrypted here,
// on the server, only to build the link: never logged, never stored); a recipient's in-app notification carries a
// share link without a number.
import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../platform/db/types.ts';
import { personalDataKeys } from '../platform/personal-data.ts';

/** `https://wa.me/<digits>?text=…`, or `https://wa.me/?text=…` (choose the chat in WhatsApp) without a number. */
export function whatsappLink(phoneE164: string | null, text: string): string {
  const digits = phoneE164 ? phoneE164.replace(/\D/g, '').replace(/^0/, '62') : '';
  return `https://wa.me/${digits}?text=${encodeURIComponent(text)}`;
}

/** Where links in messages point: PL_PUBLIC_URL, else the origin the request came to. */
export function publicUrl(req: FastifyRequest): string {
  const configured = process.env.PL_PUBLIC_URL?.trim();
  if (configured) return configured.replace(/\/+$/, '');
  return `${req.protocol}://${req.host}`;
}

/** The message text: Indonesian (the language of the programme's WhatsApp groups) with the link. */
export const messageText = (title: string, body: string, link: string | null, base: string) =>
  `${title}\n${body}${link ? `\n${base}${link}` : ''}`;

/**
 * Each account's phone in E.164, where we hold one: the account's own, else (an owner's account) the registry
 * person's, unless they asked to be forgotten. Accounts without a phone are absent from the map.
 */
export async function phonesOf(db: Queryable, accountIds: number[]): Promise<Map<number, string>> {
  if (!accountIds.length) return new Map();
  const rows = await db.query<{ id: number; phone_enc: Buffer | null }>(
    `select a.id, coalesce(a.phone_enc, case when o.erased_at is null then o.phone_enc end) as phone_enc
       from account a left join owner o on o.id = a.owner_id
      where a.id = any($1::int8[])`,
    [accountIds],
  );
  const keys = personalDataKeys();
  const out = new Map<number, string>();
  for (const r of rows) {
    if (!r.phone_enc) continue;
    try {
      out.set(r.id, keys.decrypt(r.phone_enc));
    } catch {
      // A phone sealed under another key (a restored copy): no direct link, the share link still works.
    }
  }
  return out;
}
