import { z } from 'zod';
import { limit, page, timestamp } from './common';
import { operations } from './operation';

/** The store's e-mail: template overrides (Liquid) with a preview, and the deliveries sent. */

export const NOTIFICATION_TYPES = [
  'order_confirmation',
  'payment_failed',
  'order_shipped',
  'order_delivered',
  'order_cancelled',
  'order_refunded',
  'return_update',
  'password_reset',
  'email_verification',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const notificationTypeParams = z.strictObject({
  type: z.enum(NOTIFICATION_TYPES, { message: `must be one of ${NOTIFICATION_TYPES.join(', ')}` }),
});

/** A merchant's override: Liquid for the subject, the HTML body and (optionally) the text part. */
export const notificationTemplateBody = z.strictObject({
  subject: z.string().trim().min(1, 'is required').max(1_000, 'must be at most 1000 characters'),
  html: z
    .string()
    .min(1, 'is required')
    .max(64 * 1024, 'must be at most 64 KiB'),
  text: z
    .string()
    .max(64 * 1024, 'must be at most 64 KiB')
    .nullable()
    .optional(),
});

const templateSource = z.looseObject({ subject: z.string(), html: z.string(), text: z.string().nullable() });

export const notificationTemplate = z.looseObject({
  type: z.enum(NOTIFICATION_TYPES),
  overridden: z.boolean(),
  /** The override when there is one. */
  override: templateSource.nullable(),
  /** The platform's default, branded with the store's settings. */
  defaultSource: templateSource,
  updatedAt: timestamp.nullable(),
});

export const notificationPreview = z.looseObject({
  type: z.enum(NOTIFICATION_TYPES),
  subject: z.string(),
  html: z.string(),
  text: z.string(),
});

export const deliveryStatus = z.enum(['queued', 'sent', 'failed']);

export const delivery = z.looseObject({
  id: z.string(),
  type: z.enum(NOTIFICATION_TYPES),
  recipient: z.string(),
  status: deliveryStatus,
  subject: z.string().nullable(),
  attempts: z.int(),
  lastError: z.string().nullable(),
  /** Why the merchant's override was not used (the default was sent instead). */
  templateError: z.string().nullable(),
  eventId: z.string(),
  createdAt: timestamp,
  sentAt: timestamp.nullable(),
});

export const deliveriesQuery = z.strictObject({
  status: deliveryStatus.optional(),
  type: z.enum(NOTIFICATION_TYPES).optional(),
  limit,
  cursor: z.string().min(1).max(500).optional(),
});

const staff = { door: 'store', auth: 'staff', tags: ['Admin: notifications'] } as const;
const templatePath = '/api/admin/notifications/templates/{type}';

export const notificationOperations = operations({
  listNotificationTemplates: {
    ...staff,
    method: 'get',
    path: '/api/admin/notifications/templates',
    summary: 'Every e-mail the store sends: its default and the merchant’s override, if any',
    status: 200,
    response: z.looseObject({ items: z.array(notificationTemplate) }),
    errors: [],
  },
  putNotificationTemplate: {
    ...staff,
    method: 'put',
    path: templatePath,
    summary: 'Save an override (it must render with sample data: else 422 naming the error)',
    params: notificationTypeParams,
    body: notificationTemplateBody,
    status: 200,
    response: notificationTemplate,
    errors: [400, 422],
  },
  deleteNotificationTemplate: {
    ...staff,
    method: 'delete',
    path: templatePath,
    summary: 'Remove an override (the default is sent again)',
    params: notificationTypeParams,
    status: 204,
    errors: [400, 404],
  },
  previewNotificationTemplate: {
    ...staff,
    method: 'post',
    path: `${templatePath}/preview`,
    summary: 'The e-mail an override would give, with sample data and the store’s branding; nothing is saved',
    params: notificationTypeParams,
    body: notificationTemplateBody,
    status: 200,
    response: notificationPreview,
    errors: [400, 422],
  },
  listNotificationDeliveries: {
    ...staff,
    method: 'get',
    path: '/api/admin/notifications/deliveries',
    summary: 'The e-mails sent or being sent, newest first',
    query: deliveriesQuery,
    status: 200,
    response: page(delivery),
    errors: [400],
  },
});

export type NotificationTemplate = z.infer<typeof notificationTemplate>;
export type NotificationPreview = z.infer<typeof notificationPreview>;
export type NotificationDelivery = z.infer<typeof delivery>;
