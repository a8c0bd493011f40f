import { randomBytes } from 'node:crypto';
import type { PaymentModeChanged, PaymentSucceeded } from '@fleet/contracts';
import {
  startRazorpayStandIn,
  startStripeStandIn,
  waitFor,
  type RazorpayStandIn,
  type StripeStandIn,
} from '@fleet/testing';
import {
  createPayment,
  getPayment,
  json,
  newTenant,
  outbox,
  putSettings,
  readSettings,
  SETTINGS_PATH,
  simulate,
  staffOf,
  startPayment,
  type PaymentFixture,
} from './payment-fixture';

// Issue 13, item 3: every store starts in test mode (offline, simulate, test orders); it goes live
// only with Stripe or Razorpay live keys the provider accepts now; a live store refuses simulate
// and the offline provider. The stand-ins serve the official SDKs.

const PATH = SETTINGS_PATH;
const staff = staffOf;

let fx: PaymentFixture;
let stripe: StripeStandIn;
let razorpay: RazorpayStandIn;

beforeAll(async () => {
  [stripe, razorpay] = await Promise.all([startStripeStandIn(), startRazorpayStandIn()]);
  fx = await startPayment('pay_testmode', { apiBases: { stripe: stripe.url, razorpay: razorpay.url } });
});
afterAll(async () => {
  await fx?.close();
  await Promise.all([stripe?.close(), razorpay?.close()]);
});

const hex = () => randomBytes(10).toString('hex');
/** A Stripe account on the stand-in with keys of the given mode. */
function stripeKeys(mode: 'live' | 'test') {
  const keys = {
    secretKey: `sk_${mode}_${hex()}`,
    publishableKey: `pk_${mode}_${hex()}`,
    webhookSecret: `whsec_${hex()}`,
  };
  stripe.addAccount(keys);
  return keys;
}
function razorpayKeys(mode: 'live' | 'test') {
  const keys = { keyId: `rzp_${mode}_${hex()}`, keySecret: hex(), webhookSecret: hex() };
  razorpay.addAccount(keys);
  return keys;
}

const put = (tenantId: string, body: unknown, ctx = staff(tenantId)) => putSettings(fx, tenantId, body, ctx);
const goLive = (tenantId: string, ctx = staff(tenantId)) =>
  fx.call(`${PATH}/go-live`, { method: 'POST', ctx });
const goTest = (tenantId: string, ctx = staff(tenantId)) =>
  fx.call(`${PATH}/test-mode`, { method: 'POST', ctx });
const settings = (tenantId: string) => readSettings(fx, tenantId);
const modeEvents = async (tenantId: string) =>
  (await outbox(fx, tenantId, 'payment.mode_changed')).map((e) => ({
    version: e.envelope.version,
    data: e.envelope.data as PaymentModeChanged,
  }));

async function expectProblem(res: Response, status: number, code: string): Promise<void> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect(await json(res)).toMatchObject({ code });
}

test('a new store is in test mode: offline payments and simulate work, and every payment is a test payment', async () => {
  const tenant = newTenant();
  expect(await settings(tenant)).toMatchObject({ provider: 'offline', testMode: true, liveSince: null });
  const payment = await createPayment(fx, tenant);
  expect(payment).toMatchObject({ provider: 'offline', test: true });
  expect((await simulate(fx, tenant, payment.paymentId, 'succeeded')).status).toBe(202);
  const event = await waitFor('payment.succeeded in the outbox', async () => {
    const [found] = await outbox(fx, tenant, 'payment.succeeded');
    return found;
  });
  expect(event.envelope.data as PaymentSucceeded).toMatchObject({ paymentId: payment.paymentId, test: true });
});

test('going live is refused on offline, with test keys, and with keys the provider no longer accepts; nothing changes', async () => {
  const tenant = newTenant();
  await expectProblem(await goLive(tenant), 422, 'live_provider_required');

  expect((await put(tenant, { provider: 'stripe', credentials: stripeKeys('test') })).status).toBe(200);
  await expectProblem(await goLive(tenant), 422, 'live_keys_required');

  const live = stripeKeys('live');
  expect((await put(tenant, { provider: 'stripe', credentials: live })).status).toBe(200);
  stripe.removeAccount(live.secretKey); // the merchant rolled the keys at Stripe since
  await expectProblem(await goLive(tenant), 422, 'invalid_credentials');

  expect(await settings(tenant)).toMatchObject({ testMode: true, liveSince: null });
  expect(await modeEvents(tenant)).toEqual([]);
});

