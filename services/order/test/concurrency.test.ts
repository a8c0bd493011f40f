import type { EventEnvelope } from '@fleet/messaging';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  createOrder,
  json,
  level,
  newTenant,
  orderBody,
  orderRow,
  paymentFor,
  reservation,
  settled,
  setStock,
  simulate,
  startPlatform,
  statusHistory,
  type CreatedOrder,
  type Platform,
} from './support/platform';

let p: Platform;

beforeAll(async () => {
  p = await startPlatform('ord_conc');
}, 60_000);
afterAll(async () => {
  await p.close();
});

test('60 concurrent orders for stock 10: 10 placed, 50 clean out_of_stock, stock ends 0', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_hot', 10);
  const responses = await Promise.all(
    Array.from({ length: 60 }, () => createUntilAnswered(tenant, orderBody([['var_hot', 1]]))),
  );
  const statuses = responses.map((r) => r.status);
  expect(statuses.filter((s) => s === 201)).toHaveLength(10);
  expect(statuses.filter((s) => s === 422)).toHaveLength(50);
  const rejected = await Promise.all(responses.filter((r) => r.status === 422).map((r) => json(r)));
  for (const problem of rejected) {
    expect(problem).toMatchObject({ code: 'out_of_stock', status: 422 });
    expect(problem.details).toEqual([{ variantId: 'var_hot', requested: 1, available: 0 }]);
  }
  expect(await level(p, tenant, 'var_hot')).toEqual({ onHand: 10, reserved: 10 });

  const placed = await Promise.all(
    responses.filter((r) => r.status === 201).map((r) => json<CreatedOrder>(r)),
  );
  await Promise.all(placed.map((o) => simulate(p, tenant, o.payment.paymentId, 'succeeded')));
  await Promise.all(placed.map((o) => settled(p, tenant, o.orderId, 'PLACED', 30_000)));
  expect(await level(p, tenant, 'var_hot')).toEqual({ onHand: 0, reserved: 0 });

  const rows = await p.orderOwner('orders').where({ tenant_id: tenant }).select('status');
  const count = (s: string) => rows.filter((r: { status: string }) => r.status === s).length;
  expect([count('PLACED'), count('REJECTED'), rows.length]).toEqual([10, 50, 60]);
  const payments = await p.payment
    .owner('payments')
    .where({ tenant_id: tenant })
    .count<{ count: string }[]>();
  expect(Number(payments[0]?.count)).toBe(10); // rejected orders never created a payment
}, 60_000);

/** As checkout does: a 503 order_pending (a slow moment under load) is retried with the same checkout. */
async function createUntilAnswered(tenant: string, body: ReturnType<typeof orderBody>): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const res = await createOrder(p, tenant, body);
    if (res.status !== 503 || attempt === 20) return res;
    await sleep(Number(res.headers.get('retry-after') ?? 1) * 100);
  }
}

test('5 concurrent identical create calls make one order, one reservation, one payment', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_dup', 5);
  const body = orderBody([['var_dup', 2]]);
  const responses = await Promise.all(Array.from({ length: 5 }, () => createOrder(p, tenant, body)));
  expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
  const answers = await Promise.all(responses.map((r) => json<CreatedOrder>(r)));
  const first = answers[0] as CreatedOrder;
  for (const answer of answers) expect(answer).toEqual(first);
  expect(await p.orderOwner('orders').where({ tenant_id: tenant }).count()).toEqual([{ count: '1' }]);
  expect(await level(p, tenant, 'var_dup')).toEqual({ onHand: 5, reserved: 2 });
  expect((await reservation(p, tenant, first.orderId))?.status).toBe('reserved');
  expect(await paymentFor(p, tenant, first.orderId)).toHaveLength(1);
});

test('the same payment webhook and event delivered 3 times change the order once', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_once', 3);
  const created = await json<CreatedOrder>(await createOrder(p, tenant, orderBody([['var_once', 1]])));
  await simulate(p, tenant, created.payment.paymentId, 'succeeded');
  await settled(p, tenant, created.orderId, 'PLACED');
  const delivery = p.payment.webhooks.requests.find((r) => r.body.includes(created.payment.paymentId));
  for (let i = 0; i < 2; i++) {
    // The provider redelivers its webhook byte for byte (signature and context included).
    const again = await fetch(`${p.payment.url}${delivery?.path}`, {
      method: 'POST',
      headers: delivery?.headers,
      body: delivery?.body,
    });
    expect(await again.json()).toEqual({ received: true, duplicate: true });
  }
  const [row] = await p.payment
    .owner('outbox')
    .where({ tenant_id: tenant, type: 'payment.succeeded' })
    .select('envelope');
  const event = (row as { envelope: EventEnvelope }).envelope;
  await Promise.all([p.payment.broker.publish(event), p.payment.broker.publish(event)]);
  await sleep(500);
  expect(await statusHistory(p, tenant, created.orderId)).toEqual(['PENDING', 'PLACED']);
  expect((await orderRow(p, tenant, created.orderId))?.version).toBe(2);
  const inbox = await p.orderOwner('inbox').where({ tenant_id: tenant, event_id: event.id });
  expect(inbox).toHaveLength(1);
  expect(await level(p, tenant, 'var_once')).toEqual({ onHand: 2, reserved: 0 });
});
