import { setTimeout as sleep } from 'node:timers/promises';
import { newId } from '@fleet/db';
import { waitFor } from '@fleet/testing';
import { checkConsistency } from './support/consistency';
import {
  createOrder,
  json,
  level,
  newTenant,
  orderBody,
  orderRow,
  placeOrder,
  service,
  settled,
  setStock,
  simulate,
  staff,
  startPlatform,
  type CreatedOrder,
  type Platform,
} from './support/platform';

let p: Platform;

beforeAll(async () => {
  p = await startPlatform('ord_resil');
}, 60_000);
afterEach(() => {
  p.inventoryProxy.clear();
  p.paymentProxy.clear();
});
afterAll(async () => {
  await p.close();
});

/** Every saga finished or legitimately waiting for money, and the three databases agree. */
async function allSettled(tenant: string): Promise<number> {
  const result = await waitFor(
    'every saga to settle consistently',
    async () => {
      const check = await checkConsistency(p, tenant);
      return check.problems.length === 0 ? check : undefined;
    },
    { timeoutMs: 20_000, intervalMs: 100 },
  ).catch(async (err: Error) => {
    throw new Error(`${err.message}: ${(await checkConsistency(p, tenant)).problems.join('; ')}`);
  });
  return result.placed;
}

test('RabbitMQ connection dropped mid-saga: relay and consumer reconnect, every order ends right', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_mq', 20);
  const orders = await Promise.all(
    Array.from({ length: 8 }, () => placeOrder(p, tenant, orderBody([['var_mq', 2]]))),
  );
  const outcomes = [
    'succeeded',
    'succeeded',
    'succeeded',
    'succeeded',
    'succeeded',
    'failed',
    'failed',
  ] as const;
  const paying = outcomes.map((outcome, i) =>
    simulate(p, tenant, (orders[i] as CreatedOrder).payment.paymentId, outcome),
  );
  const cut = async () => {
    const before = p.order.connections.length;
    await p.order.connections.at(-1)?.close(); // the broker sees its connection die mid-flow
    await waitFor('the order broker to reconnect', () => p.order.connections.length > before);
  };
  await cut();
  await cut();
  await Promise.all(paying);

  await Promise.all(
    orders.map((o, i) =>
      settled(p, tenant, o.orderId, ['PLACED', 'CANCELLED', 'PENDING'][i < 5 ? 0 : i < 7 ? 1 : 2] as never),
    ),
  );
  expect(await allSettled(tenant)).toBe(5);
  expect(await level(p, tenant, 'var_mq')).toEqual({ onHand: 10, reserved: 2 }); // 5 sold, 1 still held
  expect(p.order.connections.length).toBeGreaterThanOrEqual(3);
  await waitFor('the order outbox to drain', async () => {
    const [row] = await p.orderOwner('outbox').where({ tenant_id: tenant }).whereNull('published_at').count();
    return Number((row as { count: string }).count) === 0;
  });
});

test('the order service restarts mid-saga: the new process resumes every saga from saga_state', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_rs', 20);
  const commitStuck = await placeOrder(p, tenant, orderBody([['var_rs', 1]]));
  const cancelStuck = await placeOrder(p, tenant, orderBody([['var_rs', 2]]));
  const paidWhileDown = await placeOrder(p, tenant, orderBody([['var_rs', 3]]));
  const crashed = await placeOrder(p, tenant, orderBody([['var_rs', 4]]));

  // A commit that keeps failing, a cancel whose restock keeps failing, a checkout stuck on payment.
  p.inventoryProxy.inject({ tenantId: tenant, path: /\/(commit|restock)$/, mode: 'drop-before' });
  await simulate(p, tenant, cancelStuck.payment.paymentId, 'succeeded');
  await waitFor('PLACED', async () => (await orderRow(p, tenant, cancelStuck.orderId))?.status === 'PLACED');
  await simulate(p, tenant, commitStuck.payment.paymentId, 'succeeded');
  await p.call(p.order.url, `/api/admin/orders/${cancelStuck.orderId}/cancel`, {
    method: 'POST',
    ctx: staff(tenant),
  });
  p.paymentProxy.inject({ tenantId: tenant, path: /^\/internal\/payments$/, mode: 'drop-before' });
  const stuckBody = orderBody([['var_rs', 5]]);
  expect((await createOrder(p, tenant, stuckBody)).status).toBe(503);

  await p.restartOrder(async () => {
    // While no order process runs: a payment succeeds (its event waits in the durable queue) and
    // a process "dies" holding the lease of a step it had just claimed.
    await simulate(p, tenant, paidWhileDown.payment.paymentId, 'succeeded');
    await p
      .orderOwner('saga_state')
      .where({ tenant_id: tenant, order_id: crashed.orderId })
      .update({ step: 'create_payment', status: 'running', deadline_at: new Date(Date.now() + 1_000) });
    p.inventoryProxy.clear();
    p.paymentProxy.clear();
  });

  await settled(p, tenant, commitStuck.orderId, 'PLACED');
  await settled(p, tenant, cancelStuck.orderId, 'CANCELLED');
  await settled(p, tenant, paidWhileDown.orderId, 'PLACED');
  await settled(p, tenant, crashed.orderId, 'PENDING'); // the lease ran out; create_payment was redone
  const resumed = await json<CreatedOrder>(await createOrder(p, tenant, stuckBody));
  expect(resumed.status).toBe('PENDING');
  expect(await allSettled(tenant)).toBe(2);
  expect(await level(p, tenant, 'var_rs')).toEqual({ onHand: 16, reserved: 9 }); // 1+3 sold; 4+5 held
});

