// Zod schemas of in-app notifications (notifikasi): generic, any context may create them.
import { z } from 'zod';
import { bigintIdParam } from '../platform/http/input.ts';

const Bi = z.object({ id: z.string(), en: z.string() });

export const NotificationParams = z.strictObject({ notificationId: bigintIdParam() });

export const NotificationListQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional().describe('true: unread only'),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  cursor: z.string().max(40).optional().describe('nextCursor of the previous page'),
});

export const Notification = z.object({
  id: z.number().int(),
  kind: z.string().describe("e.g. 'curation.submitted', 'curation.returned', 'curation.passed'"),
  umkmId: z.number().int().nullable(),
  title: Bi,
  body: Bi,
  link: z.string().nullable().describe('a path in the web app, e.g. /kurasi/pengajuan/12'),
  whatsappShare: z
    .string()
    .describe('https://wa.me/?text=… : share the message on WhatsApp (recipient chosen in WhatsApp)'),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationList = z.object({
  unread: z.number().int(),
  items: z.array(Notification),
  nextCursor: z.string().nullable(),
});
export const UnreadCount = z.object({ unread: z.number().int() });
export const MarkedRead = z.object({ unread: z.number().int(), marked: z.number().int() });
