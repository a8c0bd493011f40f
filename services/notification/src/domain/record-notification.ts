import type { TenantCtx } from '@fleet/context';
import { newId, type Queryable } from '@fleet/db';
import type { EventEnvelope } from '@fleet/messaging';
import { insertDelivery } from '../data-access/delivery.repository';
import { findOrderContact, upsertOrderContact } from '../data-access/order-contact.repository';
import type { NotificationPlan } from './notification-plan';

/** An event names an order whose contact has not arrived yet: retried until order.created lands. */
export class UnknownOrderContact extends Error {
  constructor(orderId: string) {
    super(`No contact is known yet for order ${orderId}.`);
    this.name = 'UnknownOrderContact';
  }
}

/**
 * The event's effect, in the inbox's transaction: the order's contact is kept, and the e-mail
 * becomes a queued delivery (one per event and type, whatever the redeliveries).
 */
export async function recordNotification(
  tx: Queryable,
  envelope: EventEnvelope,
  ctx: TenantCtx,
  plan: NotificationPlan,
): Promise<void> {
  const tenantId = ctx.tenantId;
  if (plan.contact) await upsertOrderContact(tx, { tenantId, ...plan.contact });
  const email = plan.email;
  if (!email) return;
  let recipient: string;
  if ('email' in email.to) recipient = email.to.email;
  else {
    const contact = await findOrderContact(tx, tenantId, email.to.orderId);
    if (!contact) throw new UnknownOrderContact(email.to.orderId);
    recipient = contact.email;
  }
  await insertDelivery(tx, {
    tenantId,
    id: newId('dlv'),
    eventId: envelope.id,
    type: email.type,
    recipient,
    data: email.data,
  });
}
