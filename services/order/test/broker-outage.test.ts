import { newId } from '@fleet/db';
import { CONTEXT_HEADER, contextTarget, signContext } from '@fleet/tenancy';
import {
  startRazorpayStandIn,
  startStripeStandIn,
  startTcpProxy,
  TEST_AMQP_URL,
  waitFor,
  type RazorpayStandIn,
  type StripeStandIn,
  type TcpProxy,
} from '@fleet/testing';
import { checkConsistency } from './support/consistency';
import {
  level,
  newTenant,
  orderBody,
  orderRow,
  passUnpaidTimeout,
  placeOrder,
  reservation,
  sagaRow,
  settled,
  setStock,
  simulate,
  staff,
  startPlatform,
  statusHistory,
  type Platform,
} from './support/platform';
import { SIGNING_KEY } from './support/services';

/**
 * Issue 13 item 10: the unpaid-order timeout cancelled without asking payment, so a broker outage
 * (payment.succeeded stuck in payment's outbox) or a lost webhook cancelled and refunded orders
 * that were paid. Every service of this platform reaches RabbitMQ through a TCP proxy the test
 * cuts (the shared RabbitMQ keeps running); the provider accounts have no webhook, so only the
 * provider's API knows the shopper paid. The order's timeout passes during the outage: it must end
 * PLACED, stock sold, money kept, before and after the broker comes back.
 */
let p: Platform;
let broker: TcpProxy;
let stripe: StripeStandIn;
let razorpay: RazorpayStandIn;

beforeAll(async () => {
  [stripe, razorpay, broker] = await Promise.all([
    startStripeStandIn(),
    startRazorpayStandIn(),
    startTcpProxy(TEST_AMQP_URL),
  ]);
  p = await startPlatform(
    'ord_broker_out',
    { stripe: stripe.url, razorpay: razorpay.url },
    { amqpUrl: broker.url },
  );
}, 60_000);
afterAll(async () => {
  await p?.close();
  await Promise.all([stripe?.close(), razorpay?.close(), broker?.close()]);
});

async function choose(tenantId: string, provider: string, credentials: Record<string, string>) {
  const res = await p.call(p.payment.url, '/api/admin/settings/payments', {
    method: 'PUT',
    body: { provider, credentials },
    ctx: { ...staff(tenantId), actor: { kind: 'staff', id: 'stf_owner', roles: ['owner'] } },
  });
  if (res.status !== 200) throw new Error(`settings answered ${res.status}: ${await res.text()}`);
}

async function providerRef(tenantId: string, orderId: string): Promise<string> {
  const row = await p.payment.owner('payments').where({ tenant_id: tenantId, order_id: orderId }).first();
  return row.provider_payment_id as string;
}

/** Keys per tenant; no webhook endpoint: the provider tells only through its API. */
const providers = [
  {
    name: 'offline',
    currency: 'USD',
    setUp: async () => undefined,
    pay: async (tenantId: string, order: { payment: { paymentId: string } }) =>
      simulate(p, tenantId, order.payment.paymentId, 'succeeded'),
  },
  {
    name: 'stripe',
    currency: 'USD',
    setUp: async (tenantId: string) => {
      const id = tenantId.slice(-10);
      const account = {
        secretKey: `sk_test_${id}Secret01`,
        publishableKey: `pk_test_${id}Public01`,
        webhookSecret: `whsec_${id}Hook0123`,
      };
      stripe.addAccount(account);
      await choose(tenantId, 'stripe', account);
    },
    pay: async (tenantId: string, order: { orderId: string }) => {
      await stripe.pay(await providerRef(tenantId, order.orderId), 'succeeded');
    },
  },
  {
    name: 'razorpay',
    currency: 'INR',
    setUp: async (tenantId: string) => {
      const id = tenantId.slice(-10);
      const account = {
        keyId: `rzp_test_${id}`,
        keySecret: `${id}KeySecret01`,
        webhookSecret: `${id}-webhook-secret`,
      };
      razorpay.addAccount(account);
      await choose(tenantId, 'razorpay', account);
    },
    pay: async (tenantId: string, order: { orderId: string }) => {
      await razorpay.pay(await providerRef(tenantId, order.orderId), 'succeeded');
    },
  },
];

describe.each(providers)('$name', (provider) => {
  test('broker down past the unpaid timeout while the payment succeeds: the order ends PLACED', async () => {
    const tenant = newTenant();
    await provider.setUp(tenant);
    await setStock(p, tenant, 'var_out', 4);
    const order = await placeOrder(
      p,
      tenant,
      orderBody([['var_out', 3]], { currency: provider.currency, unpaidOrderTimeoutMinutes: 5 }),
    );
    await broker.cut();
    try {
      await provider.pay(tenant, order);
      // The unpaid timeout passes while the broker is down.
      await passUnpaidTimeout(p, tenant, order.orderId);
      const saga = await settled(p, tenant, order.orderId, 'PLACED', 20_000);
      expect(saga.status).toBe('done');
      expect(saga.data).toMatchObject({ captured: true, committed: true });
      // payment's event has not reached anyone yet: the timeout learnt it from payment (and the provider).
      const unpublished = await p.payment
        .owner('outbox')
        .where({ tenant_id: tenant, type: 'payment.succeeded' })
        .whereNull('published_at');
      expect(unpublished).toHaveLength(1);
    } finally {
      await broker.restore();
    }
    // The broker is back: payment.succeeded reaches order, which changes nothing.
    await waitFor(
      'order to consume payment.succeeded',
      async () =>
        (await p.orderOwner('inbox').where({ tenant_id: tenant, consumer: 'order.saga-events' })).length > 0,
      { timeoutMs: 20_000, intervalMs: 100 },
    );
    await settled(p, tenant, order.orderId, 'PLACED');
    expect(await statusHistory(p, tenant, order.orderId)).toEqual(['PENDING', 'PLACED']);
    const payment = await p.payment
      .owner('payments')
      .where({ tenant_id: tenant, order_id: order.orderId })
      .first();
    expect([payment.status, Number(payment.refunded_amount)]).toEqual(['succeeded', 0]);
    expect((await orderRow(p, tenant, order.orderId))?.refunded_amount).toBe('0');
    expect((await reservation(p, tenant, order.orderId))?.status).toBe('committed');
    expect(await level(p, tenant, 'var_out')).toEqual({ onHand: 1, reserved: 0 });
    expect((await checkConsistency(p, tenant)).problems).toEqual([]);
  });
});

