import type { Platform } from './platform';

const SOLD = new Set(['PLACED', 'FULFILLED', 'SHIPPED', 'DELIVERED']);
const ENDED = new Set(['CANCELLED', 'REJECTED']);

export interface Consistency {
  problems: string[];
  placed: number;
}

/**
 * Cross-checks the three databases for one tenant, as an auditor would: every reservation and
 * every payment belongs to an order; stock is held only for orders waiting for money, sold only
 * for placed orders; money is kept only for placed orders (anything else is pending, failed or
 * refunded in full). Sagas must be finished or legitimately waiting. Empty `problems` is clean.
 */
export async function checkConsistency(p: Platform, tenantId: string): Promise<Consistency> {
  const problems: string[] = [];
  const orders = new Map<string, { status: string; total: string }>();
  for (const row of await p
    .orderOwner('orders')
    .where({ tenant_id: tenantId })
    .select('id', 'status', 'total')) {
    orders.set(row.id, row);
  }
  const reservations = await p.inventory
    .owner('reservations')
    .where({ tenant_id: tenantId })
    .select('id', 'status');
  for (const r of reservations) {
    const order = orders.get(r.id);
    if (!order) {
      if (r.status !== 'released') problems.push(`reservation ${r.id} (${r.status}) has no order`);
      continue;
    }
    if (r.status === 'reserved' && order.status !== 'PENDING')
      problems.push(`${r.id}: reserved for ${order.status}`);
    if (r.status === 'committed' && !SOLD.has(order.status))
      problems.push(`${r.id}: sold for ${order.status}`);
    if (SOLD.has(order.status) && r.status !== 'committed')
      problems.push(`${r.id}: ${order.status} not committed`);
  }
  const payments = await p.payment
    .owner('payments')
    .where({ tenant_id: tenantId })
    .select('order_id', 'status', 'amount', 'refunded_amount');
  const paid = new Map<string, number>();
  for (const pay of payments) {
    const order = orders.get(pay.order_id);
    if (!order) {
      problems.push(`payment for unknown order ${pay.order_id}`);
      continue;
    }
    paid.set(pay.order_id, (paid.get(pay.order_id) ?? 0) + 1);
    const kept = Number(pay.amount) - Number(pay.refunded_amount);
    const captured = pay.status !== 'pending' && pay.status !== 'failed';
    if (ENDED.has(order.status) && captured && kept !== 0)
      problems.push(`${pay.order_id}: ${kept} kept for ${order.status}`);
    if (SOLD.has(order.status) && pay.status !== 'succeeded')
      problems.push(`${pay.order_id}: ${order.status} but ${pay.status}`);
  }
  for (const [orderId, count] of paid) if (count > 1) problems.push(`${orderId}: ${count} payments`);
  const sagas = await p
    .orderOwner('saga_state')
    .where({ tenant_id: tenantId })
    .select('order_id', 'status', 'step');
  for (const saga of sagas) {
    const waiting = saga.status === 'waiting' && saga.step === 'await_payment';
    if (saga.status !== 'done' && !waiting)
      problems.push(`saga ${saga.order_id}: ${saga.status} at ${saga.step}`);
  }
  const placed = [...orders.values()].filter((o) => SOLD.has(o.status)).length;
  return { problems, placed };
}
