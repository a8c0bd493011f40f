import type * as PaymentProviders from '../src';

// The API contract, and through it the gateway and the web apps, reads the provider list: that
// must load no provider's SDK. Building a provider's strategy (its `load()`) loads its own.

const mockSdksLoaded: string[] = [];
jest.mock('stripe', () => {
  mockSdksLoaded.push('stripe');
  return jest.requireActual('stripe');
});
jest.mock('razorpay', () => {
  mockSdksLoaded.push('razorpay');
  return jest.requireActual('razorpay');
});

test('reading the list and the settings body loads no SDK; a provider loads its own when built', async () => {
  const lib = require('../src') as typeof PaymentProviders; // eslint-disable-line @typescript-eslint/no-require-imports
  expect(lib.PROVIDER_NAMES).toEqual(['offline', 'stripe', 'razorpay']);
  expect(lib.paymentSettingsBody.safeParse({ provider: 'offline' }).success).toBe(true);
  expect(mockSdksLoaded).toEqual([]);

  const stripe = lib.PAYMENT_PROVIDERS.find((p) => p.name === 'stripe')!;
  const create = await stripe.load();
  expect(create({}).name).toBe('stripe');
  expect(mockSdksLoaded).toEqual(['stripe']);
});
