import { Writable } from 'node:stream';
import { createLogger, type Logger } from '@fleet/logger';

/** A logger writing into memory, and everything it wrote so far. */
function capture(): { logger: Logger; output: () => string; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger({ service: 'redaction-test', level: 'debug', destination });
  const output = () => chunks.join('');
  return {
    logger,
    output,
    lines: () =>
      output()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

// Secrets of the shapes the platform handles; none may appear in any log line.
const STRIPE_KEY = 'sk_live_51HxYzAbCdEfGhIjKlMnOpQrStUv';
const STRIPE_TEST_KEY = 'sk_test_4eC39HqLyjWDarjtT1zdp7dc';
const RESTRICTED_KEY = 'rk_live_51HxYzRestrictedKey0123';
const WEBHOOK_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const RAZORPAY_SECRET = 'EnLs21M47BllR3X8PSFtjtbd';
const REFRESH_TOKEN = 'rt_0hZkJ2bE6yV8s3nQp9WcLx4uT7rA1mGdKfHiOjNqYvS';
const ACCESS_TOKEN =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJzdGZfMSIsInRpZCI6InRlbl8xIn0.c2lnbmF0dXJlLWJ5dGVzLWhlcmU';
const CONTEXT_HEADER =
  'eyJjdHgiOnsicmVxdWVzdElkIjoiciIsInRlbmFudElkIjoidGVuXzEifSwiaWF0IjoxfQ.mQ3v9Yw2LpXk0sTzR8aBcDeFgHiJkLmNoPqRsTuVwXy';
const STRIPE_SIGNATURE =
  't=1733486400,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd,v0=6ffbb59b2300aae63f272406069a9788598b792a944a07aba816edb039989a39';
const RAZORPAY_SIGNATURE = '2f1b5c6a0e4d9b7c3a8f1e6d4c2b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b';
const PASSWORD = 'correct horse battery staple';

const ALL_SECRETS = [
  STRIPE_KEY,
  STRIPE_TEST_KEY,
  RESTRICTED_KEY,
  WEBHOOK_SECRET,
  RAZORPAY_SECRET,
  REFRESH_TOKEN,
  ACCESS_TOKEN,
  CONTEXT_HEADER,
  STRIPE_SIGNATURE,
  RAZORPAY_SIGNATURE,
  PASSWORD,
];

// The signature's hex digests alone are secrets too (v1 is what an attacker would replay).
const expectNoSecret = (output: string) => {
  for (const secret of ALL_SECRETS) expect(output).not.toContain(secret);
  expect(output).not.toMatch(/5257a869e7ecebeda32affa62cdca3fa/);
};

test('request headers: authorization, cookies, every *signature* header and the context header', async () => {
  const { logger, output, lines } = capture();
  logger.info(
    {
      req: {
        method: 'POST',
        url: '/api/webhooks/stripe',
        headers: {
          authorization: `Bearer ${ACCESS_TOKEN}`,
          cookie: `session=${REFRESH_TOKEN}`,
          'stripe-signature': STRIPE_SIGNATURE,
          'x-razorpay-signature': RAZORPAY_SIGNATURE,
          'x-custom-signature-v2': 'opaque-signature-value-123',
          'x-fleet-context': CONTEXT_HEADER,
          'content-type': 'application/json',
        },
      },
    },
    'incoming',
  );
  logger.flush();
  expectNoSecret(output());
  expect(output()).not.toContain('opaque-signature-value-123');
  const headers = (lines()[0]?.req as { headers: Record<string, string> }).headers;
  expect(headers['content-type']).toBe('application/json'); // what is harmless stays readable
  expect(headers['stripe-signature']).toBe('[redacted]');
  expect(headers['x-fleet-context']).toBe('[redacted]');
});

test('bodies and settings at any depth: tokens, provider keys, webhook secrets, passwords', () => {
  const { logger, output, lines } = capture();
  logger.info(
    {
      body: { email: 'a@b.test', password: PASSWORD, refreshToken: REFRESH_TOKEN },
      result: { accessToken: ACCESS_TOKEN, refresh_token: REFRESH_TOKEN },
      provider: {
        kind: 'stripe',
        credentials: { secretKey: STRIPE_KEY },
        settings: [{ webhookSecret: WEBHOOK_SECRET }, { key_secret: RAZORPAY_SECRET, keyId: 'rzp_test_1' }],
      },
      razorpay: { keySecret: RAZORPAY_SECRET, 'api-key': STRIPE_TEST_KEY },
    },
    'configured',
  );
  expectNoSecret(output());
  const line = lines()[0] as {
    body: Record<string, string>;
    provider: { settings: Array<Record<string, string>> };
  };
  expect(line.body.email).toBe('a@b.test');
  expect(line.provider.settings[1]?.keyId).toBe('rzp_test_1');
});

test('secrets by shape: in messages, under innocent names, in error messages and fields', () => {
  const { logger, output } = capture();
  logger.warn(`stripe answered: Invalid API Key provided: ${STRIPE_KEY}`);
  logger.warn({ note: `retrying with ${WEBHOOK_SECRET} and ${RESTRICTED_KEY}` }, 'webhook');
  logger.info({ value: REFRESH_TOKEN, header: CONTEXT_HEADER, jwt: ACCESS_TOKEN }, 'misc');
  logger.info({ raw: `stripe-signature: ${STRIPE_SIGNATURE}` }, 'raw header line');
  const err = Object.assign(new Error(`No such key: ${STRIPE_TEST_KEY}`), {
    headers: {
      'x-razorpay-signature': RAZORPAY_SIGNATURE,
      authorization: `Basic cnpwX3Rlc3Q6${RAZORPAY_SECRET}`,
    },
    config: { keySecret: RAZORPAY_SECRET },
  });
  logger.error({ err }, 'provider call failed');
  logger.error(err, 'provider call failed (error as the object)');
  expectNoSecret(output());
  expect(output()).toContain('No such key: [redacted]'); // the message stays, the key does not
});

test('passwords in connection URLs, wherever they are written', () => {
  const { logger, output } = capture();
  logger.warn(
    { url: 'postgres://fleet_app:s3cr3t-db-pass@db.internal:5432/fleet' },
    'connecting to amqp://guest:rabbit-pass-9@mq.internal:5672 failed',
  );
  expect(output()).not.toContain('s3cr3t-db-pass');
  expect(output()).not.toContain('rabbit-pass-9');
  expect(output()).toContain('postgres://fleet_app:[redacted]@db.internal:5432/fleet');
});

test('child-logger bindings are redacted too', () => {
  const { logger, output } = capture();
  logger.child({ webhookSecret: WEBHOOK_SECRET, tenant: 'ten_1' }).info('bound');
  expectNoSecret(output());
  expect(output()).toContain('ten_1');
});

test('an object with nothing secret is logged unchanged', () => {
  const { logger, lines } = capture();
  const line = { method: 'GET', route: '/api/store/products', statusCode: 200, durationMs: 1.5, kid: 'k1' };
  logger.info(line, 'request finished');
  expect(lines()[0]).toMatchObject(line);
});