test('a webhook arriving after the timeout placed the order changes nothing (stored once, applied once)', async () => {
  const tenant = newTenant();
  await providers[1]?.setUp(tenant);
  await setStock(p, tenant, 'var_late', 2);
  const order = await placeOrder(p, tenant, orderBody([['var_late', 1]], { unpaidOrderTimeoutMinutes: 5 }));
  const ref = await providerRef(tenant, order.orderId);
  const { event } = await stripe.pay(ref, 'succeeded');
  await passUnpaidTimeout(p, tenant, order.orderId);
  await settled(p, tenant, order.orderId, 'PLACED');
  const id = tenant.slice(-10);
  const late = stripe.signEvent(event, `whsec_${id}Hook0123`);
  const res = await fetch(`${p.payment.url}/api/webhooks/stripe`, {
    method: 'POST',
    headers: {
      ...late.headers,
      [CONTEXT_HEADER]: signContext(
        { requestId: newId('req'), tenantId: tenant, actor: { kind: 'anonymous' } },
        SIGNING_KEY,
        contextTarget('payment', 'POST', '/api/webhooks/stripe'),
      ),
    },
    body: late.rawBody,
  });
  expect(res.status).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const events = await p.payment.owner('outbox').where({ tenant_id: tenant, type: 'payment.succeeded' });
  expect(events).toHaveLength(1);
  await settled(p, tenant, order.orderId, 'PLACED');
  expect(await statusHistory(p, tenant, order.orderId)).toEqual(['PENDING', 'PLACED']);
  expect((await checkConsistency(p, tenant)).problems).toEqual([]);
});

test('an order nobody paid is still cancelled at its timeout (payment asked, provider says unpaid)', async () => {
  const tenant = newTenant();
  await providers[1]?.setUp(tenant);
  await setStock(p, tenant, 'var_unpaid', 2);
  const order = await placeOrder(p, tenant, orderBody([['var_unpaid', 2]], { unpaidOrderTimeoutMinutes: 5 }));
  await passUnpaidTimeout(p, tenant, order.orderId);
  await settled(p, tenant, order.orderId, 'CANCELLED');
  expect(await statusHistory(p, tenant, order.orderId)).toEqual(['PENDING', 'CANCEL_REQUESTED', 'CANCELLED']);
  expect(stripe.requests.some((r) => r.method === 'GET' && r.path.startsWith('/v1/payment_intents/'))).toBe(
    true,
  );
  expect(await level(p, tenant, 'var_unpaid')).toEqual({ onHand: 2, reserved: 0 });
});

test('a payment still processing at the provider extends the wait once, then places or cancels', async () => {
  const tenant = newTenant();
  await providers[1]?.setUp(tenant);
  await setStock(p, tenant, 'var_slow', 2);
  const body = () => orderBody([['var_slow', 1]], { unpaidOrderTimeoutMinutes: 5 });
  const [settles, stalls] = [await placeOrder(p, tenant, body()), await placeOrder(p, tenant, body())];
  for (const order of [settles, stalls]) {
    await stripe.pay(await providerRef(tenant, order.orderId), 'processing');
    await passUnpaidTimeout(p, tenant, order.orderId);
  }
  for (const order of [settles, stalls]) {
    const saga = await waitFor('the wait to be extended', async () => {
      const row = await sagaRow(p, tenant, order.orderId);
      return row.data.paymentWaitExtended ? row : undefined;
    });
    expect([saga.step, saga.status]).toEqual(['await_payment', 'waiting']);
    const { deadline_at: deadline } = await p
      .orderOwner('saga_state')
      .where({ tenant_id: tenant, order_id: order.orderId })
      .first('deadline_at');
    // until expiresAt (1 s ago) + the grace (10 min by default)
    expect(new Date(deadline).getTime()).toBeGreaterThan(
      Date.now() + p.order.deps.saga.paymentGraceMs - 60_000,
    );
    expect((await orderRow(p, tenant, order.orderId))?.status).toBe('PENDING');
  }
  await stripe.pay(await providerRef(tenant, settles.orderId), 'succeeded');
  await passUnpaidTimeout(p, tenant, settles.orderId); // the grace passes
  await passUnpaidTimeout(p, tenant, stalls.orderId);
  await settled(p, tenant, settles.orderId, 'PLACED');
  await settled(p, tenant, stalls.orderId, 'CANCELLED');
  expect(await level(p, tenant, 'var_slow')).toEqual({ onHand: 1, reserved: 0 });
  expect((await checkConsistency(p, tenant)).problems).toEqual([]);
});