test('two order instances share the work: each checkout once, each payment applied once', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_two', 12);
  const second = await p.startSecondOrderNode();
  try {
    const bodies = Array.from({ length: 8 }, () => orderBody([['var_two', 1]]));
    const via = (url: string, body: (typeof bodies)[number]) =>
      p.call(url, '/internal/orders', { body, ctx: service(tenant) });
    const answers = await Promise.all(
      bodies.map(async (body) => {
        const both = await Promise.all([via(p.order.url, body), via(second.url, body)]);
        const [x, y] = await Promise.all(both.map((r) => json<CreatedOrder>(r)));
        expect(y).toEqual(x); // a checkout retried on the other instance joins the same saga
        return x as CreatedOrder;
      }),
    );
    await Promise.all(
      answers.map((o, i) => simulate(p, tenant, o.payment.paymentId, i < 6 ? 'succeeded' : 'failed')),
    );
    await Promise.all(answers.map((o, i) => settled(p, tenant, o.orderId, i < 6 ? 'PLACED' : 'CANCELLED')));
    expect(await allSettled(tenant)).toBe(6);
    expect(await level(p, tenant, 'var_two')).toEqual({ onHand: 6, reserved: 0 });
    for (const o of answers) {
      const history = await p
        .orderOwner('order_status_history')
        .where({ tenant_id: tenant, order_id: o.orderId });
      const statuses = history.map((h: { to_status: string }) => h.to_status);
      expect(new Set(statuses).size).toBe(statuses.length);
    }
  } finally {
    await second.stop();
  }
});

test('a payment event that arrives before the order is visible is retried until it applies', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_early', 5);
  const orderId = newId('ord');
  const expiresAt = new Date(Date.now() + 15 * 60_000);
  const call = (url: string, path: string, body: unknown) =>
    p.call(url, path, { body, ctx: service(tenant) });
  const reserved = await call(p.inventory.url, '/internal/reservations', {
    reservationId: orderId,
    items: [{ variantId: 'var_early', quantity: 2 }],
    expiresAt: expiresAt.toISOString(),
  });
  expect(reserved.status).toBe(201);
  const payment = await json<{ paymentId: string }>(
    await call(p.payment.url, '/internal/payments', { orderId, amount: 2500, currency: 'USD' }),
  );
  await simulate(p, tenant, payment.paymentId, 'succeeded');
  await sleep(700); // delivered and failed at least once: the order's create has not committed
  expect(await p.orderOwner('inbox').where({ tenant_id: tenant })).toEqual([]);

  await insertCommittedOrder(tenant, orderId, payment.paymentId, expiresAt); // the create commits now
  const saga = await settled(p, tenant, orderId, 'PLACED');
  expect(saga.data.committed).toBe(true);
  expect(await level(p, tenant, 'var_early')).toEqual({ onHand: 3, reserved: 0 });
  expect(await p.orderOwner('inbox').where({ tenant_id: tenant })).toHaveLength(1);
});

/** What the create transaction plus the reserve and create-payment steps leave behind. */
async function insertCommittedOrder(tenant: string, id: string, paymentId: string, expiresAt: Date) {
  await p.orderOwner.transaction(async (trx) => {
    await trx('orders').insert({
      tenant_id: tenant,
      id,
      checkout_id: `chk_${id}`,
      request_hash: 'x',
      status: 'PENDING',
      email: 'early@example.com',
      currency: 'USD',
      subtotal: 2000,
      shipping: 500,
      tax: 0,
      total: 2500,
      shipping_address: JSON.stringify({ name: 'A', line1: 'B', city: 'C', postalCode: '1', country: 'US' }),
      access_token_hash: 'x',
      access_token_nonce: 'x',
      payment_id: paymentId,
      payment_provider: 'offline',
      expires_at: expiresAt,
    });
    await trx('order_items').insert({
      tenant_id: tenant,
      order_id: id,
      line: 1,
      variant_id: 'var_early',
      product_id: 'prod_early',
      sku: 'E',
      title: 'Early',
      unit_price: 1000,
      quantity: 2,
    });
    await trx('order_status_history').insert({
      tenant_id: tenant,
      order_id: id,
      seq: 1,
      to_status: 'PENDING',
    });
    await trx('saga_state').insert({
      tenant_id: tenant,
      order_id: id,
      step: 'await_payment',
      status: 'waiting',
      deadline_at: expiresAt,
    });
  });
}
