import type { PaymentSettingsView } from '@fleet/contracts';
import {
  startRazorpayStandIn,
  startStripeStandIn,
  waitFor,
  type RazorpayStandIn,
  type StripeStandIn,
} from '@fleet/testing';
import {
  createPayment,
  json,
  newTenant,
  outbox,
  simulate,
  startPayment,
  getPayment,
  putSettings,
  readSettings,
  SETTINGS_PATH,
  staffOf,
  type PaymentFixture,
} from './payment-fixture';

const PATH = SETTINGS_PATH;
const owner = staffOf;

const STRIPE = {
  secretKey: 'sk_test_settingsA0123456789',
  publishableKey: 'pk_test_settingsA0123456789wxyz',
  webhookSecret: 'whsec_settingsA0123456789',
};
const RAZORPAY = {
  keyId: 'rzp_test_settingsR0123abcd',
  keySecret: 'settingsRsecret0123456789',
  webhookSecret: 'rzp-webhook-secret-0123',
};

let fx: PaymentFixture;
let stripe: StripeStandIn;
let razorpay: RazorpayStandIn;

beforeAll(async () => {
  [stripe, razorpay] = await Promise.all([startStripeStandIn(), startRazorpayStandIn()]);
  stripe.addAccount(STRIPE);
  razorpay.addAccount(RAZORPAY);
  fx = await startPayment('pay_settings', { apiBases: { stripe: stripe.url, razorpay: razorpay.url } });
});
afterAll(async () => {
  await fx?.close();
  await Promise.all([stripe?.close(), razorpay?.close()]);
});

const put = (tenantId: string, body: unknown, ctx = owner(tenantId)) => putSettings(fx, tenantId, body, ctx);
const get = (tenantId: string) => readSettings(fx, tenantId);

test('a store that never chose runs on offline', async () => {
  const view = await get(newTenant());
  expect(view).toEqual({
    provider: 'offline',
    testMode: true,
    liveSince: null,
    providers: [
      {
        provider: 'offline',
        active: true,
        publicKeyId: null,
        webhookPath: '/api/webhooks/offline',
        updatedAt: expect.any(String),
      },
    ],
  });
});

test('Stripe keys are checked, sealed, never read back, and the switch is announced once', async () => {
  const tenant = newTenant();
  await get(tenant);
  const res = await put(tenant, { provider: 'stripe', credentials: STRIPE });
  expect(res.status).toBe(200);
  const text = await res.text();
  for (const secret of [STRIPE.secretKey, STRIPE.webhookSecret, STRIPE.publishableKey]) {
    expect(text).not.toContain(secret);
  }
  const view = JSON.parse(text) as PaymentSettingsView;
  expect(view.provider).toBe('stripe');
  expect(view.providers.find((p) => p.provider === 'stripe')).toMatchObject({
    active: true,
    publicKeyId: 'pk_test_••••wxyz',
    webhookPath: '/api/webhooks/stripe',
  });
  expect(view.providers.find((p) => p.provider === 'offline')?.active).toBe(false);
  expect(stripe.requests.some((r) => r.secretKey === STRIPE.secretKey)).toBe(true);

  const rows = await fx.owner('payment_settings').where({ tenant_id: tenant, provider: 'stripe' });
  expect(rows).toHaveLength(1);
  expect(rows[0].credentials_sealed).toMatch(/^v1\.k1\./);
  expect(JSON.stringify(rows)).not.toContain(STRIPE.secretKey);
  expect(JSON.stringify(rows)).not.toContain(STRIPE.webhookSecret);

  // New keys for the same provider replace the old ones without announcing a switch.
  expect((await put(tenant, { provider: 'stripe', credentials: STRIPE })).status).toBe(200);
  const changes = await outbox(fx, tenant, 'payment.provider_changed');
  expect(changes.map((c) => c.envelope.data)).toEqual([{ from: 'offline', to: 'stripe' }]);
  await waitFor('the event on the bus', () =>
    fx.published.find((e) => e.type === 'payment.provider_changed' && e.tenantId === tenant),
  );
});

test('Razorpay keys are stored the same way; switching back to offline keeps its secret', async () => {
  const tenant = newTenant();
  await get(tenant);
  const before = await fx.owner('payment_settings').where({ tenant_id: tenant, provider: 'offline' }).first();
  expect((await put(tenant, { provider: 'razorpay', credentials: RAZORPAY })).status).toBe(200);
  expect((await get(tenant)).providers.find((p) => p.provider === 'razorpay')?.publicKeyId).toBe(
    'rzp_test_••••abcd',
  );
  const back = await put(tenant, { provider: 'offline' });
  expect(back.status).toBe(200);
  expect((await json<PaymentSettingsView>(back)).provider).toBe('offline');
  const after = await fx.owner('payment_settings').where({ tenant_id: tenant, provider: 'offline' }).first();
  expect(after.credentials_sealed).toBe(before.credentials_sealed);
  const changes = await outbox(fx, tenant, 'payment.provider_changed');
  expect(changes.map((c) => c.envelope.data)).toEqual([
    { from: 'offline', to: 'razorpay' },
    { from: 'razorpay', to: 'offline' },
  ]);
});

