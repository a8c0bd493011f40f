import { ConfigError, loadConfig } from '@fleet/config';
import { configSchema } from '../src/config';

const base = {
  INTERNAL_SIGNING_KEY: 'x'.repeat(32),
  TENANCY_URL: 'http://127.0.0.1:4001',
  CATALOG_URL: 'http://127.0.0.1:4003',
  SEARCH_URL: 'http://127.0.0.1:4004',
  CART_URL: 'http://127.0.0.1:4008',
  CHECKOUT_URL: 'http://127.0.0.1:4009',
  ORDER_URL: 'http://127.0.0.1:4007',
  INVENTORY_URL: 'http://127.0.0.1:4005',
  PAYMENT_URL: 'http://127.0.0.1:4006',
  IDENTITY_URL: 'http://127.0.0.1:4002',
};

test('defaults: built-in issuer, 5 s upstream timeout, one retry, no trusted proxy', () => {
  const config = loadConfig(configSchema, base);
  expect(config).toMatchObject({
    IDENTITY_ISSUER: 'http://identity.fleet.internal',
    KEYCLOAK_TENANT_CLAIM: 'tenant_id',
    UPSTREAM_TIMEOUT_MS: 5000,
    UPSTREAM_RETRIES: 1,
    CIRCUIT_RESET_TIMEOUT_MS: 10000,
    TRUST_PROXY: false,
    STORE_CLIENT_SHARE: 0.2,
  });
});

test('STORE_CLIENT_SHARE is a fraction in (0, 1]', () => {
  expect(loadConfig(configSchema, { ...base, STORE_CLIENT_SHARE: '1' }).STORE_CLIENT_SHARE).toBe(1);
  for (const bad of ['0', '1.5', 'x']) {
    expect(() => loadConfig(configSchema, { ...base, STORE_CLIENT_SHARE: bad })).toThrow(
      /STORE_CLIENT_SHARE/,
    );
  }
});

test.each([
  ['true', true],
  ['2', 2],
  ['loopback, 10.0.0.0/8', ['loopback', '10.0.0.0/8']],
])('TRUST_PROXY=%s', (raw, parsed) => {
  expect(loadConfig(configSchema, { ...base, TRUST_PROXY: raw }).TRUST_PROXY).toEqual(parsed);
});

test('Keycloak needs both its URL and its realm, and a reset longer than the upstream timeout', () => {
  expect(() => loadConfig(configSchema, { ...base, KEYCLOAK_URL: 'http://kc:8080' })).toThrow(ConfigError);
  expect(
    loadConfig(configSchema, { ...base, KEYCLOAK_URL: 'http://kc:8080', KEYCLOAK_REALM: 'fleet' })
      .KEYCLOAK_REALM,
  ).toBe('fleet');
  expect(() => loadConfig(configSchema, { ...base, CIRCUIT_RESET_TIMEOUT_MS: '3000' })).toThrow(/longer/);
  expect(() => loadConfig(configSchema, { ...base, IDENTITY_URL: undefined })).toThrow(/IDENTITY_URL/);
});

test('production refuses the dev signing key of compose and npm start, naming the variable', () => {
  for (const key of [
    'dev-only-internal-signing-key-0123456789abcdef',
    'dev-only-internal-signing-key-change-me',
  ]) {
    expect(() =>
      loadConfig(configSchema, { ...base, NODE_ENV: 'production', INTERNAL_SIGNING_KEY: key }),
    ).toThrow(/INTERNAL_SIGNING_KEY is a default secret/);
    expect(
      loadConfig(configSchema, { ...base, NODE_ENV: 'development', INTERNAL_SIGNING_KEY: key }),
    ).toBeTruthy();
  }
});

test('the ops port is internal: never the public port; loopback unless told', () => {
  expect(loadConfig(configSchema, base)).toMatchObject({ OPS_PORT: 9080, OPS_BIND_ADDRESS: '127.0.0.1' });
  expect(loadConfig(configSchema, base).BIND_ADDRESS).toBeUndefined();
  expect(() => loadConfig(configSchema, { ...base, PORT: '9080' })).toThrow(/OPS_PORT/);
});
