// In-app notifications: each signed-in account reads and marks its own.
import { z } from 'zod';
import { signedIn } from '../platform/auth/acting.ts';
import type { RoutePlugin } from '../platform/http/server.ts';
import { listNotifications, markAllRead, markRead, unreadCount } from './notifications.ts';
import { MarkedRead, NotificationList, NotificationListQuery, NotificationParams, UnreadCount } from './schema.ts';
import { publicUrl } from './whatsapp.ts';

const me = signedIn;

export const notificationRoutes: RoutePlugin = (app, { db }) => {
  app.get(
    '/api/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'listMyNotifications',
        tags: ['notifications'],
        summary: 'My notifications, newest first, with the unread count',
        querystring: NotificationListQuery,
        response: { 200: NotificationList },
      },
    },
    async (req) => listNotifications(db, me(req), req.query, publicUrl(req)),
  );

  app.get(
    '/api/notifications/unread-count',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'countMyUnreadNotifications',
        tags: ['notifications'],
        summary: 'How many of my notifications are unread',
        response: { 200: UnreadCount },
      },
    },
    async (req) => ({ unread: await unreadCount(db, me(req)) }),
  );

  app.post(
    '/api/notifications/:notificationId/read',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'markNotificationRead',
        tags: ['notifications'],
        summary: 'Mark one of my notifications read',
        params: NotificationParams,
        body: z.strictObject({}).optional(),
        response: { 200: MarkedRead },
      },
    },
    async (req) => markRead(db, me(req), req.params.notificationId),
  );

  app.post(
    '/api/notifications/read-all',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'markAllNotificationsRead',
        tags: ['notifications'],
        summary: 'Mark all my notifications read',
        body: z.strictObject({}).optional(),
        response: { 200: MarkedRead },
      },
    },
    async (req) => markAllRead(db, me(req)),
  );
};
