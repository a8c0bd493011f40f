import { createHmac } from 'node:crypto';
import {
  razorpayId,
  unixNow,
  type RazorpayOrderEntity,
  type RazorpayPaymentEntity,
  type RazorpayRefundEntity,
} from './razorpay-entities';

/**
 * Razorpay webhooks: the event envelope and the way Razorpay signs a delivery. Exported so tests
 * can build and sign exactly what the stand-in (and Razorpay) would send.
 */

export const RAZORPAY_SIGNATURE_HEADER = 'x-razorpay-signature';
export const RAZORPAY_EVENT_ID_HEADER = 'x-razorpay-event-id';

export interface RazorpayEventEntities {
  payment?: RazorpayPaymentEntity;
  refund?: RazorpayRefundEntity;
  order?: RazorpayOrderEntity;
}

export interface RazorpayWebhookEvent {
  entity: 'event';
  account_id: string;
  /** `payment.captured`, `payment.failed`, `refund.processed`, … */
  event: string;
  /** The entity names in `payload`, as Razorpay lists them (refund events: refund, then payment). */
  contains: string[];
  payload: { [K in keyof RazorpayEventEntities]?: { entity: NonNullable<RazorpayEventEntities[K]> } };
  created_at: number;
}

export function razorpayEvent(
  event: string,
  accountId: string,
  entities: RazorpayEventEntities,
): RazorpayWebhookEvent {
  const payload: RazorpayWebhookEvent['payload'] = {};
  const contains: string[] = [];
  if (entities.refund) {
    payload.refund = { entity: entities.refund };
    contains.push('refund');
  }
  if (entities.payment) {
    payload.payment = { entity: entities.payment };
    contains.push('payment');
  }
  if (entities.order) {
    payload.order = { entity: entities.order };
    contains.push('order');
  }
  return { entity: 'event', account_id: accountId, event, contains, payload, created_at: unixNow() };
}

/**
 * Signs a delivery as Razorpay does: `x-razorpay-signature` is the hex HMAC-SHA256 of the exact
 * body with the webhook secret (no timestamp), and `x-razorpay-event-id` names the event (the
 * same on every redelivery of it).
 */
export function signRazorpayEvent(
  event: object,
  secret: string,
  eventId: string = razorpayId(''),
): { rawBody: string; headers: Record<string, string> } {
  const rawBody = JSON.stringify(event);
  return {
    rawBody,
    headers: {
      'content-type': 'application/json',
      [RAZORPAY_SIGNATURE_HEADER]: createHmac('sha256', secret).update(rawBody).digest('hex'),
      [RAZORPAY_EVENT_ID_HEADER]: eventId,
    },
  };
}
