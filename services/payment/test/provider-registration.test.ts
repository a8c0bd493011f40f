import { PAYMENT_PROVIDERS } from '@fleet/payment-providers';
import { configSchema, providerApiBases } from '../src/config';
import { createRegisteredProviders, PROVIDER_NAMES } from '../src/domain/providers/registry';
import { paymentSettingsBody, toProviderCredentials } from '../src/http/settings.schemas';

// The list in @fleet/payment-providers is the one list of providers: names, settings form,
// API-host settings and the strategies built at start-up all come from it.

const env = {
  DATABASE_URL: 'postgres://fleet_app@db:5432/fleet_payment',
  RELAY_DATABASE_URL: 'postgres://fleet_relay@db:5432/fleet_payment',
  INTERNAL_SIGNING_KEY: '6b1d0e9f2c3a4b5d6e7f8091a2b3c4d5',
  PAYMENT_CREDENTIALS_KEY: 'k1:9f8e7d6c5b4a39281706f5e4d3c2b1a0aa',
};

test('the names are the registered folders, in order', async () => {
  expect(PROVIDER_NAMES).toEqual(PAYMENT_PROVIDERS.map((f) => f.name));
  expect(PROVIDER_NAMES).toEqual(expect.arrayContaining(['offline', 'stripe', 'razorpay']));
  expect((await createRegisteredProviders()).map((p) => p.name)).toEqual(PROVIDER_NAMES);
});

test('the settings form takes every registered name and no other', () => {
  expect(paymentSettingsBody.safeParse({ provider: 'offline' }).success).toBe(true);
  expect(paymentSettingsBody.safeParse({ provider: 'paypal', credentials: {} }).success).toBe(false);
  const form = paymentSettingsBody.parse({
    provider: 'razorpay',
    credentials: { keyId: 'rzp_test_abcdefgh12', keySecret: 'secret1234', webhookSecret: 'whsecret1' },
  });
  expect(toProviderCredentials(form)).toEqual({
    publicKeyId: 'rzp_test_abcdefgh12',
    webhookSecret: 'whsecret1',
    secrets: { keySecret: 'secret1234' },
  });
  expect(toProviderCredentials(paymentSettingsBody.parse({ provider: 'offline' }))).toBeNull();
});

test('each provider with an API host has its <NAME>_API_BASE setting, checked as a URL', () => {
  const config = configSchema.parse({ ...env, STRIPE_API_BASE: 'http://127.0.0.1:9999' });
  expect(providerApiBases(config)).toEqual({ stripe: 'http://127.0.0.1:9999' });
  expect(configSchema.safeParse({ ...env, RAZORPAY_API_BASE: 'not a url' }).success).toBe(false);
  expect(Object.keys(configSchema.shape)).toEqual(
    expect.arrayContaining(['STRIPE_API_BASE', 'RAZORPAY_API_BASE']),
  );
  expect(Object.keys(configSchema.shape)).not.toContain('OFFLINE_API_BASE');
});
