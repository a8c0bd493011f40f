import { randomUUID } from 'node:crypto';
import type { Ctx } from '@fleet/context';
import type { CreateOrderRequest, OrderStatus, PaymentView, ReservationView } from '@fleet/contracts';
import { newId } from '@fleet/db';
import { waitFor } from '@fleet/testing';
import type { Platform } from './platform';

export const newTenant = (): string => newId('ten');
export const service = (tenantId: string): Partial<Ctx> => ({
  tenantId,
  actor: { kind: 'service', id: 'checkout' },
});
export const staff = (tenantId: string): Partial<Ctx> => ({
  tenantId,
  actor: { kind: 'staff', id: 'stf_1' },
});
export const guest = (tenantId: string): Partial<Ctx> => ({ tenantId, actor: { kind: 'anonymous' } });
export const customer = (tenantId: string, id: string): Partial<Ctx> => ({
  tenantId,
  actor: { kind: 'customer', id },
});

export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

/** A valid checkout body: `lines` of [variantId, quantity, unitPrice]. */
export function orderBody(
  lines: Array<[string, number, number?]>,
  overrides: Partial<CreateOrderRequest> & { unpaidOrderTimeoutMinutes?: number } = {},
): CreateOrderRequest {
  const items = lines.map(([variantId, quantity, unitPrice = 1000]) => ({
    variantId,
    productId: `prod_${variantId}`,
    sku: `SKU-${variantId}`,
    title: `Item ${variantId}`,
    unitPrice,
    quantity,
  }));
  const subtotal = items.reduce((sum, i) => sum + i.unitPrice * i.quantity, 0);
  return {
    checkoutId: `chk_${randomUUID()}`,
    // One address per order: the store caps open unpaid checkouts per address (open-checkouts.test).
    email: `shopper.${randomUUID().slice(0, 8)}@example.com`,
    customerId: null,
    currency: 'USD',
    items,
    subtotal,
    shipping: 500,
    tax: 0,
    total: subtotal + 500,
    shippingAddress: {
      name: 'Ada',
      line1: '1 Main St',
      city: 'Springfield',
      postalCode: '12345',
      country: 'US',
    },
    ...overrides,
  };
}

export interface CreatedOrder {
  orderId: string;
  orderToken: string;
  status: OrderStatus;
  total: number;
  currency: string;
  payment: { provider: string; paymentId: string; clientParams: Record<string, unknown> };
}

export function createOrder(p: Platform, tenantId: string, body: CreateOrderRequest): Promise<Response> {
  return p.call(p.order.url, '/internal/orders', { body, ctx: service(tenantId) });
}

export async function placeOrder(
  p: Platform,
  tenantId: string,
  body: CreateOrderRequest,
): Promise<CreatedOrder> {
  // As checkout does: `503 order_pending` (a step is retried later, e.g. a slow provider on a loaded
  // machine) is answered by calling again with the same checkout, which resumes the same order.
  for (let attempt = 1; ; attempt++) {
    const res = await createOrder(p, tenantId, body);
    if (res.status === 201) return json<CreatedOrder>(res);
    const text = await res.text();
    if (res.status !== 503 || !text.includes('order_pending') || attempt === 10)
      throw new Error(`create answered ${res.status}: ${text}`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

export async function setStock(
  p: Platform,
  tenantId: string,
  variantId: string,
  onHand: number,
): Promise<void> {
  const res = await p.call(p.inventory.url, `/api/admin/inventory/${variantId}`, {
    method: 'PUT',
    body: { onHand },
    ctx: staff(tenantId),
  });
  if (res.status >= 300) throw new Error(`setStock answered ${res.status}: ${await res.text()}`);
}

export async function level(
  p: Platform,
  tenantId: string,
  variantId: string,
): Promise<{ onHand: number; reserved: number }> {
  const row = await p.inventory
    .owner('stock_levels')
    .where({ tenant_id: tenantId, variant_id: variantId })
    .first('on_hand', 'reserved');
  return { onHand: row.on_hand, reserved: row.reserved };
}

export async function reservation(
  p: Platform,
  tenantId: string,
  orderId: string,
): Promise<ReservationView | null> {
  const res = await p.call(p.inventory.url, `/internal/reservations/${orderId}`, { ctx: service(tenantId) });
  return res.status === 404 ? null : json<ReservationView>(res);
}

export async function paymentFor(p: Platform, tenantId: string, orderId: string): Promise<PaymentView[]> {
  const res = await p.call(p.payment.url, `/internal/payments?orderId=${orderId}`, {
    ctx: service(tenantId),
  });
  return (await json<{ items: PaymentView[] }>(res)).items;
}

/** The offline provider's "customer paid" / "card declined": a signed webhook to payment. */
export async function simulate(
  p: Platform,
  tenantId: string,
  paymentId: string,
  outcome: 'succeeded' | 'failed',
) {
  const res = await p.call(p.payment.url, `/api/store/payments/${paymentId}/simulate`, {
    body: { outcome },
    ctx: guest(tenantId),
  });
  if (res.status !== 202) throw new Error(`simulate answered ${res.status}: ${await res.text()}`);
}

export interface OrderRow {
  status: OrderStatus;
  version: number;
  refunded_amount: string;
  paid_amount: string | null;
  payment_id: string | null;
}

export async function orderRow(
  p: Platform,
  tenantId: string,
  orderId: string,
): Promise<OrderRow | undefined> {
  return p.orderOwner('orders').where({ tenant_id: tenantId, id: orderId }).first();
}

export interface SagaRow {
  step: string;
  status: string;
  attempts: number;
  data: {
    committed?: boolean;
    captured?: boolean;
    paymentWaitExtended?: boolean;
    compensation?: { target: string; stockDone: boolean; refund: boolean; refundDone: boolean };
  };
}

export async function sagaRow(p: Platform, tenantId: string, orderId: string): Promise<SagaRow> {
  return p.orderOwner('saga_state').where({ tenant_id: tenantId, order_id: orderId }).first();
}

/** Waits until the order is in `status` and its saga has nothing left to do (done or waiting). */
export async function settled(
  p: Platform,
  tenantId: string,
  orderId: string,
  status: OrderStatus,
  timeoutMs = 15_000,
): Promise<SagaRow> {
  return waitFor(
    `order ${orderId} to be ${status}`,
    async () => {
      const order = await orderRow(p, tenantId, orderId);
      const saga = await sagaRow(p, tenantId, orderId); // read after the order: never older than it
      const quiet = saga?.status === 'done' || saga?.status === 'waiting';
      return order?.status === status && quiet ? saga : undefined;
    },
    { timeoutMs, intervalMs: 50 },
  );
}

export async function statusHistory(p: Platform, tenantId: string, orderId: string): Promise<string[]> {
  const rows = await p
    .orderOwner('order_status_history')
    .where({ tenant_id: tenantId, order_id: orderId })
    .orderBy('seq')
    .select('to_status');
  return rows.map((r: { to_status: string }) => r.to_status);
}

/** The order's unpaid timeout passes (for the order only: inventory's reservation still runs). */
export async function passUnpaidTimeout(p: Platform, tenantId: string, orderId: string): Promise<void> {
  const past = new Date(Date.now() - 1_000);
  await p.orderOwner('orders').where({ tenant_id: tenantId, id: orderId }).update({ expires_at: past });
  await p
    .orderOwner('saga_state')
    .where({ tenant_id: tenantId, order_id: orderId })
    .update({ deadline_at: past });
}