test('with verified live Stripe keys the owner goes live: simulate is 403, offline is refused, payments are real', async () => {
  const tenant = newTenant();
  const inTestMode = await createPayment(fx, tenant); // offline, still pending
  const keys = stripeKeys('live');
  expect((await put(tenant, { provider: 'stripe', credentials: keys })).status).toBe(200);
  const balanceReads = () =>
    stripe.requests.filter((r) => r.path === '/v1/balance' && r.secretKey === keys.secretKey).length;
  const readsBefore = balanceReads();

  const res = await goLive(tenant);
  expect(res.status).toBe(200);
  expect(await json(res)).toMatchObject({
    provider: 'stripe',
    testMode: false,
    liveSince: expect.any(String),
  });
  expect(balanceReads()).toBe(readsBefore + 1); // the keys were verified with Stripe just now
  expect(await modeEvents(tenant)).toEqual([{ version: 1, data: { testMode: false, provider: 'stripe' } }]);

  // The offline payment made in test mode cannot be simulated any more: nobody buys for free.
  await expectProblem(await simulate(fx, tenant, inTestMode.paymentId, 'succeeded'), 403, 'store_live');
  expect((await getPayment(fx, tenant, inTestMode.paymentId)).status).toBe('pending');
  await expectProblem(await put(tenant, { provider: 'offline' }), 409, 'store_live');
  await expectProblem(
    await put(tenant, { provider: 'stripe', credentials: stripeKeys('test') }),
    409,
    'store_live',
  );
  expect((await settings(tenant)).provider).toBe('stripe');

  const real = await createPayment(fx, tenant);
  expect(real).toMatchObject({ provider: 'stripe', test: false });

  // Again: already live, no second event.
  expect((await goLive(tenant)).status).toBe(200);
  expect(await modeEvents(tenant)).toHaveLength(1);
});

test('a live store may switch to another live provider whose keys work', async () => {
  const tenant = newTenant();
  expect((await put(tenant, { provider: 'razorpay', credentials: razorpayKeys('live') })).status).toBe(200);
  expect((await goLive(tenant)).status).toBe(200);
  expect((await put(tenant, { provider: 'stripe', credentials: stripeKeys('live') })).status).toBe(200);
  expect(await settings(tenant)).toMatchObject({ provider: 'stripe', testMode: false });
  expect((await createPayment(fx, tenant)).test).toBe(false);
});

test('only the owner goes live or back to test mode; back in test mode simulate works again', async () => {
  const tenant = newTenant();
  expect((await put(tenant, { provider: 'stripe', credentials: stripeKeys('live') })).status).toBe(200);
  for (const roles of [['staff'], ['staff', 'admin']]) {
    await expectProblem(await goLive(tenant, staff(tenant, roles)), 403, 'insufficient_role');
  }
  for (const actor of [{ kind: 'anonymous' as const }, { kind: 'customer' as const, id: 'cus_1' }]) {
    expect(
      (await fx.call(`${PATH}/go-live`, { method: 'POST', ctx: { tenantId: tenant, actor } })).status,
    ).toBe(403);
  }
  expect((await settings(tenant)).testMode).toBe(true);
  expect((await goLive(tenant)).status).toBe(200);
  await expectProblem(await goTest(tenant, staff(tenant, ['staff', 'admin'])), 403, 'insufficient_role');
  expect((await settings(tenant)).testMode).toBe(false);

  expect(await json(await goTest(tenant))).toMatchObject({ testMode: true, liveSince: null });
  expect(await modeEvents(tenant)).toEqual([
    { version: 1, data: { testMode: false, provider: 'stripe' } },
    { version: 2, data: { testMode: true, provider: 'stripe' } },
  ]);
  expect((await put(tenant, { provider: 'offline' })).status).toBe(200);
  const payment = await createPayment(fx, tenant);
  expect(payment).toMatchObject({ provider: 'offline', test: true });
  expect((await simulate(fx, tenant, payment.paymentId, 'succeeded')).status).toBe(202);
});

test("one store going live leaves another in test mode, and cannot be changed from the other's host", async () => {
  const live = newTenant();
  const other = newTenant();
  expect((await put(live, { provider: 'stripe', credentials: stripeKeys('live') })).status).toBe(200);
  expect((await goLive(live)).status).toBe(200);
  expect((await settings(other)).testMode).toBe(true);
  const payment = await createPayment(fx, other);
  expect(payment.test).toBe(true);
  expect((await simulate(fx, other, payment.paymentId, 'succeeded')).status).toBe(202);
  // The other store's owner acts on their own store only (the tenant comes from the host).
  expect((await goTest(other)).status).toBe(200);
  expect((await settings(live)).testMode).toBe(false);
  // A payment of the live store simulated through the other store's host: not found there.
  const livePayment = await createPayment(fx, live);
  expect((await simulate(fx, other, livePayment.paymentId, 'succeeded')).status).toBe(404);
});

test('go-live and test-mode take no body fields', async () => {
  const tenant = newTenant();
  const res = await fx.call(`${PATH}/go-live`, { method: 'POST', body: { force: true }, ctx: staff(tenant) });
  await expectProblem(res, 400, 'validation_failed');
});
