import { ConfigError, loadConfig } from '@fleet/config';
import { configSchema } from '../src/config';

// The payment service's sealing keys under production: the compose fallback and the chart's
// placeholder are refused, naming the variable.

const env = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://fleet_app:s3cret@db:5432/fleet_payment',
  RELAY_DATABASE_URL: 'postgres://fleet_relay:s3cret@db:5432/fleet_payment',
  INTERNAL_SIGNING_KEY: '6b1d0e9f2c3a4b5d6e7f8091a2b3c4d5',
};

function problemsOf(values: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(configSchema, values);
    return [];
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return err.problems;
  }
}

test.each([
  'compose:compose-only-payment-credentials-key-change-me',
  'k1:CHANGE_ME_TO_32_PLUS_RANDOM_CHARACTERS',
  'dev:dev-only-payment-credentials-key-change-me',
])('production refuses PAYMENT_CREDENTIALS_KEY=%s', (value) => {
  expect(problemsOf({ ...env, PAYMENT_CREDENTIALS_KEY: value })).toEqual([
    expect.stringMatching(/^PAYMENT_CREDENTIALS_KEY /),
  ]);
  expect(problemsOf({ ...env, NODE_ENV: 'development', PAYMENT_CREDENTIALS_KEY: value })).toEqual([]);
});

test('production starts with a key of its own', () => {
  expect(problemsOf({ ...env, PAYMENT_CREDENTIALS_KEY: 'k1:9f8e7d6c5b4a39281706f5e4d3c2b1a0aa' })).toEqual(
    [],
  );
});