test('bad input is a 400 naming the field, wrong keys a 422, and neither changes anything', async () => {
  const tenant = newTenant();
  await get(tenant);
  const cases: Array<[unknown, string]> = [
    [{ provider: 'paypal', credentials: {} }, 'provider'],
    [{ provider: 'stripe', credentials: { ...STRIPE, secretKey: undefined } }, 'credentials.secretKey'],
    [
      { provider: 'stripe', credentials: { ...STRIPE, secretKey: STRIPE.publishableKey } },
      'credentials.secretKey',
    ],
    [
      { provider: 'stripe', credentials: { ...STRIPE, publishableKey: 'pk_live_settingsA0123456789' } },
      'credentials.publishableKey',
    ],
    [{ provider: 'stripe', credentials: { ...STRIPE, extra: 'x' } }, 'credentials.extra'],
    [{ provider: 'razorpay', credentials: { ...RAZORPAY, keyId: 'key_123' } }, 'credentials.keyId'],
    [{ provider: 'offline', credentials: { secret: 'x' } }, 'credentials.secret'],
  ];
  for (const [body, field] of cases) {
    const res = await put(tenant, body);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const problem = await json<{ errors: Array<{ path: string }> }>(res);
    expect(problem.errors.map((e) => e.path)).toContain(field);
  }
  const wrong = await put(tenant, {
    provider: 'stripe',
    credentials: { ...STRIPE, secretKey: 'sk_test_notAnAccount0123456' },
  });
  expect(wrong.status).toBe(422);
  expect((await json(wrong)).code).toBe('invalid_credentials');
  const wrongRzp = await put(tenant, {
    provider: 'razorpay',
    credentials: { ...RAZORPAY, keySecret: 'wrongsecret123' },
  });
  expect(wrongRzp.status).toBe(422);
  expect((await get(tenant)).providers.map((p) => p.provider)).toEqual(['offline']);
  expect(await outbox(fx, tenant, 'payment.provider_changed')).toHaveLength(0);
});

test('only the owner or an admin may change them; shoppers and services may not read them', async () => {
  const tenant = newTenant();
  const body = { provider: 'stripe', credentials: STRIPE };
  const plainStaff = await put(tenant, body, owner(tenant, ['staff']));
  expect(plainStaff.status).toBe(403);
  expect((await json(plainStaff)).code).toBe('insufficient_role');
  expect((await put(tenant, body, owner(tenant, ['staff', 'admin']))).status).toBe(200);
  for (const ctx of [
    { tenantId: tenant, actor: { kind: 'customer' as const, id: 'cus_1' } },
    { tenantId: tenant, actor: { kind: 'anonymous' as const } },
  ]) {
    expect((await fx.call(PATH, { ctx })).status).toBe(403);
    expect((await fx.call(PATH, { method: 'PUT', body, ctx })).status).toBe(403);
  }
});

test("one store's settings are invisible to and untouched by another", async () => {
  const a = newTenant();
  const b = newTenant();
  expect((await put(a, { provider: 'stripe', credentials: STRIPE })).status).toBe(200);
  expect((await get(b)).provider).toBe('offline');
  expect((await put(b, { provider: 'razorpay', credentials: RAZORPAY })).status).toBe(200);
  const viewA = await get(a);
  expect(viewA.provider).toBe('stripe');
  expect(viewA.providers.map((p) => p.provider)).not.toContain('razorpay');
});

test('a payment started on offline finishes there after the store switched to Stripe', async () => {
  const tenant = newTenant();
  const started = await createPayment(fx, tenant);
  expect(started.provider).toBe('offline');
  expect((await put(tenant, { provider: 'stripe', credentials: STRIPE })).status).toBe(200);
  expect((await simulate(fx, tenant, started.paymentId, 'succeeded')).status).toBe(202);
  await waitFor('the offline payment to succeed', async () =>
    (await getPayment(fx, tenant, started.paymentId)).status === 'succeeded' ? true : undefined,
  );
  const next = await createPayment(fx, tenant);
  expect(next.provider).toBe('stripe');
  expect(next.clientParams).toMatchObject({ publishableKey: STRIPE.publishableKey });
});
