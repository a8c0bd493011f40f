import { IDENTITY_EVENTS, ORDER_EVENTS, PAYMENT_EVENTS } from '@fleet/contracts';
import type { NotificationType } from '@fleet/api-contract';
import type { EventEnvelope } from '@fleet/messaging';
import { z } from 'zod';

/** Shipment and return events (produced by the shipment work; names fixed by docs/events17). */
export const SHIPMENT_EVENT_TYPES = { inTransit: 'shipment.in_transit', delivered: 'shipment.delivered' };
export const RETURN_EVENT_TYPES = [
  'order.return_requested',
  'order.return_accepted',
  'order.return_rejected',
  'order.return_received',
  'order.return_refunded',
] as const;

/** Every event the notification consumer binds to. */
export const NOTIFICATION_EVENT_BINDINGS = [
  ORDER_EVENTS.created,
  ORDER_EVENTS.placed,
  ORDER_EVENTS.cancelled,
  PAYMENT_EVENTS.failed,
  PAYMENT_EVENTS.refunded,
  SHIPMENT_EVENT_TYPES.inTransit,
  SHIPMENT_EVENT_TYPES.delivered,
  ...RETURN_EVENT_TYPES,
  IDENTITY_EVENTS.passwordResetRequested,
  IDENTITY_EVENTS.emailVerificationRequested,
];

/** What one event means here: remember an order's contact, and/or send one e-mail. */
export interface NotificationPlan {
  contact?: { orderId: string; email: string; currency: string };
  email?: {
    type: NotificationType;
    /** The address, or the order whose contact it is. */
    to: { email: string } | { orderId: string };
    data: Record<string, unknown>;
  };
}

// Only what notification reads of each event; anything else may change freely.
const orderEvent = z.looseObject({
  orderId: z.string().min(1),
  email: z.string().min(1),
  total: z.number(),
  currency: z.string(),
  reason: z.string().nullable().optional(),
  items: z
    .array(
      z.looseObject({
        quantity: z.number(),
        unitPrice: z.number(),
        title: z.string().optional(),
        productId: z.string().optional(),
      }),
    )
    .optional(),
});
const paymentFailed = z.looseObject({ orderId: z.string().min(1), reason: z.string().optional() });
const paymentRefunded = z.looseObject({
  orderId: z.string().min(1),
  amount: z.number(),
  refundedAmount: z.number(),
  currency: z.string(),
  fullyRefunded: z.boolean(),
});
const shipmentEvent = z.looseObject({
  orderId: z.string().min(1),
  carrierName: z.string(),
  trackingNumber: z.string(),
  trackingUrl: z.string().nullable(),
});
const returnEvent = z.looseObject({
  returnId: z.string().min(1),
  orderId: z.string().min(1),
  email: z.string().min(1),
  status: z.string(),
  lines: z.array(z.looseObject({ quantity: z.number() })),
  refundAmount: z.number().nullable(),
  restock: z.boolean().nullable().optional(),
  currency: z.string(),
});
const accountToken = z.looseObject({
  audience: z.enum(['customer', 'staff']),
  email: z.string().min(1),
  name: z.string(),
  token: z.string().min(1),
  expiresAt: z.string(),
});

const ORDER_MAIL: Partial<Record<string, NotificationType>> = {
  [ORDER_EVENTS.placed]: 'order_confirmation',
  [ORDER_EVENTS.cancelled]: 'order_cancelled',
};

/**
 * Reads an event into what to do (pure). A malformed body throws: the consumer retries it, then
 * dead-letters it.
 */
export function planNotification(envelope: EventEnvelope): NotificationPlan {
  const { type } = envelope;
  if (type === ORDER_EVENTS.created || type in ORDER_MAIL) {
    const o = orderEvent.parse(envelope.data);
    const contact = { orderId: o.orderId, email: o.email, currency: o.currency };
    const mail = ORDER_MAIL[type];
    if (!mail) return { contact };
    const order = {
      id: o.orderId,
      total: o.total,
      currency: o.currency,
      items: o.items ?? [],
      reason: o.reason,
    };
    return { contact, email: { type: mail, to: { email: o.email }, data: { order } } };
  }
  if (type === PAYMENT_EVENTS.failed) {
    const p = paymentFailed.parse(envelope.data);
    return mailAbout(p.orderId, 'payment_failed', { payment: { reason: p.reason ?? null } });
  }
  if (type === PAYMENT_EVENTS.refunded) {
    const p = paymentRefunded.parse(envelope.data);
    return mailAbout(p.orderId, 'order_refunded', { refund: p });
  }
  if (type === SHIPMENT_EVENT_TYPES.inTransit || type === SHIPMENT_EVENT_TYPES.delivered) {
    const s = shipmentEvent.parse(envelope.data);
    const mail = type === SHIPMENT_EVENT_TYPES.inTransit ? 'order_shipped' : 'order_delivered';
    return mailAbout(s.orderId, mail, { shipment: s });
  }
  if ((RETURN_EVENT_TYPES as readonly string[]).includes(type)) {
    const r = returnEvent.parse(envelope.data);
    const event = type.slice('order.return_'.length);
    return {
      email: { type: 'return_update', to: { email: r.email }, data: { return: { ...r, event } } },
    };
  }
  if (
    type === IDENTITY_EVENTS.passwordResetRequested ||
    type === IDENTITY_EVENTS.emailVerificationRequested
  ) {
    const a = accountToken.parse(envelope.data);
    const mail = type === IDENTITY_EVENTS.passwordResetRequested ? 'password_reset' : 'email_verification';
    return { email: { type: mail, to: { email: a.email }, data: { account: a } } };
  }
  return {};
}

function mailAbout(orderId: string, type: NotificationType, data: Record<string, unknown>): NotificationPlan {
  return { email: { type, to: { orderId }, data: { ...data, order: { id: orderId } } } };
}
